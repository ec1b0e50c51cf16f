package org.keagen.resolve;

import com.fasterxml.jackson.databind.node.BooleanNode;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.template.SandboxedTemplates;
import org.keagen.template.TemplateOutcome;

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
    /** Config contexts read so far, by context object (identity) and then interface name and role. */
    private final Map<JsonObject, Map<String, ContextOptions>> contextsRead = new IdentityHashMap<>();

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
      List<Address> poolAddresses = snapshot.poolAddresses();
      for (int i = 0; i < poolAddresses.size(); i++) {
        addPoolAddress(poolAddresses.get(i), i);
      }
      snapshot.reservedAddresses().forEach(this::addReservedAddress);

      List<GeneratedReservation> global = new ArrayList<>();
      Map<SubnetDraft, List<GeneratedReservation>> inSubnet = new LinkedHashMap<>();
      for (SubnetDraft draft : drafts) {
        resolveSubnet(draft);
        place(draft, global, inSubnet);
      }
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
      List<Reservation> reservations = new ArrayList<>(global);
      reservations.addAll(statics.reservations());
      sortByKey(reservations);
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

    private void addPoolAddress(Address address, int position) {
      // the usual a.b.c.d/len is read by value, without an address object
      long plain = Cidrs.plainAddressValue(address.address().trim());
      IPv4Address ip = plain >= 0 ? null : parse(address);
      if (plain < 0 && ip == null) {
        return;
      }
      long value = plain >= 0 ? plain : ip.longValue();
      SubnetDraft draft = index.longestMatch(address.vrf(), value);
      if (draft == null) {
        warning(DiagnosticCode.POOL_OUTSIDE_SUBNET, addressLabel(address),
            "is tagged as a pool address but lies in no prefix tagged as a DHCP subnet"
                + vrfSuffix(address) + "; it is left out",
            "tag its prefix as a DHCP subnet, or remove the pool tag");
        return;
      }
      if (draft.isNetworkOrBroadcast(value)) {
        error(DiagnosticCode.ADDRESS_IS_NETWORK_OR_BROADCAST, addressLabel(address),
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

    private void addReservedAddress(Address address) {
      IPv4Address ip = parse(address);
      if (ip == null) {
        return;
      }
      SubnetDraft draft = locate(address, ip);
      if (draft == null) {
        error(DiagnosticCode.RESERVE_OUTSIDE_SUBNET, addressLabel(address),
            "is tagged for reservation but lies in no prefix tagged as a DHCP subnet" + vrfSuffix(address),
            "tag its prefix as a DHCP subnet, or remove the reserve tag");
        return;
      }
      if (draft.isNetworkOrBroadcast(ip)) {
        error(DiagnosticCode.ADDRESS_IS_NETWORK_OR_BROADCAST, addressLabel(address),
            "is the network or broadcast address of " + draft.cidr + " and cannot be reserved",
            "reserve a host address instead");
        return;
      }
      Address earlier = draft.reserved.putIfAbsent(ip.longValue(), address);
      if (earlier != null && !earlier.id().equals(address.id())) {
        error(DiagnosticCode.RESERVE_DUPLICATE_ADDRESS, addressLabel(address),
            "is tagged for reservation twice (also object " + earlier.id() + ")",
            "remove the duplicate IP address object");
      }
    }

    private IPv4Address parse(Address address) {
      if (Cidrs.isIpv6(address.address())) {
        return null; // DHCPv6 addresses belong to a kea-dhcp6 config
      }
      IPv4Address ip = Cidrs.parseAddress(address.address());
      if (ip == null) {
        error(DiagnosticCode.ADDRESS_INVALID, addressLabel(address),
            "is not an IPv4 address", "correct the IP address object");
      }
      return ip;
    }

    private void resolveSubnet(SubnetDraft draft) {
      long gateway = draft.gateway.longValue();
      if (draft.pool.contains(gateway)) {
        error(DiagnosticCode.GATEWAY_IN_POOL, draft.label,
            "its gateway " + draft.gateway + " is tagged as a pool address; clients would be leased the router's address",
            "remove the pool tag from " + draft.gateway);
        draft.pool.remove(gateway);
      }
      if (draft.reserved.containsKey(gateway)) {
        error(DiagnosticCode.GATEWAY_RESERVED, draft.label,
            "its gateway " + draft.gateway + " is tagged for reservation",
            "remove the reserve tag from " + draft.gateway);
        draft.reserved.remove(gateway);
      }
      for (Long overlap : new TreeSet<>(draft.reserved.keySet())) {
        if (draft.pool.contains(overlap)) {
          warning(DiagnosticCode.POOL_AND_RESERVE, addressLabel(draft.reserved.get(overlap)),
              "is tagged both as a pool address and for reservation in " + draft.cidr
                  + "; it is treated as a pool address only",
              "remove one of the two tags");
          draft.reserved.remove(overlap);
        }
      }
      for (Address address : draft.reserved.values()) {
        reserve(draft, address);
      }
      for (int i = 0; i < draft.pool.size(); i++) {
        contributePoolDevice(draft, snapshot.poolAddresses().get(draft.pool.firstPosition(i)));
      }
    }

    /** A reserved address becomes a reservation; its device's context adds subnet options. */
    private void reserve(SubnetDraft draft, Address address) {
      String label = addressLabel(address);
      List<InterfaceAttachment> interfaces = address.interfaces();
      if (interfaces.isEmpty()) {
        error(DiagnosticCode.RESERVE_NO_INTERFACE, label,
            "is tagged for reservation but assigned to no interface, so there is no MAC or device to reserve it for",
            "assign the address to the device interface that should receive it, or tag it as a pool address");
        return;
      }
      if (interfaces.size() > 1) {
        error(DiagnosticCode.RESERVE_MULTIPLE_INTERFACES, label,
            "is assigned to " + interfaces.size() + " interfaces ("
                + interfaces.stream().map(this::describe).collect(Collectors.joining(", "))
                + "); a reservation is for one client",
            "assign the address to exactly one interface");
        return;
      }
      InterfaceAttachment attachment = interfaces.get(0);
      Device device = device(attachment, label);
      if (device == null) {
        return;
      }
      if (Boolean.FALSE.equals(device.ztpEnabled())) {
        warning(DiagnosticCode.RESERVE_ZTP_DISABLED, label + " (device " + device.name() + ")",
            "is not reserved because ZTP is disabled on the device", "set ztp_enabled on the device to reserve it");
        return;
      }
      String source = "device " + device.name() + " interface " + attachment.name() + " (" + address.address() + ")";
      ContextOptions context = contextOptions(device, attachment);
      if (context == null) {
        return;
      }
      Identifier identifier = identify(device, attachment, context, label);
      Map<String, String> subnetOptions = renderOptions(context.subnetOptions(), device, context, label);
      Map<String, String> reservationOptions = renderOptions(context.reservationOptions(), device, context, label);
      if (identifier == null || subnetOptions == null || reservationOptions == null) {
        return;
      }
      draft.mergeOptions(subnetOptions, source, diagnostics::add);
      draft.mergeConfig(context.subnetConfig(), source, diagnostics::add);
      draft.addressReservations.add(new GeneratedReservation(
          Cidrs.parseAddress(address.address()).toNormalizedString(), device.name(), identifier,
          optionData(reservationOptions), label));
    }

    /**
     * A pool address on one device interface lets that device's context add subnet options, and
     * its reservation options become an address-less reservation inside the subnet.
     */
    private void contributePoolDevice(SubnetDraft draft, Address address) {
      if (address.interfaces().size() != 1) {
        return;
      }
      InterfaceAttachment attachment = address.interfaces().get(0);
      String label = addressLabel(address);
      Device device = device(attachment, label);
      if (device == null || Boolean.FALSE.equals(device.ztpEnabled())) {
        return;
      }
      boolean identifiable = (attachment.macAddress() != null && !attachment.macAddress().isBlank())
          || (device.serial() != null && !device.serial().isBlank());
      if (!identifiable) {
        return;
      }
      ContextOptions context = contextOptions(device, attachment);
      if (context == null || context.isEmpty()) {
        return;
      }
      String source = "device " + device.name() + " interface " + attachment.name() + " (" + address.address() + ")";
      Map<String, String> subnetOptions = renderOptions(context.subnetOptions(), device, context, label);
      if (subnetOptions != null) {
        draft.mergeOptions(subnetOptions, source, diagnostics::add);
      }
      draft.mergeConfig(context.subnetConfig(), source, diagnostics::add);
      if (context.reservationOptions().isEmpty()) {
        return;
      }
      Identifier identifier = identify(device, attachment, context, label);
      Map<String, String> reservationOptions = renderOptions(context.reservationOptions(), device, context, label);
      if (identifier != null && reservationOptions != null) {
        draft.optionOnlyReservations.add(new GeneratedReservation(
            null, device.name(), identifier, optionData(reservationOptions), label));
      }
    }

    /** Puts each address reservation where the subnet's effective flags make Kea look for it. */
    private void place(SubnetDraft draft, List<GeneratedReservation> global,
        Map<SubnetDraft, List<GeneratedReservation>> inSubnet) {
      boolean lookGlobal = draft.flag("reservations-global", RESERVATIONS_GLOBAL, diagnostics::add);
      boolean lookInSubnet = draft.flag("reservations-in-subnet", true, diagnostics::add);
      if (!draft.optionOnlyReservations.isEmpty()) {
        if (!draft.hasConfig("reservations-in-subnet")) {
          draft.setConfig("reservations-in-subnet", BooleanNode.TRUE, "keagen");
        } else if (!lookInSubnet) {
          error(DiagnosticCode.RESERVATIONS_DISABLED, draft.label,
              "has per-device options for pool addresses, but subnet_config sets reservations-in-subnet to false,"
                  + " so Kea would ignore them",
              "set reservations-in-subnet to true, or move the options to subnet_options");
        }
      }
      if (draft.addressReservations.isEmpty()) {
        return;
      }
      if (lookGlobal) {
        global.addAll(draft.addressReservations);
      } else if (lookInSubnet) {
        inSubnet.computeIfAbsent(draft, d -> new ArrayList<>()).addAll(draft.addressReservations);
      } else {
        error(DiagnosticCode.RESERVATIONS_DISABLED, draft.label,
            "has " + draft.addressReservations.size() + " reservation(s), but subnet_config sets both"
                + " reservations-global and reservations-in-subnet to false, so Kea would ignore them",
            "set one of the two to true in subnet_config");
      }
    }

    private Device device(InterfaceAttachment attachment, String label) {
      Device device = devices.get(attachment.deviceId());
      if (device == null) {
        error(DiagnosticCode.RESERVE_UNKNOWN_DEVICE, label,
            "is on interface " + attachment.name() + " of device id " + attachment.deviceId()
                + ", which the snapshot does not contain",
            "re-record the snapshot; the source returned an interface without its device");
      }
      return device;
    }

    private Identifier identify(Device device, InterfaceAttachment attachment, ContextOptions context, String label) {
      String mac = attachment.macAddress();
      if (mac != null && !mac.isBlank()) {
        String canonical = Identifiers.canonicalMac(mac);
        if (canonical == null) {
          error(DiagnosticCode.MAC_INVALID, label + " (device " + device.name() + " interface " + attachment.name() + ")",
              "the interface's MAC address '" + mac + "' is not a 48-bit MAC address",
              "correct the MAC address on the interface");
          return null;
        }
        return Identifier.hwAddress(canonical);
      }
      String serial = device.serial();
      if (serial == null || serial.isBlank()) {
        error(DiagnosticCode.RESERVE_NO_IDENTIFIER, label + " (device " + device.name() + " interface " + attachment.name() + ")",
            "the interface has no MAC address and the device has no serial number, so Kea cannot recognise the client",
            "set the interface's MAC address, or the device's serial number (with a client_id_template)");
        return null;
      }
      String rendered;
      if (context.clientIdTemplate() == null) {
        rendered = Identifiers.quotedSerial(serial);
      } else {
        TemplateOutcome outcome = SandboxedTemplates.instance().render(context.clientIdTemplate(), Map.of("serial", serial));
        if (!outcome.ok()) {
          templateFailure(outcome, "device " + device.name() + " client_id_template", context.clientIdTemplate());
          return null;
        }
        rendered = outcome.text();
      }
      String canonical = Identifiers.canonicalClientId(rendered);
      if (canonical == null) {
        error(DiagnosticCode.CLIENT_ID_INVALID, label + " (device " + device.name() + ")",
            "the client-id '" + rendered + "' from serial '" + serial + "' is not 2 to 255 hex bytes"
                + " (aa:bb:...) or a quoted string",
            context.clientIdTemplate() == null ? "set a client_id_template such as 00:{{ serial | hex }}"
                : "correct client_id_template so that it renders hex bytes, e.g. 00:{{ serial | hex }}");
        return null;
      }
      return Identifier.clientId(canonical);
    }

    /** Renders each option value as a template; {@code null} when any fails (reported). */
    private Map<String, String> renderOptions(Map<String, String> templates, Device device,
        ContextOptions context, String label) {
      Map<String, String> rendered = new LinkedHashMap<>();
      boolean failed = false;
      for (Map.Entry<String, String> option : templates.entrySet()) {
        String text = option.getValue();
        if (!SandboxedTemplates.isTemplate(text)) {
          rendered.put(option.getKey(), text);
          continue;
        }
        Map<String, String> variables = new HashMap<>();
        variables.put("device_id", device.id());
        variables.put("device_name", device.name());
        if (device.serial() != null) {
          variables.put("serial", device.serial());
        }
        if (text.contains("ztp_server")) {
          if (context.ztpServers().isEmpty()) {
            error(DiagnosticCode.NO_ZTP_SERVER, label + " (device " + device.name() + ")",
                "option " + option.getKey() + " uses ztp_server, but the device's config context lists no ztp.ipv4 servers",
                "add the ZTP server addresses under ztp.ipv4 in a config context that applies to the device");
            failed = true;
            continue;
          }
          variables.put("ztp_server", ZtpServers.choose(device.id(), context.ztpServers()));
        }
        TemplateOutcome outcome = SandboxedTemplates.instance().render(text, variables);
        if (outcome.ok()) {
          rendered.put(option.getKey(), outcome.text());
        } else {
          templateFailure(outcome, "device " + device.name() + " option " + option.getKey(), text);
          failed = true;
        }
      }
      return failed ? null : rendered;
    }

    private void templateFailure(TemplateOutcome outcome, String where, String template) {
      boolean unsafe = outcome.failure() == TemplateOutcome.Failure.UNSAFE;
      error(unsafe ? DiagnosticCode.TEMPLATE_UNSAFE : DiagnosticCode.TEMPLATE_ERROR, where,
          "template '" + abbreviate(template) + "' " + (unsafe ? "was refused: " : "failed: ") + outcome.message(),
          unsafe ? "templates may only use the given variables, filters such as hex, and if"
              : "correct the template in the config context");
    }

    private List<OptionData> optionData(Map<String, String> options) {
      return options.entrySet().stream().map(e -> optionDefinitions.optionData(e.getKey(), e.getValue())).toList();
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

    private String describe(InterfaceAttachment attachment) {
      Device device = devices.get(attachment.deviceId());
      return (device == null ? attachment.deviceId() : device.name()) + " " + attachment.name();
    }

    private static String addressLabel(Address address) {
      return "ip-address " + address.address() + (address.vrf() == null ? "" : " (vrf " + address.vrf() + ")");
    }

    private static String vrfSuffix(Address address) {
      return address.vrf() == null ? " of the global table" : " of vrf " + address.vrf();
    }

    /**
     * {@link ContextOptions#forInterface}, read once per config context, interface name and role:
     * devices of one site, role or platform share one context object (the snapshot reader makes
     * equal contexts one), so most reservations find theirs read. A context with problems is read
     * again for each device, so that each is named.
     */
    private ContextOptions contextOptions(Device device, InterfaceAttachment attachment) {
      Map<String, ContextOptions> forContext =
          contextsRead.computeIfAbsent(device.configContext(), context -> new HashMap<>());
      String key = attachment.name() + '\n' + attachment.role();
      ContextOptions read = forContext.get(key);
      if (read == null) {
        read = ContextOptions.forInterface(device, attachment.name(), attachment.role(), diagnostics::add);
        if (read != null) {
          forContext.put(key, read);
        }
      }
      return read;
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
    List<Map.Entry<String, T>> keyed = new ArrayList<>(reservations.size());
    for (T reservation : reservations) {
      keyed.add(Map.entry(reservationSortKey(reservation), reservation));
    }
    keyed.sort(Map.Entry.comparingByKey());
    reservations.clear();
    keyed.forEach(entry -> reservations.add(entry.getValue()));
  }

  /** Reservations sort by address, address-less ones last, then by identifier. */
  private static String reservationSortKey(Reservation reservation) {
    String identity = reservation instanceof GeneratedReservation g
        ? g.identifier().toString() : ((StaticReservation) reservation).body().toString();
    IPv4Address ip = reservation.ipAddress() == null ? null : Cidrs.parseAddress(reservation.ipAddress());
    if (ip == null) {
      return "~ " + identity;
    }
    String digits = Long.toString(ip.longValue());
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

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
