package org.keagen.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One Kea control command: its name and optional arguments.
 *
 * @param name the command, e.g. {@code config-get}
 * @param arguments the {@code arguments} map, or {@code null} for none
 */
public record ControlCommand(String name, ObjectNode arguments) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public ControlCommand {
    Objects.requireNonNull(name, "name");
    arguments = arguments == null ? null : arguments.deepCopy();
  }

  public static ControlCommand of(String name) {
    return new ControlCommand(name, null);
  }

  public static ControlCommand configGet() {
    return of("config-get");
  }

  public static ControlCommand configHashGet() {
    return of("config-hash-get");
  }

  public static ControlCommand configWrite() {
    return of("config-write");
  }

  public static ControlCommand listCommands() {
    return of("list-commands");
  }

  public static ControlCommand versionGet() {
    return of("version-get");
  }

  /** {@code config-test} of a whole config, {@code {"Dhcp4": {...}}}. */
  public static ControlCommand configTest(ObjectNode config) {
    return new ControlCommand("config-test", config);
  }

  /** {@code config-set} of a whole config, {@code {"Dhcp4": {...}}}: it replaces everything. */
  public static ControlCommand configSet(ObjectNode config) {
    return new ControlCommand("config-set", config);
  }

  /**
   * The command as Kea reads it; {@code services} (e.g. {@code ["dhcp4"]}) tells a Control Agent
   * where to forward it and is left out when empty.
   */
  public ObjectNode toJson(List<String> services) {
    ObjectNode json = JSON.objectNode();
    json.put("command", name);
    if (!services.isEmpty()) {
      ArrayNode service = json.putArray("service");
      services.forEach(service::add);
    }
    if (arguments != null) {
      json.set("arguments", arguments.deepCopy());
    }
    return json;
  }
}
