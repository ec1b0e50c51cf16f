package org.keagen.snapshot;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Narrows a snapshot to the prefixes of some locations, VRFs and tenants, so that one source of
 * truth can feed one config per site or per server. A prefix is kept when it matches every
 * non-empty dimension (any of the names given in that dimension); an address is kept when the
 * prefix it belongs to in the whole snapshot (the most specific one of its VRF that contains it)
 * is kept, so a filter never moves an address into a wider prefix. Addresses that lie in no
 * prefix, or cannot be parsed, belong to no site and are dropped by any filter. Devices are kept
 * when a kept address is on one of their interfaces; option definitions and static fragments are
 * kept as they are. The empty filter returns the snapshot unchanged.
 *
 * @param locations the location (site) names to keep; empty keeps every location
 * @param vrfs the VRF names to keep; empty keeps every VRF (a prefix in the global table has no
 *     VRF name and is dropped by a VRF filter)
 * @param tenants the tenant names to keep; empty keeps every tenant
 */
public record SnapshotFilter(SortedSet<String> locations, SortedSet<String> vrfs, SortedSet<String> tenants) {

  public SnapshotFilter {
    locations = frozen(locations);
    vrfs = frozen(vrfs);
    tenants = frozen(tenants);
  }

  /** The filter that keeps everything. */
  public static SnapshotFilter none() {
    return new SnapshotFilter(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  /** A filter from names; {@code null} or empty collections do not filter. */
  public static SnapshotFilter of(Collection<String> locations, Collection<String> vrfs, Collection<String> tenants) {
    return new SnapshotFilter(sorted(locations), sorted(vrfs), sorted(tenants));
  }

  /** True when this filter keeps everything. */
  public boolean isEmpty() {
    return locations.isEmpty() && vrfs.isEmpty() && tenants.isEmpty();
  }

  /** True when the prefix matches every non-empty dimension. */
  public boolean keeps(Prefix prefix) {
    return matches(locations, prefix.location()) && matches(vrfs, prefix.vrf()) && matches(tenants, prefix.tenant());
  }

  /** The part of {@code snapshot} this filter selects. */
  public Snapshot apply(Snapshot snapshot) {
    if (isEmpty()) {
      return snapshot;
    }
    Placement placement = new Placement(snapshot.prefixes());
    List<Prefix> prefixes = snapshot.prefixes().stream().filter(this::keeps).toList();
    List<Address> pool = keptAddresses(snapshot.poolAddresses(), placement);
    List<Address> reserved = keptAddresses(snapshot.reservedAddresses(), placement);
    Set<String> deviceIds = new HashSet<>();
    for (List<Address> addresses : List.of(pool, reserved)) {
      addresses.forEach(a -> a.interfaces().forEach(i -> deviceIds.add(i.deviceId())));
    }
    List<Device> devices = snapshot.devices().stream().filter(d -> deviceIds.contains(d.id())).toList();
    return new Snapshot(snapshot.source(), prefixes, pool, reserved, devices, snapshot.optionDefinitions(),
        snapshot.staticFragments());
  }

  /** A short description for messages, e.g. {@code location dc1, vrf red|blue}; empty when none. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!locations.isEmpty()) {
      parts.add("location " + String.join("|", locations));
    }
    if (!vrfs.isEmpty()) {
      parts.add("vrf " + String.join("|", vrfs));
    }
    if (!tenants.isEmpty()) {
      parts.add("tenant " + String.join("|", tenants));
    }
    return String.join(", ", parts);
  }

  private List<Address> keptAddresses(List<Address> addresses, Placement placement) {
    List<Address> kept = new ArrayList<>();
    for (Address address : addresses) {
      List<Prefix> home = placement.home(address);
      if (home.stream().anyMatch(this::keeps)) {
        kept.add(address);
      }
    }
    return kept;
  }

  private static boolean matches(Set<String> names, String value) {
    return names.isEmpty() || (value != null && names.contains(value));
  }

  private static SortedSet<String> sorted(Collection<String> names) {
    TreeSet<String> set = new TreeSet<>();
    if (names != null) {
      names.forEach(n -> set.add(Objects.requireNonNull(n, "filter name")));
    }
    return set;
  }

  private static SortedSet<String> frozen(SortedSet<String> names) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(names, "names")));
  }

  /**
   * Where each address belongs in the whole snapshot: the most specific prefix of its VRF that
   * contains it (several prefixes when the same CIDR is given twice). Looked up per prefix length,
   * so the time does not grow with the number of prefixes.
   */
  private static final class Placement {
    private record Key(String vrf, int length, long network) {}

    private final Map<Key, List<Prefix>> byNetwork = new HashMap<>();
    private final Map<String, TreeSet<Integer>> lengthsByVrf = new HashMap<>();

    Placement(List<Prefix> prefixes) {
      for (Prefix prefix : prefixes) {
        IPv4Address network = ipv4(prefix.prefix());
        if (network == null || !network.isPrefixed()) {
          continue; // not an IPv4 prefix: the resolver reports it; nothing can be placed in it
        }
        int length = network.getNetworkPrefixLength();
        String vrf = Objects.requireNonNullElse(prefix.vrf(), "");
        lengthsByVrf.computeIfAbsent(vrf, v -> new TreeSet<>()).add(length);
        byNetwork.computeIfAbsent(new Key(vrf, length, masked(network.longValue(), length)), k -> new ArrayList<>())
            .add(prefix);
      }
    }

    List<Prefix> home(Address address) {
      IPv4Address ip = ipv4(address.address());
      String vrf = Objects.requireNonNullElse(address.vrf(), "");
      TreeSet<Integer> lengths = lengthsByVrf.get(vrf);
      if (ip == null || lengths == null) {
        return List.of();
      }
      long value = ip.longValue();
      for (int length : lengths.descendingSet()) {
        List<Prefix> found = byNetwork.get(new Key(vrf, length, masked(value, length)));
        if (found != null) {
          return found;
        }
      }
      return List.of();
    }

    private static long masked(long value, int length) {
      return length == 0 ? 0 : value >>> (32 - length) << (32 - length);
    }

    private static IPv4Address ipv4(String text) {
      IPAddress address;
      try {
        address = new IPAddressString(text.trim()).getAddress();
      } catch (RuntimeException e) {
        return null; // the library throws on some texts instead of refusing them
      }
      return address != null && address.isIPv4() ? address.toIPv4() : null;
    }
  }
}
