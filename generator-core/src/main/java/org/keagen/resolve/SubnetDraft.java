package org.keagen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.plan.GeneratedReservation;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Prefix;

/**
 * One subnet while it is being resolved: its addresses, and the options and parameters device
 * contexts contribute, each remembered with where it came from so a conflict names both sides.
 */
final class SubnetDraft {
  /** Keys keagen itself sets on a subnet; a context may not override them. */
  static final Set<String> RESERVED_KEYS = Set.of("subnet", "id", "pools", "option-data", "reservations");

  private record Sourced<T>(T value, String source) {}

  final Prefix prefix;
  final IPv4Address network;
  final String cidr;
  final String label;
  IPv4Address gateway;
  final PoolMembers pool = new PoolMembers();
  /** The network and broadcast addresses' values. */
  private final long lowest;
  private final long highest;
  final TreeMap<Long, Address> reserved = new TreeMap<>();
  final List<GeneratedReservation> addressReservations = new ArrayList<>();
  final List<GeneratedReservation> optionOnlyReservations = new ArrayList<>();
  private final Map<String, Sourced<String>> options = new LinkedHashMap<>();
  private final Map<String, Sourced<JsonNode>> config = new LinkedHashMap<>();

  SubnetDraft(Prefix prefix, IPv4Address network) {
    this.prefix = prefix;
    this.network = network;
    this.lowest = network.getLower().longValue();
    this.highest = network.getUpper().longValue();
    this.cidr = Cidrs.toText(network);
    this.label = "prefix " + cidr + (prefix.vrf() == null ? "" : " (vrf " + prefix.vrf() + ")");
  }

  /** Whether {@code value} is the first or last address of the prefix: not usable by hosts except on /31 and /32. */
  boolean isNetworkOrBroadcast(long value) {
    return network.getNetworkPrefixLength() < 31 && (value == lowest || value == highest);
  }

  boolean contains(IPv4Address address) {
    return network.contains(address);
  }

  /** Adds subnet options a device contributes; the first value of an option stays, a different one is an error. */
  void mergeOptions(Map<String, String> rendered, String source, Consumer<Diagnostic> report) {
    rendered.forEach((name, value) -> {
      Sourced<String> existing = options.putIfAbsent(name, new Sourced<>(value, source));
      if (existing != null && !existing.value().equals(value)) {
        report.accept(Diagnostic.error(DiagnosticCode.SUBNET_OPTION_CONFLICT, label,
            "option " + name + " is '" + existing.value() + "' from " + existing.source() + " but '"
                + value + "' from " + source,
            "make the subnet_options of both devices' contexts agree, or move the option to reservation_options"));
      }
    });
  }

  /** Adds subnet parameters a device contributes, with the same first-wins rule. */
  void mergeConfig(Map<String, JsonNode> parameters, String source, Consumer<Diagnostic> report) {
    parameters.forEach((key, value) -> {
      if (RESERVED_KEYS.contains(key)) {
        report.accept(Diagnostic.error(DiagnosticCode.SUBNET_CONFIG_RESERVED_KEY, label,
            "subnet_config from " + source + " sets '" + key + "', which keagen derives from the source of truth",
            "remove '" + key + "' from subnet_config"));
        return;
      }
      Sourced<JsonNode> existing = config.putIfAbsent(key, new Sourced<>(value, source));
      if (existing != null && !existing.value().equals(value)) {
        report.accept(Diagnostic.error(DiagnosticCode.SUBNET_CONFIG_CONFLICT, label,
            "subnet parameter " + key + " is " + existing.value() + " from " + existing.source() + " but "
                + value + " from " + source,
            "make the subnet_config of both devices' contexts agree"));
      }
    });
  }

  Map<String, String> options() {
    Map<String, String> plain = new LinkedHashMap<>();
    options.forEach((k, v) -> plain.put(k, v.value()));
    return plain;
  }

  /** A boolean subnet parameter from contexts, or {@code fallback} when none sets it. */
  boolean flag(String key, boolean fallback, Consumer<Diagnostic> report) {
    Sourced<JsonNode> value = config.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.value().isBoolean()) {
      report.accept(Diagnostic.error(DiagnosticCode.CONTEXT_INVALID, label,
          key + " from " + value.source() + " is " + value.value() + ", not true or false",
          "set " + key + " to true or false in subnet_config"));
      return fallback;
    }
    return value.value().asBoolean();
  }

  boolean hasConfig(String key) {
    return config.containsKey(key);
  }

  void setConfig(String key, JsonNode value, String source) {
    config.put(key, new Sourced<>(value, source));
  }

  ObjectNode config() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    config.forEach((k, v) -> node.set(k, v.value().deepCopy()));
    return node;
  }
}
