package org.keagen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.snapshot.Device;

/**
 * The DHCP settings a device's config context gives one of its interfaces. For each of the three
 * kinds ({@code subnet_options}, {@code reservation_options}, {@code subnet_config}) the entries
 * under {@code interface_roles.<role>} apply first and those under {@code interface_names.<name>}
 * override them key by key: the more specific match wins.
 *
 * @param subnetOptions option templates for the address's subnet, by option name
 * @param reservationOptions option templates for the reservation, by option name
 * @param subnetConfig extra subnet parameters, by Kea key
 * @param clientIdTemplate the context's {@code client_id_template}, or {@code null}
 * @param ztpServers the context's {@code ztp.ipv4} list
 */
public record ContextOptions(
    Map<String, String> subnetOptions,
    Map<String, String> reservationOptions,
    Map<String, JsonNode> subnetConfig,
    String clientIdTemplate,
    List<String> ztpServers) {

  private static final List<String> KINDS = List.of("subnet_options", "reservation_options", "subnet_config");

  public ContextOptions {
    subnetOptions = frozen(subnetOptions);
    reservationOptions = frozen(reservationOptions);
    subnetConfig = frozen(subnetConfig);
    ztpServers = List.copyOf(ztpServers);
  }

  /** An unmodifiable copy in the same order; the shared empty map for none (most contexts set few kinds). */
  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Reads the settings for interface {@code interfaceName} (role {@code role}, may be null) of
   * {@code device}. Reports malformed context data and attempts to set {@code routers}; returns
   * {@code null} when it reported an error.
   */
  public static ContextOptions forInterface(Device device, String interfaceName, String role,
      Consumer<Diagnostic> report) {
    String where = "device " + device.name() + " config context";
    List<Diagnostic> problems = new ArrayList<>();
    // each section copied once, and read inside that copy
    JsonNode dhcpSection = device.configContext().at("/dhcp");
    JsonNode ztpSection = device.configContext().at("/ztp");
    // a section that is not an object would otherwise read as absent, silently dropping its settings
    for (Map.Entry<String, JsonNode> section : List.of(Map.entry("dhcp", dhcpSection), Map.entry("ztp", ztpSection))) {
      JsonNode node = section.getValue();
      if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
        problems.add(invalid(where, section.getKey(), "an object"));
      }
    }
    JsonNode options = dhcpSection.path("options");
    Map<String, String> subnetOptions = new LinkedHashMap<>();
    Map<String, String> reservationOptions = new LinkedHashMap<>();
    Map<String, JsonNode> subnetConfig = new LinkedHashMap<>();
    String clientIdTemplate = null;
    if (!options.isMissingNode() && !options.isNull()) {
      if (!options.isObject()) {
        problems.add(invalid(where, "dhcp.options", "an object"));
      } else {
        JsonNode template = options.path("client_id_template");
        if (template.isTextual()) {
          clientIdTemplate = template.asText();
        } else if (!template.isMissingNode() && !template.isNull()) {
          problems.add(invalid(where, "dhcp.options.client_id_template", "a string"));
        }
        List<String> blocks = new ArrayList<>();
        if (role != null) {
          blocks.add("interface_roles");
        }
        blocks.add("interface_names");
        for (String block : blocks) {
          String key = block.equals("interface_roles") ? role : interfaceName;
          JsonNode byKey = options.path(block);
          if (byKey.isMissingNode() || byKey.isNull()) {
            continue;
          }
          if (!byKey.isObject()) {
            problems.add(invalid(where, "dhcp.options." + block, "an object keyed by interface "
                + (block.equals("interface_roles") ? "role" : "name")));
            continue;
          }
          JsonNode entry = byKey.path(key);
          if (entry.isMissingNode() || entry.isNull()) {
            continue;
          }
          String path = "dhcp.options." + block + "." + key;
          if (!entry.isObject()) {
            problems.add(invalid(where, path, "an object with subnet_options, reservation_options, subnet_config"));
            continue;
          }
          entry.fieldNames().forEachRemaining(kind -> {
            if (!KINDS.contains(kind)) {
              problems.add(invalid(where, path + "." + kind, "one of " + String.join(", ", KINDS)));
            }
          });
          readOptions(entry.path("subnet_options"), where, path + ".subnet_options", subnetOptions, problems);
          readOptions(entry.path("reservation_options"), where, path + ".reservation_options",
              reservationOptions, problems);
          readConfig(entry.path("subnet_config"), where, path + ".subnet_config", subnetConfig, problems);
        }
      }
    }
    List<String> ztpServers = new ArrayList<>();
    JsonNode ztp = ztpSection.path("ipv4");
    if (ztp.isArray()) {
      for (JsonNode server : ztp) {
        if (server.isTextual() && isIpv4Address(server.asText().trim())) {
          ztpServers.add(server.asText().trim());
        } else {
          problems.add(invalid(where, "ztp.ipv4", "an array of IPv4 server addresses, found " + describe(server)));
        }
      }
    } else if (!ztp.isMissingNode() && !ztp.isNull()) {
      problems.add(invalid(where, "ztp.ipv4", "an array of server addresses"));
    }
    problems.forEach(report);
    if (!problems.isEmpty()) {
      return null;
    }
    return new ContextOptions(subnetOptions, reservationOptions, subnetConfig, clientIdTemplate, ztpServers);
  }

  private static boolean isIpv4Address(String text) {
    return !text.isEmpty() && !text.contains("/") && Cidrs.isIpv4(text);
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText().strip();
      return text.isEmpty() ? "an empty string" : "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
    return value.isNull() ? "null" : "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True when the context gives the interface nothing at all. */
  public boolean isEmpty() {
    return subnetOptions.isEmpty() && reservationOptions.isEmpty() && subnetConfig.isEmpty();
  }

  private static void readOptions(JsonNode node, String where, String path, Map<String, String> into,
      List<Diagnostic> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problems.add(invalid(where, path, "an object mapping option names to values"));
      return;
    }
    node.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (field.getKey().equals("routers")) {
        problems.add(routers(where, path, value));
      } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
        into.put(field.getKey(), value.asText());
      } else {
        problems.add(invalid(where, path + "." + field.getKey(), "a string (the option value, may be a template)"));
      }
    });
  }

  private static void readConfig(JsonNode node, String where, String path, Map<String, JsonNode> into,
      List<Diagnostic> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problems.add(invalid(where, path, "an object mapping Kea subnet parameters to values"));
      return;
    }
    ((ObjectNode) node).fields().forEachRemaining(field -> {
      if (field.getKey().equals("routers")) {
        problems.add(routers(where, path, field.getValue()));
      } else {
        into.put(field.getKey(), field.getValue().deepCopy());
      }
    });
  }

  private static Diagnostic routers(String where, String path, JsonNode value) {
    return Diagnostic.error(DiagnosticCode.ROUTERS_OVERRIDE, where + " " + path,
        "sets routers to " + value + ", but the routers option is always the prefix's gateway",
        "remove 'routers' from the context and model the gateway on the prefix instead");
  }

  private static Diagnostic invalid(String where, String path, String expected) {
    return Diagnostic.error(DiagnosticCode.CONTEXT_INVALID, where + " " + path,
        "expected " + expected, "correct the config context");
  }
}
