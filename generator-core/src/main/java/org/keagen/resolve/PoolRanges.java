package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.keagen.plan.PoolRange;

/** Groups individual pool addresses into maximal contiguous ranges. */
public final class PoolRanges {
  private PoolRanges() {}

  /** The ranges covering {@code ascending} (sorted, distinct addresses), in order. */
  public static List<PoolRange> merge(List<IPv4Address> ascending) {
    long[] values = new long[ascending.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ascending.get(i).longValue();
    }
    return merge(values, values.length, ascending::get);
  }

  /**
   * The ranges covering the first {@code count} of {@code ascending} (sorted, distinct address
   * values), in order; {@code addressAt} gives the address object at an index, for range ends.
   */
  static List<PoolRange> merge(long[] ascending, int count, IntFunction<IPv4Address> addressAt) {
    List<PoolRange> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= count; i++) {
      if (i == count || ascending[i] != ascending[i - 1] + 1) {
        ranges.add(PoolRange.of(addressAt.apply(start), addressAt.apply(i - 1)));
        start = i;
      }
    }
    return ranges;
  }
}
