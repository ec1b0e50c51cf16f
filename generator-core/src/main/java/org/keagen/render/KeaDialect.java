package org.keagen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/**
 * Rewrites a {@code Dhcp4} tree into the keys one Kea version accepts, so templates and static
 * fragments can be written once:
 * <ul>
 *   <li>{@code reservation-mode} (gone in 2.6) always becomes the three {@code reservations-*} flags;
 *   <li>{@code control-socket} / {@code control-sockets} (list, 3.0);
 *   <li>{@code client-class} / {@code client-classes} (list, 3.0) on subnets, pools, shared networks;
 *   <li>{@code require-client-classes} / {@code evaluate-additional-classes} (3.0);
 *   <li>{@code output_options} / {@code output-options} (2.6) in loggers;
 *   <li>hook libraries and control sockets by file name only from 3.0, which keeps them in its own
 *       directories.
 * </ul>
 * A value the target cannot express (two control sockets before 3.0) is an error.
 */
public final class KeaDialect {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KeaDialect() {}

  /** Adapts {@code dhcp4} in place for {@code version}; reports what cannot be expressed. */
  public static void adapt(ObjectNode dhcp4, KeaVersion version, Consumer<Diagnostic> report) {
    boolean v3 = version.atLeast(KeaVersion.V3_0);
    reservationMode(dhcp4);
    if (v3) {
      toList(dhcp4, "control-socket", "control-sockets");
    } else {
      fromList(dhcp4, "control-sockets", "control-socket", "Dhcp4", version, report);
    }
    for (ObjectNode scope : scopes(dhcp4)) {
      adaptScope(scope, version, report);
    }
    for (JsonNode logger : dhcp4.path("loggers")) {
      if (logger instanceof ObjectNode l) {
        if (version.atLeast(KeaVersion.V2_6)) {
          rename(l, "output_options", "output-options");
        } else {
          rename(l, "output-options", "output_options");
        }
      }
    }
    if (v3) {
      for (JsonNode hook : dhcp4.path("hooks-libraries")) {
        fileNameOnly(hook, "library");
      }
      for (JsonNode socket : dhcp4.path("control-sockets")) {
        if (socket.path("socket-type").asText("unix").equals("unix")) {
          fileNameOnly(socket, "socket-name");
        }
      }
    }
  }

  /**
   * Adapts one more {@code subnet4} entry (with its pools) that {@link #adapt} did not see, in place;
   * reports what cannot be expressed.
   */
  public static void adaptSubnet(ObjectNode subnet, KeaVersion version, Consumer<Diagnostic> report) {
    adaptScope(subnet, version, report);
    subnet.path("pools").forEach(pool -> {
      if (pool instanceof ObjectNode p) {
        adaptScope(p, version, report);
      }
    });
  }

  private static void adaptScope(ObjectNode scope, KeaVersion version, Consumer<Diagnostic> report) {
    reservationMode(scope);
    String where = scopeName(scope);
    if (version.atLeast(KeaVersion.V3_0)) {
      toList(scope, "client-class", "client-classes");
      rename(scope, "require-client-classes", "evaluate-additional-classes");
    } else {
      fromList(scope, "client-classes", "client-class", where, version, report);
      rename(scope, "evaluate-additional-classes", "require-client-classes");
    }
  }

  /** Subnets, their pools, shared networks and their subnets: where class keys may appear. */
  private static List<ObjectNode> scopes(ObjectNode dhcp4) {
    List<ObjectNode> scopes = new ArrayList<>();
    List<JsonNode> subnets = new ArrayList<>();
    dhcp4.path("subnet4").forEach(subnets::add);
    for (JsonNode network : dhcp4.path("shared-networks")) {
      if (network instanceof ObjectNode n) {
        scopes.add(n);
        n.path("subnet4").forEach(subnets::add);
      }
    }
    for (JsonNode subnet : subnets) {
      if (subnet instanceof ObjectNode s) {
        scopes.add(s);
        s.path("pools").forEach(pool -> {
          if (pool instanceof ObjectNode p) {
            scopes.add(p);
          }
        });
      }
    }
    return scopes;
  }

  private static String scopeName(ObjectNode scope) {
    if (scope.has("subnet")) {
      return "subnet " + scope.get("subnet").asText();
    }
    if (scope.has("pool")) {
      return "pool " + scope.get("pool").asText();
    }
    return "shared network " + scope.path("name").asText("?");
  }

  /** Replaces Kea 2.x's reservation-mode with the flags it stands for, unless the flags are set. */
  private static void reservationMode(ObjectNode scope) {
    JsonNode mode = scope.remove("reservation-mode");
    if (mode == null || !mode.isTextual()) {
      return;
    }
    boolean global = mode.asText().equals("global");
    boolean inSubnet = mode.asText().equals("all") || mode.asText().equals("out-of-pool");
    boolean outOfPool = mode.asText().equals("out-of-pool");
    if (!scope.has("reservations-global")) {
      scope.put("reservations-global", global);
    }
    if (!scope.has("reservations-in-subnet")) {
      scope.put("reservations-in-subnet", inSubnet);
    }
    if (!scope.has("reservations-out-of-pool")) {
      scope.put("reservations-out-of-pool", outOfPool);
    }
  }

  private static void toList(ObjectNode scope, String single, String list) {
    JsonNode value = scope.remove(single);
    if (value != null && !scope.has(list)) {
      ArrayNode array = JSON.arrayNode();
      if (!(value.isTextual() && value.asText().isEmpty())) {
        array.add(value);
      }
      scope.set(list, array);
    }
  }

  private static void fromList(ObjectNode scope, String list, String single, String where, KeaVersion version,
      Consumer<Diagnostic> report) {
    JsonNode value = scope.get(list);
    if (value == null || !value.isArray()) {
      return;
    }
    if (value.size() > 1) {
      report.accept(Diagnostic.error(DiagnosticCode.KEY_NOT_IN_VERSION, where,
          "\"" + list + "\" lists " + value.size() + " entries, but " + version + " accepts only one \"" + single + "\"",
          "keep one entry, or target Kea 3.0 with --kea-version 3.0"));
      return;
    }
    scope.remove(list);
    if (value.size() == 1) {
      scope.set(single, value.get(0));
    }
  }

  /** Kea 3.0 keeps hooks and sockets in its own directories and takes a bare file name for them. */
  private static void fileNameOnly(JsonNode node, String key) {
    if (node instanceof ObjectNode object && object.path(key).isTextual()) {
      String path = object.get(key).asText();
      object.put(key, path.substring(path.lastIndexOf('/') + 1));
    }
  }

  private static void rename(ObjectNode scope, String from, String to) {
    JsonNode value = scope.remove(from);
    if (value != null && !scope.has(to)) {
      scope.set(to, value);
    }
  }
}
