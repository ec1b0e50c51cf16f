package org.keagen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.StaticReservation;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.StaticFragment;

/**
 * Merges hand-written Kea subnets and reservations from static fragments with the generated ones.
 * Generated objects win: a static subnet with a generated CIDR, and a static reservation with a
 * generated reservation's address or identifier, are dropped with a warning.
 */
final class StaticConfigMerger {
  private static final List<String> IDENTIFIER_KEYS = List.of("hw-address", "client-id", "duid", "circuit-id", "flex-id");

  /** A static subnet that survived the merge, with its CIDR and the id written in it (or null). */
  record KeptSubnet(String cidr, IPv4Address network, JsonObject body, String fragment, Long writtenId) {}

  /** The merge's result. */
  record Merged(List<KeptSubnet> subnets, List<StaticReservation> reservations) {}

  private StaticConfigMerger() {}

  static Merged merge(List<StaticFragment> fragments, Set<String> generatedCidrs,
      List<GeneratedReservation> generated, Consumer<Diagnostic> report) {
    Map<String, KeptSubnet> subnets = new LinkedHashMap<>();
    for (StaticFragment fragment : fragments) {
      for (int i = 0; i < fragment.subnets().size(); i++) {
        KeptSubnet subnet = subnet(fragment, i, report);
        if (subnet == null) {
          continue;
        }
        KeptSubnet earlier = subnets.put(subnet.cidr(), subnet);
        if (earlier != null) {
          report.accept(Diagnostic.warning(DiagnosticCode.STATIC_SUBNET_REPLACED,
              "static subnet " + subnet.cidr() + " in " + fragment.name(),
              "replaces the same subnet from " + earlier.fragment(), "keep the subnet in one static fragment"));
        }
      }
    }
    List<KeptSubnet> kept = new ArrayList<>();
    for (KeptSubnet subnet : subnets.values()) {
      if (generatedCidrs.contains(subnet.cidr())) {
        report.accept(Diagnostic.warning(DiagnosticCode.STATIC_SUBNET_REPLACED,
            "static subnet " + subnet.cidr() + " in " + subnet.fragment(),
            "is also generated from a prefix tagged as a DHCP subnet; the generated subnet is used",
            "remove the static subnet, or untag the prefix"));
      } else {
        kept.add(subnet);
      }
    }

    // the generated reservations a static one could clash with: few statics, many generated
    Set<String> staticAddresses = new HashSet<>();
    Set<String> staticIdentities = new HashSet<>();
    for (StaticFragment fragment : fragments) {
      for (JsonObject body : fragment.reservations()) {
        JsonNode address = body.at("/ip-address");
        IPv4Address ip = address.isTextual() ? Cidrs.parseAddress(address.asText()) : null;
        if (ip != null) {
          staticAddresses.add(ip.toNormalizedString());
        }
        String identity = staticIdentity(body);
        if (identity != null) {
          staticIdentities.add(identity);
        }
      }
    }
    Map<String, GeneratedReservation> generatedByAddress = new HashMap<>();
    Map<String, String> ownerByIdentity = new HashMap<>();
    for (GeneratedReservation r : staticIdentities.isEmpty() ? List.<GeneratedReservation>of() : generated) {
      if (r.ipAddress() != null && staticAddresses.contains(r.ipAddress())) {
        generatedByAddress.putIfAbsent(r.ipAddress(), r);
      }
      String identity = r.identifier().identity();
      if (staticIdentities.contains(identity)) {
        ownerByIdentity.putIfAbsent(identity, "the generated reservation for " + r.hostname());
      }
    }
    List<StaticReservation> reservations = new ArrayList<>();
    for (StaticFragment fragment : fragments) {
      for (int i = 0; i < fragment.reservations().size(); i++) {
        JsonObject body = fragment.reservations().get(i);
        String where = "static reservation #" + (i + 1) + " in " + fragment.name();
        JsonNode address = body.at("/ip-address");
        String identity = staticIdentity(body);
        if (identity == null || !(address.isMissingNode() || address.isTextual())
            || (address.isTextual() && Cidrs.parseAddress(address.asText()) == null)) {
          report.accept(Diagnostic.error(DiagnosticCode.STATIC_INVALID, where,
              "needs exactly one identifier (" + String.join(", ", IDENTIFIER_KEYS)
                  + ") and an optional IPv4 'ip-address'",
              "correct the hand-written reservation"));
          continue;
        }
        String label = where + " (" + describe(body) + ")";
        GeneratedReservation clash = address.isTextual()
            ? generatedByAddress.get(Cidrs.parseAddress(address.asText()).toNormalizedString()) : null;
        if (clash != null) {
          report.accept(Diagnostic.warning(DiagnosticCode.STATIC_RESERVATION_REPLACED, label,
              "has the same address as the generated reservation for " + clash.hostname() + " ("
                  + clash.identifier() + "); the generated reservation is used",
              "remove the static reservation or change one of the addresses"));
          continue;
        }
        String owner = ownerByIdentity.putIfAbsent(identity, label);
        if (owner != null) {
          report.accept(Diagnostic.warning(DiagnosticCode.STATIC_RESERVATION_REPLACED, label,
              "has the same identifier as " + owner + "; that one is used",
              "remove the static reservation, or give it the client's real identifier"));
          continue;
        }
        reservations.add(new StaticReservation(body, fragment.name()));
      }
    }
    return new Merged(kept, reservations);
  }

  private static String staticIdentity(JsonObject body) {
    String found = null;
    for (String key : IDENTIFIER_KEYS) {
      JsonNode value = body.at("/" + key);
      if (value.isMissingNode()) {
        continue;
      }
      if (!value.isTextual() || found != null) {
        return null;
      }
      found = Identifiers.identity(key, value.asText());
    }
    return found;
  }

  private static String describe(JsonObject body) {
    JsonNode hostname = body.at("/hostname");
    JsonNode address = body.at("/ip-address");
    return (hostname.isTextual() ? hostname.asText() : "no hostname")
        + (address.isTextual() ? ", " + address.asText() : "");
  }

  private static KeptSubnet subnet(StaticFragment fragment, int index, Consumer<Diagnostic> report) {
    JsonObject body = fragment.subnets().get(index);
    String where = "static subnet #" + (index + 1) + " in " + fragment.name();
    JsonNode cidr = body.at("/subnet");
    IPv4Address network = cidr.isTextual() ? Cidrs.parsePrefix(cidr.asText()) : null;
    if (network == null) {
      report.accept(Diagnostic.error(DiagnosticCode.STATIC_INVALID, where,
          "'subnet' must be an IPv4 prefix such as 10.0.0.0/24, found " + cidr,
          "correct the hand-written subnet"));
      return null;
    }
    JsonNode id = body.at("/id");
    if (!id.isMissingNode() && !id.isIntegralNumber()) {
      report.accept(Diagnostic.error(DiagnosticCode.STATIC_INVALID, where,
          "'id' must be an integer, found " + id, "correct or remove the id"));
      return null;
    }
    return new KeptSubnet(Cidrs.toText(network), network, body, fragment.name(),
        id.isMissingNode() ? null : id.asLong());
  }
}
