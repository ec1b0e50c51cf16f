package org.keagen.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;
import org.keagen.plan.DhcpPlan;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.GeneratedSubnet;
import org.keagen.plan.OptionData;
import org.keagen.plan.PoolRange;
import org.keagen.plan.Reservation;
import org.keagen.plan.StaticReservation;
import org.keagen.plan.StaticSubnet;
import org.keagen.plan.Subnet;
import org.keagen.snapshot.JsonObject;

/**
 * Renders a plan into Kea's {@code {"Dhcp4": ...}} tree: the skeleton's server settings plus the
 * generated {@code option-def}, {@code reservations-global}, {@code reservations} and {@code
 * subnet4}, rewritten for the target Kea version. Subnets keep the plan's order; arrays whose
 * order is free are sorted.
 */
public final class KeaRenderer {
  /** The keys keagen owns; a skeleton that sets them is refused. */
  public static final List<String> GENERATED_KEYS =
      List.of("option-def", "reservations-global", "reservations", "subnet4");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KeaRenderer() {}

  /** Renders {@code plan} into {@code template}'s skeleton, in the keys {@code version} accepts. */
  public static RenderResult render(DhcpPlan plan, ServerTemplate template, KeaVersion version) {
    RenderResult skeleton = skeleton(plan, template, version);
    if (skeleton.config() == null) {
      return skeleton;
    }
    ObjectNode dhcp4 = (ObjectNode) skeleton.config().get("Dhcp4");
    ArrayNode reservations = (ArrayNode) dhcp4.get("reservations");
    plan.globalReservations().forEach(r -> reservations.add(reservation(r)));
    ArrayNode subnets = (ArrayNode) dhcp4.get("subnet4");
    List<Diagnostic> diagnostics = new ArrayList<>();
    plan.subnets().forEach(s -> subnets.add(subnet(s, version, diagnostics::add)));
    return diagnostics.isEmpty() ? skeleton : new RenderResult(null, diagnostics);
  }

  /**
   * The config {@link #render} gives, except that its {@code reservations} and {@code subnet4} are
   * empty: their entries, rendered one at a time by {@link #reservation} and {@link #subnet}, need
   * never be held all at once.
   */
  public static RenderResult skeleton(DhcpPlan plan, ServerTemplate template, KeaVersion version) {
    ServerTemplate.Skeleton skeleton = template.render(Map.of("kea_version", version.label()));
    if (skeleton.dhcp4() == null) {
      return new RenderResult(null, skeleton.diagnostics());
    }
    ObjectNode dhcp4 = skeleton.dhcp4();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String key : GENERATED_KEYS) {
      if (dhcp4.has(key)) {
        diagnostics.add(Diagnostic.error(DiagnosticCode.SKELETON_INVALID, "server template " + template.name(),
            "sets \"" + key + "\", which keagen generates from the source of truth",
            "remove \"" + key + "\" from the template"));
      }
    }
    if (!diagnostics.isEmpty()) {
      return new RenderResult(null, diagnostics);
    }
    ArrayNode optionDefs = dhcp4.putArray("option-def");
    plan.optionDefinitions().stream()
        .sorted(Comparator.comparing((JsonObject d) -> d.at("/space").asText("dhcp4"))
            .thenComparingInt(d -> d.at("/code").asInt()))
        .forEach(d -> optionDefs.add(d.toNode()));
    dhcp4.put("reservations-global", plan.reservationsGlobal());
    dhcp4.putArray("reservations");
    dhcp4.putArray("subnet4");
    KeaDialect.adapt(dhcp4, version, diagnostics::add);
    if (!diagnostics.isEmpty()) {
      return new RenderResult(null, diagnostics);
    }
    ObjectNode root = JSON.objectNode();
    root.set("Dhcp4", dhcp4);
    return new RenderResult(root, List.of());
  }

  /**
   * One entry of {@code subnet4}, in the keys {@code version} accepts; what it cannot express goes
   * to {@code report}.
   */
  public static ObjectNode subnet(Subnet subnet, KeaVersion version, Consumer<Diagnostic> report) {
    ObjectNode node = subnet(subnet);
    KeaDialect.adaptSubnet(node, version, report);
    return node;
  }

  private static ObjectNode subnet(Subnet subnet) {
    if (subnet instanceof StaticSubnet s) {
      ObjectNode node = s.body().toNode();
      node.put("id", s.id());
      return node;
    }
    GeneratedSubnet g = (GeneratedSubnet) subnet;
    ObjectNode node = g.config().toNode();
    node.put("id", g.id());
    node.put("subnet", g.cidr());
    List<OptionData> options = new ArrayList<>(g.options());
    options.add(OptionData.of("routers", g.gateway()));
    options.sort(OptionData.ORDER);
    node.set("option-data", optionData(options));
    ArrayNode pools = node.putArray("pools");
    for (PoolRange range : g.pools()) {
      pools.addObject().put("pool", range.toKea());
    }
    if (!g.reservations().isEmpty()) {
      ArrayNode reservations = node.putArray("reservations");
      g.reservations().forEach(r -> reservations.add(reservation(r)));
    }
    return node;
  }

  /** One entry of a {@code reservations} list. */
  public static ObjectNode reservation(Reservation reservation) {
    if (reservation instanceof StaticReservation s) {
      return s.body().toNode();
    }
    GeneratedReservation g = (GeneratedReservation) reservation;
    // keys in sorted order, which the canonical writer then keeps rather than sorts
    ObjectNode node = JSON.objectNode();
    String identifier = g.identifier().type().keaKey();
    boolean identifierFirst = identifier.compareTo("hostname") < 0;
    if (identifierFirst) {
      node.put(identifier, g.identifier().value());
    }
    node.put("hostname", g.hostname());
    if (!identifierFirst) {
      node.put(identifier, g.identifier().value());
    }
    if (g.ipAddress() != null) {
      node.put("ip-address", g.ipAddress());
    }
    node.set("option-data", optionData(g.options()));
    return node;
  }

  private static ArrayNode optionData(List<OptionData> options) {
    ArrayNode array = JSON.arrayNode();
    for (OptionData option : options) {
      ObjectNode node = array.addObject(); // keys in sorted order, as in a reservation
      if (option.code() != null) {
        node.put("code", option.code());
      }
      node.put("data", option.data());
      node.put("name", option.name());
      if (option.space() != null) {
        node.put("space", option.space());
      }
    }
    return array;
  }
}
