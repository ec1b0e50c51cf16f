package org.keagen.resolve;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keagen.concurrent.Background;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.plan.DhcpPlan;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.GeneratedSubnet;
import org.keagen.plan.Identifier;
import org.keagen.plan.OptionData;
import org.keagen.plan.Reservation;
import org.keagen.plan.StaticReservation;
import org.keagen.plan.StaticSubnet;
import org.keagen.plan.Subnet;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.AddressList;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;

/**
 * Turns snapshot facts into a {@link DhcpPlan} and diagnostics. Pure: no I/O, no clock, no
 * randomness, so the same snapshot and history always give the same plan.
 *
 * <p>The rules: prefixes are the subnets; an address belongs to the most specific prefix of its
 * VRF containing it; pool addresses form contiguous ranges; the gateway is the modelled one, else
 * the first usable address (the network address on a /31); a reserved address on exactly one
 * interface becomes a reservation identified by the interface's MAC, else by a client-id from the
 * device serial; device contexts add options, {@code interface_names} over {@code
 * interface_roles}; reservations go global unless the subnet's {@code reservations-global} is
 * false, then into the subnet.
 */
public final class Resolver {
  /** The global {@code reservations-global} default: reservations are looked up server-wide. */
  static final boolean RESERVATIONS_GLOBAL = true;

  private Resolver() {}

  public static Resolution resolve(Snapshot snapshot, SubnetIdHistory subnetIds) {
    return resolve(snapshot, subnetIds, new PrefixIndex<>());
  }

  /** Resolves with {@code index} (empty), whose look-up counters a test can read afterwards. */
  static Resolution resolve(Snapshot snapshot, SubnetIdHistory subnetIds, PrefixIndex<SubnetDraft> index) {
    return new Run(snapshot, subnetIds, index).resolve();
  }

  /** The state of one resolution. */
  private static final class Run {
    private final Snapshot snapshot;
    private final SubnetIdHistory history;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final PrefixIndex<SubnetDraft> index;
    private final List<SubnetDraft> drafts = new ArrayList<>();
    private final Map<String, SubnetDraft> draftsByCidr = new HashMap<>();
    private OptionDefinitions optionDefinitions;

    Run(Snapshot snapshot, SubnetIdHistory history, PrefixIndex<SubnetDraft> index) {
      this.snapshot = snapshot;
      this.history = history;
      this.index = index;
    }

    Resolution resolve() {
      optionDefinitions = OptionDefinitions.of(snapshot.optionDefinitions(), diagnostics::add);
      for (Device device : snapshot.devices()) {
        if (devices.putIfAbsent(device.id(), device) != null) {
          error(DiagnosticCode.SNAPSHOT_INVALID, "device " + device.name(),
              "device id " + device.id() + " appears twice in the snapshot", "re-record the snapshot");
        }
      }
      snapshot.prefixes().forEach(this::addPrefix);
      drafts.sort(Comparator.comparingLong((SubnetDraft d) -> d.network.longValue())
          .thenComparingInt(d -> d.network.getNetworkPrefixLength()));
      AddressList poolAddresses = AddressList.of(snapshot.poolAddresses());
      SubnetDraft[] located = locatePlain(poolAddresses);
      // the reserved addresses go to their subnets' reserved maps on a second core, the pool
      // addresses to their pools on this one; the findings are reported in that order
      Background<List<Diagnostic>> reserved = Background.start("locate-reserved", () -> {
        List<Diagnostic> found = new ArrayList<>();
        snapshot.reservedAddresses().forEach(address -> addReservedAddress(address, found));
        return found;
      });
      for (int i = 0; i < poolAddresses.size(); i++) {
        addPoolAddress(poolAddresses, i, located[i]);
      }
      diagnostics.addAll(reserved.join());

      List<GeneratedReservation> global = new ArrayList<>();
      Map<SubnetDraft, List<GeneratedReservation>> inSubnet = new LinkedHashMap<>();
      List<SubnetResolver.Outcome> outcomes =
          SubnetResolver.resolveAll(drafts, devices, optionDefinitions, poolAddresses);
      for (int i = 0; i < drafts.size(); i++) {
        SubnetDraft draft = drafts.get(i);
        diagnostics.addAll(outcomes.get(i).diagnostics());
        switch (outcomes.get(i).placement()) {
          case GLOBAL -> global.addAll(draft.addressReservations);
          case IN_SUBNET -> inSubnet.put(draft, draft.addressReservations);
          case NONE -> { }
        }
      }
      // the global reservations' order, on a second core while the rest is checked and assigned
      Background<List<Map.Entry<String, Reservation>>> globalOrder = Background.start("sort-global",
          () -> keyedByKey(global));
      checkDuplicateIdentifiers("global reservations", global);
      inSubnet.forEach((draft, reservations) -> checkDuplicateIdentifiers(draft.label, reservations));

      List<GeneratedReservation> allGenerated = new ArrayList<>(global);
      inSubnet.values().forEach(allGenerated::addAll);
      Set<String> generatedCidrs = drafts.stream().map(d -> d.cidr).collect(Collectors.toSet());
      StaticConfigMerger.Merged statics = StaticConfigMerger.merge(
          snapshot.staticFragments(), generatedCidrs, allGenerated, diagnostics::add);

      List<SubnetIdAllocator.Request> requests = new ArrayList<>();
      for (SubnetDraft d : drafts) {
        requests.add(new SubnetIdAllocator.Request(d.cidr, d.network.longValue(),
            d.network.getNetworkPrefixLength(), d.prefix.subnetId(), d.label));
      }
      for (StaticConfigMerger.KeptSubnet s : statics.subnets()) {
        requests.add(new SubnetIdAllocator.Request(s.cidr(), s.network().longValue(),
            s.network().getNetworkPrefixLength(), s.writtenId(), "static subnet " + s.cidr() + " in " + s.fragment()));
      }
      Map<String, Long> ids = SubnetIdAllocator.assign(requests, history, diagnostics::add);

      if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
        return new Resolution(null, diagnostics);
      }
      List<Subnet> subnets = new ArrayList<>();
      for (SubnetDraft d : drafts) {
        List<GeneratedReservation> local = new ArrayList<>(inSubnet.getOrDefault(d, List.of()));
        local.addAll(d.optionOnlyReservations);
        sortByKey(local);
        List<OptionData> options = d.options().entrySet().stream()
            .map(e -> optionDefinitions.optionData(e.getKey(), e.getValue())).toList();
        subnets.add(new GeneratedSubnet(d.cidr, ids.get(d.cidr), d.gateway.toNormalizedString(),
            d.pool.ranges(), options, JsonObject.of(d.config()), local));
      }
      for (StaticConfigMerger.KeptSubnet s : statics.subnets()) {
        subnets.add(new StaticSubnet(s.cidr(), ids.get(s.cidr()), s.body(), s.fragment()));
      }
      sortByNetwork(subnets);
      // the global ones sorted already, the static ones among them (a stable sort, as of both at once)
      List<Map.Entry<String, Reservation>> keyed = new ArrayList<>(globalOrder.join());
      keyed.addAll(keyedByKey(statics.reservations()));
      keyed.sort(Map.Entry.comparingByKey());
      List<Reservation> reservations = new ArrayList<>(keyed.size());
      keyed.forEach(entry -> reservations.add(entry.getValue()));
      DhcpPlan plan = new DhcpPlan(snapshot.optionDefinitions(), subnets, reservations, RESERVATIONS_GLOBAL);
      return new Resolution(plan, diagnostics);
    }

    private void addPrefix(Prefix prefix) {
      if (Cidrs.isIpv6(prefix.prefix())) {
        return; // DHCPv6 prefixes belong to a kea-dhcp6 config
      }
      IPv4Address network = Cidrs.parsePrefix(prefix.prefix());
      String label = "prefix " + prefix.prefix() + " (id " + prefix.id() + ")";
      if (network == null) {
        error(DiagnosticCode.PREFIX_INVALID, label,
            "is not an IPv4 prefix with its host bits zero, such as 10.0.0.0/24",
            "correct the prefix in the source of truth");
        return;
      }
      SubnetDraft draft = new SubnetDraft(prefix, network);
      SubnetDraft same = draftsByCidr.get(draft.cidr);
      if (same != null) {
        error(DiagnosticCode.PREFIX_DUPLICATE, label,
            "is tagged as a DHCP subnet twice (also id " + same.prefix.id()
                + "); one Kea server can serve a prefix only once",
            "untag one of them, or generate one config per VRF");
        return;
      }
      draft.gateway = resolveGateway(draft);
      if (draft.gateway == null) {
        return;
      }
      index.put(prefix.vrf(), network, draft);
      drafts.add(draft);
      draftsByCidr.put(draft.cidr, draft);
    }

    private IPv4Address resolveGateway(SubnetDraft draft) {
      String modelled = draft.prefix.gateway();
      if (modelled != null && !modelled.isBlank()) {
        IPv4Address gateway = Cidrs.parseAddress(modelled);
        if (gateway == null) {
          error(DiagnosticCode.GATEWAY_INVALID, draft.label,
              "has gateway '" + modelled + "', which is not an IPv4 address",
              "set the prefix's gateway to an IPv4 address inside it");
          return null;
        }
        if (!draft.contains(gateway)) {
          error(DiagnosticCode.GATEWAY_OUTSIDE_PREFIX, draft.label,
              "has gateway " + gateway + ", which is outside the prefix",
              "set the prefix's gateway to an address inside " + draft.cidr);
          return null;
        }
        return gateway;
      }
      int length = draft.network.getNetworkPrefixLength();
      if (length == 32) {
        error(DiagnosticCode.GATEWAY_NOT_DERIVABLE, draft.label,
            "is a /32, which has no first usable address besides the client's own",
            "model the gateway on the prefix explicitly, or use a /31 or larger");
        return null;
      }
      IPv4Address first = draft.network.getLower().withoutPrefixLength();
      return length == 31 ? first : first.increment(1).toIPv4();
    }

    private SubnetDraft locate(Address address, IPv4Address ip) {
      return index.longestMatch(address.vrf(), ip);
    }

    /**
     * The subnet of each pool address in the usual a.b.c.d/len form, read by value, without an
     * address object or its text ({@code null} for one in no subnet, and for the other forms, which
     * {@link #addPoolAddress} reads): the million look-ups of a large fabric, on two cores.
     */
    private SubnetDraft[] locatePlain(AddressList pool) {
      SubnetDraft[] located = new SubnetDraft[pool.size()];
      int half = pool.size() / 2;
      Background<Void> secondHalf = Background.start("locate-pool", () -> {
        locatePlain(pool, half, pool.size(), located);
        return null;
      });
      locatePlain(pool, 0, half, located);
      secondHalf.join();
      return located;
    }

    private void locatePlain(AddressList pool, int from, int to, SubnetDraft[] located) {
      for (int i = from; i < to; i++) {
        long plain = Cidrs.plainAddressValue(pool.plainAddress(i));
        if (plain >= 0) {
          located[i] = index.longestMatch(pool.vrf(i), plain);
        }
      }
    }

    /** Adds a pool address to its subnet; {@code plainLocated}: its subnet when {@link #locatePlain} found it. */
    private void addPoolAddress(AddressList pool, int position, SubnetDraft plainLocated) {
      long plain = Cidrs.plainAddressValue(pool.plainAddress(position));
      IPv4Address ip = plain >= 0 ? null : parse(pool.get(position), diagnostics);
      if (plain < 0 && ip == null) {
        return;
      }
      long value = plain >= 0 ? plain : ip.longValue();
      SubnetDraft draft = plain >= 0 ? plainLocated : index.longestMatch(pool.vrf(position), value);
      if (draft == null) {
        Address address = pool.get(position);
        warning(DiagnosticCode.POOL_OUTSIDE_SUBNET, addressLabel(address),
            "is tagged as a pool address but lies in no prefix tagged as a DHCP subnet"
                + vrfSuffix(address) + "; it is left out",
            "tag its prefix as a DHCP subnet, or remove the pool tag");
        return;
      }
      if (draft.isNetworkOrBroadcast(value)) {
        error(DiagnosticCode.ADDRESS_IS_NETWORK_OR_BROADCAST, addressLabel(pool.get(position)),
            "is the network or broadcast address of " + draft.cidr + " and cannot be leased",
            "remove the pool tag from it");
        return;
      }
      if (ip == null) {
        draft.pool.add(value, position);
      } else {
        draft.pool.add(ip, position);
      }
    }

    /** Adds a reserved address to its subnet's reserved ones, its findings to {@code found}. */
    private void addReservedAddress(Address address, List<Diagnostic> found) {
      // as for pool addresses, the usual a.b.c.d/len is read by value
      long value = Cidrs.plainAddressValue(address.address().trim());
      SubnetDraft draft;
      if (value >= 0) {
        draft = index.longestMatch(address.vrf(), value);
      } else {
        IPv4Address ip = parse(address, found);
        if (ip == null) {
          return;
        }
        value = ip.longValue();
        draft = locate(address, ip);
      }
      if (draft == null) {
        found.add(Diagnostic.error(DiagnosticCode.RESERVE_OUTSIDE_SUBNET, addressLabel(address),
            "is tagged for reservation but lies in no prefix tagged as a DHCP subnet" + vrfSuffix(address),
            "tag its prefix as a DHCP subnet, or remove the reserve tag"));
        return;
      }
      if (draft.isNetworkOrBroadcast(value)) {
        found.add(Diagnostic.error(DiagnosticCode.ADDRESS_IS_NETWORK_OR_BROADCAST, addressLabel(address),
            "is the network or broadcast address of " + draft.cidr + " and cannot be reserved",
            "reserve a host address instead"));
        return;
      }
      Address earlier = draft.reserved.putIfAbsent(value, address);
      if (earlier != null && !earlier.id().equals(address.id())) {
        found.add(Diagnostic.error(DiagnosticCode.RESERVE_DUPLICATE_ADDRESS, addressLabel(address),
            "is tagged for reservation twice (also object " + earlier.id() + ")",
            "remove the duplicate IP address object"));
      }
    }

    private IPv4Address parse(Address address, List<Diagnostic> found) {
      if (Cidrs.isIpv6(address.address())) {
        return null; // DHCPv6 addresses belong to a kea-dhcp6 config
      }
      IPv4Address ip = Cidrs.parseAddress(address.address());
      if (ip == null) {
        found.add(Diagnostic.error(DiagnosticCode.ADDRESS_INVALID, addressLabel(address),
            "is not an IPv4 address", "correct the IP address object"));
      }
      return ip;
    }

    private void checkDuplicateIdentifiers(String scope, List<GeneratedReservation> reservations) {
      Map<Identifier, GeneratedReservation> seen = new HashMap<>();
      for (GeneratedReservation r : reservations) {
        GeneratedReservation first = seen.putIfAbsent(r.identifier(), r);
        if (first != null) {
          error(DiagnosticCode.DUPLICATE_IDENTIFIER, r.origin() + " (device " + r.hostname() + ")",
              "has the same " + r.identifier() + " as " + first.origin() + " (device " + first.hostname()
                  + ") in " + scope + "; Kea allows one reservation per identifier in a scope",
              "tag only one of the addresses for reservation (use the pool tag for the others), or give each interface its own MAC");
        }
      }
    }

    private static String vrfSuffix(Address address) {
      return address.vrf() == null ? " of the global table" : " of vrf " + address.vrf();
    }

    private void error(DiagnosticCode code, String object, String message, String hint) {
      diagnostics.add(Diagnostic.error(code, object, message, hint));
    }

    private void warning(DiagnosticCode code, String object, String message, String hint) {
      diagnostics.add(Diagnostic.warning(code, object, message, hint));
    }
  }

  /** Sorts reservations by {@link #reservationSortKey}, computing each key once; stable. */
  private static <T extends Reservation> void sortByKey(List<T> reservations) {
    List<Map.Entry<String, T>> keyed = keyedByKey(reservations);
    reservations.clear();
    keyed.forEach(entry -> reservations.add(entry.getValue()));
  }

  /** {@code reservations} with their {@link #reservationSortKey}, sorted by it; stable. */
  private static <T extends Reservation> List<Map.Entry<String, T>> keyedByKey(List<? extends T> reservations) {
    List<Map.Entry<String, T>> keyed = new ArrayList<>(reservations.size());
    for (T reservation : reservations) {
      keyed.add(Map.entry(reservationSortKey(reservation), reservation));
    }
    keyed.sort(Map.Entry.comparingByKey());
    return keyed;
  }

  /** Reservations sort by address, address-less ones last, then by identifier. */
  private static String reservationSortKey(Reservation reservation) {
    String identity = reservation instanceof GeneratedReservation g
        ? g.identifier().toString() : ((StaticReservation) reservation).body().toString();
    long ip = reservation.ipAddress() == null ? -1 : Cidrs.addressValue(reservation.ipAddress());
    if (ip < 0) {
      return "~ " + identity;
    }
    String digits = Long.toString(ip);
    return "0".repeat(Math.max(0, 10 - digits.length())) + digits + " " + identity;
  }

  /** Sorts subnets by network address, then prefix length, reading each CIDR once; stable. */
  private static void sortByNetwork(List<Subnet> subnets) {
    record Keyed(long network, int length, Subnet subnet) {}
    List<Keyed> keyed = new ArrayList<>(subnets.size());
    for (Subnet subnet : subnets) {
      IPv4Address prefix = Cidrs.parsePrefix(subnet.cidr());
      keyed.add(new Keyed(prefix.longValue(), prefix.getNetworkPrefixLength(), subnet));
    }
    keyed.sort(Comparator.comparingLong(Keyed::network).thenComparingInt(Keyed::length));
    subnets.clear();
    keyed.forEach(k -> subnets.add(k.subnet()));
  }

  /** How findings name an IP address object. */
  static String addressLabel(Address address) {
    return "ip-address " + address.address() + (address.vrf() == null ? "" : " (vrf " + address.vrf() + ")");
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
