package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Finds the most specific prefix of a VRF that contains an address in time bounded by the number
 * of distinct prefix lengths (at most 33), whatever the number of prefixes.
 *
 * @param <T> what is stored per prefix
 */
final class PrefixIndex<T> {
  /** Keyed by VRF (empty string for the global table), then prefix length, then network number. */
  private final Map<String, Map<Integer, Map<Long, T>>> byVrf = new HashMap<>();
  private final Map<String, TreeSet<Integer>> lengthsByVrf = new HashMap<>();

  /** Adds a prefix; returns the value already stored for the same VRF and prefix, if any. */
  T put(String vrf, IPv4Address network, T value) {
    String key = Objects.requireNonNullElse(vrf, "");
    int length = network.getNetworkPrefixLength();
    lengthsByVrf.computeIfAbsent(key, k -> new TreeSet<>()).add(length);
    return byVrf.computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(length, k -> new HashMap<>())
        .putIfAbsent(network.longValue() >>> (32 - length) << (32 - length), value);
  }

  /** The value of the longest prefix of {@code vrf} containing {@code address}, or {@code null}. */
  T longestMatch(String vrf, IPv4Address address) {
    String key = Objects.requireNonNullElse(vrf, "");
    TreeSet<Integer> lengths = lengthsByVrf.get(key);
    if (lengths == null) {
      return null;
    }
    long value = address.longValue();
    Map<Integer, Map<Long, T>> byLength = byVrf.get(key);
    for (int length : lengths.descendingSet()) {
      long network = length == 0 ? 0 : value >>> (32 - length) << (32 - length);
      T found = byLength.get(length).get(network);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** All distinct VRF keys, for tests and diagnostics. */
  List<String> vrfs() {
    return byVrf.keySet().stream().sorted().toList();
  }
}
