package org.keagen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.diagnostic.Severity;
import org.keagen.kea.KeaKeys;
import org.keagen.kea.KeaVersion;
import org.keagen.kea.OptionDefinition;
import org.keagen.kea.StandardOptions;
import org.keagen.resolve.Cidrs;
import org.keagen.snapshot.PlainIpv4;
import org.keagen.resolve.Identifiers;

/**
 * The rules a Kea DHCPv4 config must meet beyond its syntax, including those {@code kea-dhcp4 -t}
 * does not enforce but that misbehave at run time: a reservation inside a pool while {@code
 * reservations-out-of-pool} is in effect, overlapping subnets or pools, duplicate option-data,
 * identifiers or hostnames in one scope, addresses outside their subnet, bad subnet ids, option
 * values their definition rejects, and keys the target Kea version does not accept.
 */
public final class SemanticRules {
  private static final long MAX_SUBNET_ID = 4_294_967_294L;
  /** What Kea's hardware address parser accepts: hex bytes, separated by colons or spaces, or none. */
  private static final Pattern KEA_HW_ADDRESS =
      Pattern.compile("[0-9a-fA-F]{1,2}([: ][0-9a-fA-F]{1,2})*|([0-9a-fA-F]{2})+");
  private static final List<String> IDENTIFIERS = List.of("hw-address", "client-id", "duid", "circuit-id", "flex-id");
  /** What describes a reservation in findings, before its identifier. */
  private static final List<String> DESCRIBED_BY = List.of("hostname", "ip-address");
  /** Subnet keys whose version difference {@link #versionKeys} reports with the key to use instead. */
  private static final Set<String> RENAMED_SUBNET_KEYS =
      Set.of("reservation-mode", "client-classes", "evaluate-additional-classes");

  private final KeaVersion version;
  private final Map<String, OptionDefinition> customByName = new HashMap<>();
  private final Map<String, OptionDefinition> customByCode = new HashMap<>();
  /** {@link #definition}'s answers by space, then by name or (an Integer) code; the custom ones are known first. */
  private final Map<String, Map<Object, Optional<OptionDefinition>>> definitions = new HashMap<>();
  /**
   * The findings of each part of the config, in the order they are reported: the parts are checked
   * in another order when subnets and reservations arrive one by one ({@link #subnet}, {@link
   * #reservation}).
   */
  private final List<Diagnostic> versionHead = new ArrayList<>();
  private final List<Diagnostic> versionSubnets = new ArrayList<>();
  private final List<Diagnostic> versionTail = new ArrayList<>();
  private final List<Diagnostic> definitionsAndGlobalOptions = new ArrayList<>();
  private final List<Diagnostic> subnetFindings = new ArrayList<>();
  private final List<Diagnostic> networkFindings = new ArrayList<>();
  private final List<Diagnostic> subnetSetFindings = new ArrayList<>();
  private final List<Diagnostic> globalReservationFindings = new ArrayList<>();
  private final List<Diagnostic> globalInPoolFindings = new ArrayList<>();
  /** Where {@link #add} puts a finding. */
  private List<Diagnostic> sink = versionHead;
  private JsonNode dhcp4;
  private Flags defaults;
  private final List<SubnetView> topSubnets = new ArrayList<>();
  private final List<SubnetView> networkSubnets = new ArrayList<>();
  private ReservationScope globalReservations;
  /** The global reservations with an address, for the in-pool check once every subnet is known. */
  private final List<AddressedReservation> globalAddresses = new ArrayList<>();

  private SemanticRules(KeaVersion version) {
    this.version = version;
  }

  /** Every finding for the {@code Dhcp4} object of a config, for {@code version}. */
  public static List<Diagnostic> check(JsonNode dhcp4, KeaVersion version) {
    return start(dhcp4, version).finish();
  }

  /**
   * Starts checking {@code dhcp4}; its top-level {@code subnet4} and {@code reservations} entries
   * may be followed by more, through {@link #subnet} and {@link #reservation}, before {@link #finish}
   * gives every finding, as {@link #check} gives them for the whole object. One thread at a time.
   */
  static SemanticRules start(JsonNode dhcp4, KeaVersion version) {
    SemanticRules rules = new SemanticRules(version);
    rules.begin(dhcp4);
    return rules;
  }

  /** A subnet with its parsed range and effective reservation flags. */
  private record SubnetView(JsonNode id, String label, long first, long last, List<long[]> pools,
      boolean global, boolean inSubnet, boolean outOfPool) {}

  /** What makes two option-data entries of a scope the same option. */
  private record OptionKey(String space, int code) {}

  /** A global reservation's description and address. */
  private record AddressedReservation(String described, long ip) {}

  private void begin(JsonNode dhcp4) {
    this.dhcp4 = dhcp4;
    sink = versionHead;
    versionKeys(dhcp4);
    for (JsonNode network : dhcp4.path("shared-networks")) {
      versionKeys(network);
      network.path("subnet4").forEach(this::versionKeys);
    }
    sink = versionTail;
    if (dhcp4.has("control-sockets") && !version.atLeast(KeaVersion.V3_0)) {
      notInVersion("Dhcp4", "control-sockets", "use one \"control-socket\" object");
    }
    for (JsonNode logger : dhcp4.path("loggers")) {
      if (logger.has("output-options") && !version.atLeast(KeaVersion.V2_6)) {
        notInVersion("logger " + logger.path("name").asText("?"), "output-options", "use \"output_options\"");
      }
    }
    sink = definitionsAndGlobalOptions;
    optionDefinitions(dhcp4.path("option-def"));
    optionData(dhcp4.path("option-data"), "global option-data");
    for (JsonNode clientClass : dhcp4.path("client-classes")) {
      optionData(clientClass.path("option-data"), "client class " + clientClass.path("name").asText("?"));
    }
    defaults = Flags.of(dhcp4, new Flags(false, true, false));
    globalReservations = new ReservationScope("global reservations", null);
    sink = networkFindings;
    for (JsonNode network : dhcp4.path("shared-networks")) {
      Flags networkFlags = Flags.of(network, defaults);
      optionData(network.path("option-data"), "shared network " + network.path("name").asText("?"));
      for (JsonNode subnet : network.path("subnet4")) {
        subnet(subnet, networkFlags).ifPresent(networkSubnets::add);
      }
    }
    dhcp4.path("subnet4").forEach(this::subnet);
    dhcp4.path("reservations").forEach(this::reservation);
  }

  /** Checks one more entry of the top-level {@code subnet4}. */
  void subnet(JsonNode subnet) {
    sink = versionSubnets;
    versionKeys(subnet);
    sink = subnetFindings;
    subnet(subnet, defaults).ifPresent(topSubnets::add);
  }

  /** Checks one more entry of the top-level {@code reservations}. */
  void reservation(JsonNode reservation) {
    sink = globalReservationFindings;
    String described = globalReservations.check(reservation);
    long ip = address(reservation);
    if (ip >= 0) {
      globalAddresses.add(new AddressedReservation(described, ip));
    }
  }

  /** Every finding, after the rules that need every subnet. */
  List<Diagnostic> finish() {
    List<SubnetView> subnets = new ArrayList<>(topSubnets);
    subnets.addAll(networkSubnets);
    sink = subnetSetFindings;
    subnetIds(subnets);
    overlaps(subnets);
    sink = globalInPoolFindings;
    ContainingSubnet containing = new ContainingSubnet(subnets);
    for (AddressedReservation reservation : globalAddresses) {
      containing.first(reservation.ip())
          .filter(s -> s.global() && s.outOfPool() && inPool(s, reservation.ip()))
          .ifPresent(s -> inPoolFinding("global reservation " + reservation.described(), reservation.ip(), s));
    }
    List<Diagnostic> findings = new ArrayList<>();
    for (List<Diagnostic> part : List.of(versionHead, versionSubnets, versionTail, definitionsAndGlobalOptions,
        subnetFindings, networkFindings, subnetSetFindings, globalReservationFindings, globalInPoolFindings)) {
      findings.addAll(part);
    }
    return List.copyOf(findings);
  }

  private Optional<SubnetView> subnet(JsonNode subnet, Flags inherited) {
    String text = subnet.path("subnet").asText("");
    IPv4Address prefix = Cidrs.parsePrefix(text);
    String label = "subnet " + (text.isEmpty() ? "(no \"subnet\")" : text);
    if (prefix == null) {
      add(Severity.ERROR, DiagnosticCode.SUBNET_INVALID, label, "\"subnet\" is not an IPv4 prefix with its host bits zero",
          "write the subnet as network/length, e.g. 10.0.0.0/24");
      return Optional.empty();
    }
    long first = prefix.getLower().longValue();
    long last = prefix.getUpper().longValue();
    Flags flags = Flags.of(subnet, inherited);
    optionData(subnet.path("option-data"), label + " option-data");
    List<long[]> pools = new ArrayList<>();
    for (JsonNode pool : subnet.path("pools")) {
      String range = pool.path("pool").asText("");
      long[] bounds = poolBounds(range);
      if (bounds == null) {
        add(Severity.ERROR, DiagnosticCode.POOL_INVALID, label + " pool '" + range + "'",
            "is not first-last or a prefix of IPv4 addresses in ascending order",
            "write the pool as 10.0.0.10-10.0.0.20 or 10.0.0.64/26");
        continue;
      }
      if (bounds[0] < first || bounds[1] > last) {
        add(Severity.ERROR, DiagnosticCode.POOL_OUTSIDE_ITS_SUBNET, label + " pool " + range,
            "lies outside the subnet", "keep the pool inside " + text);
      }
      optionData(pool.path("option-data"), label + " pool " + range + " option-data");
      pools.add(bounds);
    }
    pools.sort(Comparator.comparingLong(p -> p[0]));
    for (int i = 1; i < pools.size(); i++) {
      if (pools.get(i)[0] <= pools.get(i - 1)[1]) {
        add(Severity.ERROR, DiagnosticCode.POOL_OVERLAP, label, "pools " + range(pools.get(i - 1)) + " and "
            + range(pools.get(i)) + " overlap", "make the pools disjoint");
      }
    }
    SubnetView view = new SubnetView(subnet.path("id"), label, first, last, pools, flags.global, flags.inSubnet,
        flags.outOfPool);
    ReservationScope reservations = new ReservationScope(label + " reservations", view);
    subnet.path("reservations").forEach(reservations::check);
    return Optional.of(view);
  }

  private void subnetIds(List<SubnetView> subnets) {
    Map<Long, String> owners = new HashMap<>();
    for (SubnetView s : subnets) {
      JsonNode id = s.id();
      if (id.isMissingNode()) {
        add(Severity.ERROR, DiagnosticCode.SUBNET_ID_INVALID, s.label(),
            "has no \"id\"; Kea ties leases to subnet ids" + (version.atLeast(KeaVersion.V2_6)
                ? " and " + version + " requires one" : " and would number subnets by their order"),
            "give the subnet a stable id from 1 to " + MAX_SUBNET_ID);
        continue;
      }
      if (!id.isIntegralNumber() || id.asLong() < 1 || id.asLong() > MAX_SUBNET_ID) {
        add(Severity.ERROR, DiagnosticCode.SUBNET_ID_INVALID, s.label(), "id " + id + " is outside 1.." + MAX_SUBNET_ID,
            "give the subnet an id from 1 to " + MAX_SUBNET_ID);
        continue;
      }
      String other = owners.putIfAbsent(id.asLong(), s.label());
      if (other != null) {
        add(Severity.ERROR, DiagnosticCode.SUBNET_ID_DUPLICATE, s.label(), "id " + id + " is also the id of " + other,
            "give each subnet its own id");
      }
    }
  }

  private void overlaps(List<SubnetView> subnets) {
    List<SubnetView> sorted = new ArrayList<>(subnets);
    sorted.sort(Comparator.comparingLong(SubnetView::first).thenComparingLong(s -> -s.last()));
    SubnetView widest = null;
    for (SubnetView s : sorted) {
      if (widest != null && s.first() <= widest.last()) {
        add(Severity.ERROR, DiagnosticCode.SUBNET_OVERLAP, s.label(), "overlaps " + widest.label()
            + "; Kea would pick one of them for clients of both", "remove or resize one of the subnets");
      }
      if (widest == null || s.last() > widest.last()) {
        widest = s;
      }
    }
  }

  /** One scope's reservations: an identifier, an address and a hostname are each reserved once in it. */
  private final class ReservationScope {
    private final String scope;
    private final SubnetView subnet;
    private final Map<String, String> identifiers = new HashMap<>();
    private final Map<Long, String> addresses = new HashMap<>();
    private final Map<String, String> hostnames = new HashMap<>();

    /** {@code subnet}: the subnet the reservations are in, or {@code null} for the global ones. */
    ReservationScope(String scope, SubnetView subnet) {
      this.scope = scope;
      this.subnet = subnet;
    }

    /** Checks one reservation of the scope; returns how findings describe it. */
    String check(JsonNode reservation) {
      String described = describe(reservation);
      Supplier<String> named = () -> scope + ": " + described; // only for a finding
      optionData(reservation.path("option-data"), () -> named.get() + " option-data");
      JsonNode hw = reservation.path("hw-address");
      // colon-separated pairs, the usual form, are among what the pattern takes: no regex for them
      if (hw.isTextual() && !Identifiers.isColonHexPairs(hw.asText()) && !KEA_HW_ADDRESS.matcher(hw.asText()).matches()) {
        add(Severity.ERROR, DiagnosticCode.MAC_INVALID, named.get(), "hw-address '" + hw.asText()
            + "' is not hex bytes separated by colons, which is what Kea reads", "write it as aa:bb:cc:dd:ee:ff");
      }
      for (String key : IDENTIFIERS) {
        JsonNode value = reservation.path(key);
        if (value.isTextual()) {
          String identity = Identifiers.identity(key, value.asText());
          String first = identifiers.putIfAbsent(identity, described);
          if (first != null) {
            add(Severity.ERROR, DiagnosticCode.DUPLICATE_IDENTIFIER, named.get(), "has the same " + key + " "
                + value.asText() + " as " + first + "; Kea allows one reservation per identifier in a scope",
                "remove one of the reservations");
          }
        }
      }
      long ip = address(reservation);
      if (ip >= 0) {
        String first = addresses.putIfAbsent(ip, described);
        if (first != null) {
          add(Severity.ERROR, DiagnosticCode.RESERVATION_DUPLICATE_ADDRESS, named.get(), "reserves "
              + PlainIpv4.dotted(ip) + " like " + first, "reserve each address once");
        }
        if (subnet != null) {
          if (ip < subnet.first() || ip > subnet.last()) {
            add(Severity.ERROR, DiagnosticCode.RESERVATION_OUTSIDE_SUBNET, named.get(),
                PlainIpv4.dotted(ip) + " lies outside " + subnet.label(),
                "move the reservation to the subnet that contains " + PlainIpv4.dotted(ip));
          } else if (subnet.inSubnet() && subnet.outOfPool() && inPool(subnet, ip)) {
            inPoolFinding(named.get(), ip, subnet);
          }
        }
      }
      JsonNode hostname = reservation.path("hostname");
      if (hostname.isTextual() && !hostname.asText().isEmpty()) {
        String first = hostnames.putIfAbsent(hostname.asText().toLowerCase(Locale.ROOT), described);
        if (first != null) {
          add(Severity.WARNING, DiagnosticCode.HOSTNAME_DUPLICATE, named.get(), "has the same hostname as " + first
              + "; DNS updates and lease look-ups by name will clash", "give each reservation its own hostname");
        }
      }
      return described;
    }
  }

  private void inPoolFinding(String label, long ip, SubnetView subnet) {
    add(Severity.ERROR, DiagnosticCode.RESERVATION_IN_POOL, label, PlainIpv4.dotted(ip) + " lies inside a pool of " + subnet.label()
        + " while reservations-out-of-pool is true, so Kea will not honour the reservation and may lease the address to"
        + " another client", "set reservations-out-of-pool to false for the subnet, or reserve an address outside the pools");
  }

  private void optionDefinitions(JsonNode definitions) {
    for (JsonNode def : definitions) {
      String name = def.path("name").asText("");
      int code = def.path("code").asInt(-1);
      String space = def.path("space").asText("dhcp4");
      String type = def.path("type").asText("");
      String label = "option-def " + (name.isEmpty() ? "#" + code : name);
      if (name.isEmpty() || code < 1 || code > 254 || type.isEmpty()) {
        add(Severity.ERROR, DiagnosticCode.OPTION_DEF_INVALID, label,
            "needs a name, a code from 1 to 254 and a type", "complete the option definition");
        continue;
      }
      Optional<OptionDefinition> byName = StandardOptions.instance().byName(space, name, version);
      Optional<OptionDefinition> byCode = StandardOptions.instance().byCode(space, code, version);
      if (byName.isPresent() || byCode.isPresent()) {
        OptionDefinition standard = byName.orElseGet(byCode::get);
        add(Severity.ERROR, DiagnosticCode.OPTION_DEF_CLASH, label, "(code " + code + ") clashes with " + version
            + "'s standard option " + standard.name() + " (code " + standard.code() + ")",
            "use the standard option, or give the custom one an unused name and code");
        continue;
      }
      List<String> fields = def.path("record-types").asText("").isBlank() ? List.of()
          : List.of(def.path("record-types").asText().replace(" ", "").split(","));
      OptionDefinition definition = new OptionDefinition(space, name, code, type, def.path("array").asBoolean(false), fields);
      customByName.put(space + "/" + name, definition);
      customByCode.put(space + "/" + code, definition);
    }
  }

  private void optionData(JsonNode list, String scope) {
    optionData(list, () -> scope);
  }

  /**
   * The option-data rules for one scope, named by {@code scope}: called only for a finding, since
   * most scopes (one per reservation) have none.
   */
  private void optionData(JsonNode list, Supplier<String> scope) {
    if (list.isEmpty()) {
      return;
    }
    List<OptionKey> seen = new ArrayList<>(list.size()); // a scope sets a handful of options: no hashing
    for (JsonNode option : list) {
      String space = option.path("space").asText("dhcp4");
      String name = option.path("name").asText("");
      int code = option.path("code").asInt(-1);
      Supplier<String> label = () -> scope.get() + " " + (name.isEmpty() ? "code " + code : name);
      Optional<OptionDefinition> definition = definition(space, name, code);
      if (definition.isEmpty()) {
        boolean csv = option.path("csv-format").asBoolean(true);
        if (!name.isEmpty() || csv) {
          Optional<KeaVersion> later = StandardOptions.instance().firstVersionWith(space, name);
          if (later.isPresent()) {
            add(Severity.ERROR, DiagnosticCode.OPTION_NOT_IN_VERSION, label.get(), "is a standard option only from "
                + later.get() + " on, and " + version + " has no definition for it",
                "target " + later.get() + " with --kea-version, or add an option-def for it");
          } else {
            add(Severity.ERROR, DiagnosticCode.OPTION_UNKNOWN, label.get(), "has no definition in space " + space
                + " for " + version, "add an option-def for it, or correct the option name");
          }
        }
        continue;
      }
      OptionDefinition def = definition.get();
      if (!name.isEmpty() && code >= 0 && code != def.code()) {
        add(Severity.ERROR, DiagnosticCode.OPTION_DATA_INVALID, label.get(), "has code " + code + " but " + def.name()
            + " is code " + def.code(), "drop the code or make it match the name");
        continue;
      }
      OptionKey key = new OptionKey(space, def.code());
      if (seen.contains(key)) {
        add(Severity.ERROR, DiagnosticCode.OPTION_DATA_DUPLICATE, label.get(), "is set twice in this scope",
            "keep one option-data entry per option");
      }
      seen.add(key);
      JsonNode data = option.path("data");
      if (!data.isMissingNode() && !data.isTextual()) {
        add(Severity.ERROR, DiagnosticCode.OPTION_DATA_INVALID, label.get(), "\"data\" must be a string", "quote the value");
        continue;
      }
      OptionValues.problem(def, data.asText(""), option.path("csv-format").asBoolean(true)).ifPresent(problem ->
          add(Severity.ERROR, DiagnosticCode.OPTION_DATA_INVALID, label.get(), problem + " (type " + def.type()
              + (def.array() ? ", array" : "") + ")", "correct the option value"));
    }
  }

  /** The definition an option-data entry refers to: by name when it has one, else by code; looked up once each. */
  private Optional<OptionDefinition> definition(String space, String name, int code) {
    Map<Object, Optional<OptionDefinition>> inSpace = definitions.computeIfAbsent(space, s -> new HashMap<>());
    Object key = name.isEmpty() ? (Object) code : name;
    Optional<OptionDefinition> found = inSpace.get(key);
    if (found == null) {
      found = lookUp(space, name, code);
      inSpace.put(key, found);
    }
    return found;
  }

  private Optional<OptionDefinition> lookUp(String space, String name, int code) {
    if (!name.isEmpty()) {
      OptionDefinition custom = customByName.get(space + "/" + name);
      return custom != null ? Optional.of(custom) : StandardOptions.instance().byName(space, name, version);
    }
    OptionDefinition custom = customByCode.get(space + "/" + code);
    return custom != null ? Optional.of(custom) : StandardOptions.instance().byCode(space, code, version);
  }

  /** The keys of one scope ({@code Dhcp4}, a shared network or a subnet) that {@link #version} does not accept. */
  private void versionKeys(JsonNode scope) {
    String where = scope == dhcp4 ? "Dhcp4" : scope.has("subnet") ? "subnet " + scope.get("subnet").asText()
        : "shared network " + scope.path("name").asText("?");
    if (scope.has("reservation-mode") && version.atLeast(KeaVersion.V2_6)) {
      notInVersion(where, "reservation-mode", "use reservations-global, reservations-in-subnet and reservations-out-of-pool");
    }
    if (!version.atLeast(KeaVersion.V3_0)) {
      if (scope != dhcp4 && scope.has("client-classes")) {
        notInVersion(where, "client-classes", "use \"client-class\" with one class name");
      }
      if (scope.has("evaluate-additional-classes")) {
        notInVersion(where, "evaluate-additional-classes", "use \"require-client-classes\"");
      }
    }
    if (scope.has("subnet")) {
      unknownKeys(scope, KeaKeys.SUBNET4, where, RENAMED_SUBNET_KEYS);
      for (JsonNode pool : scope.path("pools")) {
        unknownKeys(pool, KeaKeys.POOL, where + " pool " + pool.path("pool").asText("?"), Set.of());
      }
    }
  }

  /**
   * Every key of {@code map} ({@code subnet4} entry or pool) that {@link KeaKeys} says this version's
   * kea-dhcp4 does not accept (it would refuse the whole config), except those in {@code covered},
   * which the rules above report with a better hint.
   */
  private void unknownKeys(JsonNode map, String kind, String where, Set<String> covered) {
    map.fieldNames().forEachRemaining(key -> {
      if (covered.contains(key) || KeaKeys.instance().accepts(kind, key, version)) {
        return;
      }
      Set<KeaVersion> others = KeaKeys.instance().versionsWith(kind, key);
      notInVersion(where, key, others.isEmpty()
          ? "no Kea version keagen knows (" + String.join(", ", KeaVersion.labels()) + ") has this " + kind
              + " key: check its spelling, or remove it (from subnet_config, if it comes from there)"
          : "only " + others.stream().map(KeaVersion::toString).collect(Collectors.joining(", ")) + " accept it in"
              + " a " + kind + ": target one of them with --kea-version, or remove it");
    });
  }

  private void notInVersion(String where, String key, String hint) {
    add(Severity.ERROR, DiagnosticCode.KEY_NOT_IN_VERSION, where, "\"" + key + "\" is not accepted by " + version, hint);
  }

  /** The value of the reservation's {@code ip-address}, or -1 when it has none or it is not an address. */
  private static long address(JsonNode reservation) {
    JsonNode ip = reservation.path("ip-address");
    return ip.isTextual() ? Cidrs.addressValue(ip.asText()) : -1;
  }

  private static boolean inPool(SubnetView subnet, long value) {
    return subnet.pools().stream().anyMatch(p -> p[0] <= value && value <= p[1]);
  }

  /** A pool's first and last address, or {@code null} when it is malformed. */
  static long[] poolBounds(String pool) {
    String text = pool.strip();
    if (text.contains("/")) {
      IPv4Address prefix = Cidrs.parsePrefix(text);
      return prefix == null ? null : new long[] {prefix.getLower().longValue(), prefix.getUpper().longValue()};
    }
    int dash = text.indexOf('-');
    if (dash < 0) {
      return null;
    }
    IPv4Address first = Cidrs.parseAddress(text.substring(0, dash));
    IPv4Address last = Cidrs.parseAddress(text.substring(dash + 1));
    if (first == null || last == null || first.longValue() > last.longValue()) {
      return null;
    }
    return new long[] {first.longValue(), last.longValue()};
  }

  private static String range(long[] bounds) {
    return new IPv4Address((int) bounds[0]).toNormalizedString() + "-"
        + new IPv4Address((int) bounds[1]).toNormalizedString();
  }

  private static String describe(JsonNode reservation) {
    StringBuilder described = new StringBuilder(); // the parts joined by spaces
    for (String key : DESCRIBED_BY) {
      JsonNode value = reservation.path(key);
      if (value.isTextual()) {
        (described.isEmpty() ? described : described.append(' ')).append(value.asText());
      }
    }
    for (String key : IDENTIFIERS) {
      JsonNode value = reservation.path(key);
      if (value.isTextual()) {
        (described.isEmpty() ? described : described.append(' ')).append(key).append(' ').append(value.asText());
        break;
      }
    }
    return described.isEmpty() ? "reservation" : described.toString();
  }

  private void add(Severity severity, DiagnosticCode code, String object, String message, String hint) {
    sink.add(new Diagnostic(severity, code, object, message, hint));
  }

  /**
   * The first subnet, in config order, that contains an address. When no two subnets overlap (any
   * valid config) there is at most one, found by binary search over the subnets sorted by their
   * first address; otherwise (an overlap is already an error) by scanning them in order.
   */
  private static final class ContainingSubnet {
    private final List<SubnetView> inOrder;
    private final SubnetView[] disjointByFirst;

    ContainingSubnet(List<SubnetView> subnets) {
      inOrder = subnets;
      SubnetView[] sorted = subnets.toArray(new SubnetView[0]);
      Arrays.sort(sorted, Comparator.comparingLong(SubnetView::first));
      boolean disjoint = true;
      for (int i = 1; i < sorted.length && disjoint; i++) {
        disjoint = sorted[i].first() > sorted[i - 1].last();
      }
      disjointByFirst = disjoint ? sorted : null;
    }

    Optional<SubnetView> first(long ip) {
      if (disjointByFirst == null) {
        return inOrder.stream().filter(s -> s.first() <= ip && ip <= s.last()).findFirst();
      }
      int low = 0;
      int high = disjointByFirst.length - 1;
      SubnetView candidate = null;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (disjointByFirst[middle].first() <= ip) {
          candidate = disjointByFirst[middle];
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return candidate != null && ip <= candidate.last() ? Optional.of(candidate) : Optional.empty();
    }
  }

  /** The three reservation flags in effect for a scope. */
  private record Flags(boolean global, boolean inSubnet, boolean outOfPool) {
    static Flags of(JsonNode scope, Flags inherited) {
      Flags flags = inherited;
      JsonNode mode = scope.path("reservation-mode");
      if (mode.isTextual()) {
        String m = mode.asText();
        flags = new Flags(m.equals("global"), m.equals("all") || m.equals("out-of-pool"), m.equals("out-of-pool"));
      }
      return new Flags(scope.path("reservations-global").asBoolean(flags.global),
          scope.path("reservations-in-subnet").asBoolean(flags.inSubnet),
          scope.path("reservations-out-of-pool").asBoolean(flags.outOfPool));
    }
  }
}
