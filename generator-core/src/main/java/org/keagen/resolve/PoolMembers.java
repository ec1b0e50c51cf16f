package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keagen.plan.PoolRange;

/**
 * The pool addresses of one subnet while it is resolved, kept compact: one {@code long} per
 * tagged address (its value and its position in the snapshot's pool list), sorted once when first
 * read. Reading gives the distinct addresses in ascending order, each with the position of the
 * first address object that tagged it, which is where its device facts come from.
 */
final class PoolMembers {
  private long[] entries = new long[8];
  private int added;
  private boolean sealed;
  private long[] values;
  private int[] firstPositions;
  private int size;
  /** Addresses the library read as more than one value; the last one per value is kept, as a map would. */
  private Map<Long, IPv4Address> blocks;

  /** Adds an address tagged by the pool object at {@code position}. */
  void add(IPv4Address address, int position) {
    long value = address.longValue();
    add(value, position);
    if (address.isMultiple()) {
      if (blocks == null) {
        blocks = new HashMap<>();
      }
      blocks.put(value, address);
    }
  }

  /** Adds the single address {@code value} tagged by the pool object at {@code position}. */
  void add(long value, int position) {
    if (sealed) {
      throw new IllegalStateException("pool members are added before they are read");
    }
    if (added == entries.length) {
      entries = Arrays.copyOf(entries, added * 2);
    }
    // value in the high half, position in the low; the sign flip makes signed order unsigned order
    entries[added++] = (value << 32 | position) ^ Long.MIN_VALUE;
    if (blocks != null) {
      blocks.remove(value);
    }
  }

  /** Distinct addresses. */
  int size() {
    seal();
    return size;
  }

  boolean contains(long value) {
    seal();
    return Arrays.binarySearch(values, 0, size, value) >= 0;
  }

  /** Drops an address (the subnet's gateway). */
  void remove(long value) {
    seal();
    int at = Arrays.binarySearch(values, 0, size, value);
    if (at >= 0) {
      System.arraycopy(values, at + 1, values, at, size - at - 1);
      System.arraycopy(firstPositions, at + 1, firstPositions, at, size - at - 1);
      size--;
    }
  }

  /** The {@code i}-th distinct address, ascending. */
  long value(int i) {
    seal();
    return values[i];
  }

  /** The snapshot position of the first pool object that tagged the {@code i}-th address. */
  int firstPosition(int i) {
    seal();
    return firstPositions[i];
  }

  /** The addresses as maximal contiguous ranges, ascending. */
  List<PoolRange> ranges() {
    seal();
    return PoolRanges.merge(values, size, i -> address(values[i]));
  }

  private IPv4Address address(long value) {
    IPv4Address block = blocks == null ? null : blocks.get(value);
    return block != null ? block : new IPv4Address((int) value);
  }

  private void seal() {
    if (sealed) {
      return;
    }
    sealed = true;
    Arrays.sort(entries, 0, added);
    values = new long[added];
    firstPositions = new int[added];
    for (int i = 0; i < added; i++) {
      long entry = entries[i] ^ Long.MIN_VALUE;
      long value = entry >>> 32;
      if (size > 0 && values[size - 1] == value) {
        continue; // the same address tagged again: the first object (lowest position) stays
      }
      values[size] = value;
      firstPositions[size] = (int) entry;
      size++;
    }
    entries = null;
  }
}
