package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.List;
import org.keagen.plan.PoolRange;

/** Groups individual pool addresses into maximal contiguous ranges. */
public final class PoolRanges {
  private PoolRanges() {}

  /** The ranges covering {@code ascending} (sorted, distinct addresses), in order. */
  public static List<PoolRange> merge(List<IPv4Address> ascending) {
    List<PoolRange> ranges = new ArrayList<>();
    IPv4Address first = null;
    IPv4Address last = null;
    for (IPv4Address address : ascending) {
      if (last != null && address.longValue() == last.longValue() + 1) {
        last = address;
        continue;
      }
      if (first != null) {
        ranges.add(PoolRange.of(first, last));
      }
      first = address;
      last = address;
    }
    if (first != null) {
      ranges.add(PoolRange.of(first, last));
    }
    return ranges;
  }
}
