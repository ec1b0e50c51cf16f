package org.keagen.plan;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.Objects;

/** A contiguous range of pool addresses, rendered as Kea's {@code "first-last"} pool. */
public record PoolRange(IPv4Address first, IPv4Address last) implements Comparable<PoolRange> {

  public PoolRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("pool range " + first + "-" + last + " runs backwards");
    }
  }

  public static PoolRange of(IPv4Address first, IPv4Address last) {
    return new PoolRange(first, last);
  }

  /** Kea's pool text, e.g. {@code 10.0.0.10-10.0.0.20}. */
  public String toKea() {
    return first.toNormalizedString() + "-" + last.toNormalizedString();
  }

  public long size() {
    return last.longValue() - first.longValue() + 1;
  }

  @Override
  public int compareTo(PoolRange other) {
    return first.compareTo(other.first);
  }
}
