package org.keagen.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

/** An input that takes seconds is a finding too: the work keagen does must stay near linear. */
final class Slow {
  /** The longest one execution may take. */
  static final long LIMIT_NANOS = 5_000_000_000L;

  private Slow() {}

  static void check(long startNanos, Object input) {
    long took = System.nanoTime() - startNanos;
    if (took > LIMIT_NANOS) {
      fail("took " + took / 1_000_000 + " ms (limit " + LIMIT_NANOS / 1_000_000 + " ms) for an input of "
          + size(input) + " bytes or characters");
    }
  }

  private static int size(Object input) {
    if (input instanceof byte[] bytes) {
      return bytes.length;
    }
    return String.valueOf(input).length();
  }
}
