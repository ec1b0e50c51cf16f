package org.keagen.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An input that takes seconds is a finding too: the work keagen does must stay near linear. The
 * first execution of each target is exempt, since it loads and instruments every class it reaches.
 */
final class Slow {
  /** The longest one execution may take. */
  static final long LIMIT_NANOS = 5_000_000_000L;
  private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

  private Slow() {}

  static void check(String target, long startNanos, Object input) {
    long took = System.nanoTime() - startNanos;
    if (WARM.add(target)) {
      return;
    }
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
