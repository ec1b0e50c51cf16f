package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the most specific prefix of a VRF that contains an address in time bounded by the number
 * of distinct prefix lengths (at most 33), whatever the number of prefixes: one hash probe per
 * length the VRF uses, longest first. It counts its look-ups and probes, so tests can hold the
 * resolver to that bound.
 *
 * @param <T> what is stored per prefix
 */
final class PrefixIndex<T> {
  /** The prefixes of one VRF: networks by length, and the lengths in use, longest first. */
  private static final class Table<T> {
    @SuppressWarnings("unchecked")
    final Map<Long, T>[] byLength = new Map[33];
    int[] lengths = new int[0];
  }

  /** Keyed by VRF (empty string for the global table). */
  private final Map<String, Table<T>> byVrf = new HashMap<>();
  /** Counted from any number of threads: look-ups may run on every core once the prefixes are in. */
  private final LongAdder lookups = new LongAdder();
  private final LongAdder probes = new LongAdder();

  /** Adds a prefix, before any look-up; returns the value already stored for the same VRF and prefix, if any. */
  T put(String vrf, IPv4Address network, T value) {
    Table<T> table = byVrf.computeIfAbsent(Objects.requireNonNullElse(vrf, ""), k -> new Table<>());
    int length = network.getNetworkPrefixLength();
    if (table.byLength[length] == null) {
      table.byLength[length] = new HashMap<>();
      int[] lengths = Arrays.copyOf(table.lengths, table.lengths.length + 1);
      lengths[lengths.length - 1] = length;
      Arrays.sort(lengths);
      for (int i = 0, j = lengths.length - 1; i < j; i++, j--) {
        int swap = lengths[i];
        lengths[i] = lengths[j];
        lengths[j] = swap;
      }
      table.lengths = lengths;
    }
    return table.byLength[length].putIfAbsent(network(network.longValue(), length), value);
  }

  /** The value of the longest prefix of {@code vrf} containing {@code address}, or {@code null}. */
  T longestMatch(String vrf, IPv4Address address) {
    return longestMatch(vrf, address.longValue());
  }

  /** The value of the longest prefix of {@code vrf} containing the address {@code value}, or {@code null}. */
  T longestMatch(String vrf, long value) {
    lookups.increment();
    Table<T> table = byVrf.get(Objects.requireNonNullElse(vrf, ""));
    if (table == null) {
      return null;
    }
    int probed = 0;
    T found = null;
    for (int length : table.lengths) {
      probed++;
      found = table.byLength[length].get(network(value, length));
      if (found != null) {
        break;
      }
    }
    probes.add(probed);
    return found;
  }

  /** All distinct VRF keys, for tests and diagnostics. */
  List<String> vrfs() {
    return byVrf.keySet().stream().sorted().toList();
  }

  /** Look-ups so far. */
  long lookups() {
    return lookups.sum();
  }

  /** Hash probes so far: at most the number of distinct prefix lengths per look-up. */
  long probes() {
    return probes.sum();
  }

  /** The most distinct prefix lengths any VRF uses. */
  int maxLengths() {
    return byVrf.values().stream().mapToInt(t -> t.lengths.length).max().orElse(0);
  }

  private static long network(long value, int length) {
    return length == 0 ? 0 : value >>> (32 - length) << (32 - length);
  }
}
