package org.keagen.source.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.source.SourceException;

/**
 * Turns NetBox 4.2–4.7 REST objects into snapshot records. Ids become their decimal strings. Only
 * the shapes of those versions are read: prefix {@code scope} (4.2+, with {@code site} as a
 * fallback), interface {@code primary_mac_address} (4.2+, with the read-only {@code mac_address} as
 * a fallback), device {@code role} and the rendered {@code config_context}.
 */
final class NetboxMapper {
  static final String DEVICE_INTERFACE = "dcim.interface";

  private final NetboxSourceConfig config;

  NetboxMapper(NetboxSourceConfig config) {
    this.config = config;
  }

  Prefix prefix(JsonNode p) throws SourceException {
    String id = id(p);
    String cidr = text(p, "prefix");
    if (cidr == null) {
      throw malformed("prefix " + id, "has no 'prefix'");
    }
    JsonNode fields = p.path("custom_fields");
    String location = name(p.get("scope"));
    if (location == null) {
      location = name(p.get("site"));
    }
    return new Prefix(id, cidr, name(p.get("vrf")), location, name(p.get("tenant")),
        gateway(fields, "prefix " + cidr + " (id " + id + ")"),
        subnetId(fields, "prefix " + cidr + " (id " + id + ")"));
  }

  /**
   * An address with the device interface it is assigned to.
   *
   * @param interfaces the fetched interfaces by id
   */
  Address address(JsonNode ip, Map<Long, JsonNode> interfaces) throws SourceException {
    String id = id(ip);
    String address = text(ip, "address");
    if (address == null) {
      throw malformed("IP address " + id, "has no 'address'");
    }
    List<InterfaceAttachment> attachments = new ArrayList<>();
    Long interfaceId = assignedInterface(ip);
    if (interfaceId != null) {
      JsonNode iface = interfaces.get(interfaceId);
      if (iface == null) {
        throw new SourceException("IP address " + address + " (id " + id + ") is assigned to interface "
            + interfaceId + ", which NetBox did not return",
            "the token's user needs view permission on dcim.interface; or the interface was deleted"
                + " during the fetch (run again)");
      }
      attachments.add(attachment(iface));
    }
    return new Address(id, address, name(ip.get("vrf")), attachments);
  }

  /** The id of the device interface an IP is assigned to, or {@code null} (unassigned, VM, FHRP). */
  static Long assignedInterface(JsonNode ip) {
    JsonNode type = ip.get("assigned_object_type");
    JsonNode objectId = ip.get("assigned_object_id");
    if (type == null || !DEVICE_INTERFACE.equals(type.asText()) || objectId == null || !objectId.canConvertToLong()) {
      return null;
    }
    return objectId.asLong();
  }

  /** The id of an interface's device, or {@code null}. */
  static Long deviceOf(JsonNode iface) {
    JsonNode device = iface.get("device");
    return device == null || !device.has("id") ? null : device.get("id").asLong();
  }

  private InterfaceAttachment attachment(JsonNode iface) throws SourceException {
    String name = text(iface, "name");
    Long device = deviceOf(iface);
    if (name == null || device == null) {
      throw malformed("interface " + id(iface), "has no 'name' or 'device'");
    }
    String mac = text(iface.path("primary_mac_address"), "mac_address");
    if (mac == null) {
      mac = text(iface, "mac_address");
    }
    String role = null;
    if (config.interfaceRoleField() != null) {
      role = textOrName(iface.path("custom_fields").get(config.interfaceRoleField()));
    }
    return new InterfaceAttachment(name, role, mac, device.toString());
  }

  Device device(JsonNode d) throws SourceException {
    String id = id(d);
    String name = text(d, "name");
    if (name == null) {
      throw new SourceException("device " + id + " has no name; keagen uses the name as the reservation's"
          + " hostname", "name the device in NetBox");
    }
    String location = name(d.get("location"));
    if (location == null) {
      location = name(d.get("site"));
    }
    JsonNode context = d.get("config_context");
    JsonObject configContext = context != null && context.isObject()
        ? JsonObject.of((ObjectNode) context) : JsonObject.empty();
    if (context != null && !context.isNull() && !context.isObject()) {
      throw malformed("device " + name + " (id " + id + ")", "has a config_context that is not an object");
    }
    return new Device(id, name, text(d, "serial"), name(d.get("platform")), name(d.get("role")), location,
        ztp(d.path("custom_fields"), "device " + name + " (id " + id + ")"), configContext);
  }

  private String gateway(JsonNode fields, String what) throws SourceException {
    if (config.gatewayField() == null) {
      return null;
    }
    JsonNode value = fields.get(config.gatewayField());
    if (value == null || value.isNull()) {
      return null;
    }
    String text;
    if (value.isObject()) {
      text = text(value, "address"); // an object custom field pointing at an IP address
    } else if (value.isTextual()) {
      text = value.asText().strip();
    } else {
      text = null;
    }
    if (text == null || text.isEmpty()) {
      if (value.isTextual()) {
        return null;
      }
      throw new SourceException(what + " has custom field '" + config.gatewayField() + "' = " + value
          + ", which is neither an IP address object nor text",
          "make the custom field of type 'Object' (IP address) or 'Text', or configure another field");
    }
    int slash = text.indexOf('/');
    return slash < 0 ? text : text.substring(0, slash);
  }

  private Long subnetId(JsonNode fields, String what) throws SourceException {
    if (config.subnetIdField() == null) {
      return null;
    }
    JsonNode value = fields.get(config.subnetIdField());
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual() && value.asText().strip().matches("\\d{1,10}")) {
      return Long.parseLong(value.asText().strip());
    }
    throw new SourceException(what + " has custom field '" + config.subnetIdField() + "' = " + value
        + ", which is not a whole number", "set it to the Kea subnet id (1 to 4294967294) or clear it");
  }

  private Boolean ztp(JsonNode fields, String what) throws SourceException {
    if (config.ztpField() == null) {
      return null;
    }
    JsonNode value = fields.get(config.ztpField());
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw new SourceException(what + " has custom field '" + config.ztpField() + "' = " + value
        + ", which is not true or false", "make it a Boolean custom field, or configure another field");
  }

  private static String id(JsonNode object) throws SourceException {
    JsonNode id = object.get("id");
    if (id == null || !id.canConvertToLong()) {
      throw malformed("an object", "has no numeric 'id'");
    }
    return Long.toString(id.asLong());
  }

  /** A non-empty string field, or {@code null}. */
  private static String text(JsonNode object, String field) {
    JsonNode value = object == null ? null : object.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    return value.asText();
  }

  /** The {@code name} of a nested object (VRF, tenant, site, scope, role, platform), or {@code null}. */
  private static String name(JsonNode nested) {
    if (nested == null || !nested.isObject()) {
      return null;
    }
    String name = text(nested, "name");
    return name != null ? name : text(nested, "display");
  }

  /** A custom field value that is text, a selection, or an object with a name. */
  private static String textOrName(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText().isBlank() ? null : value.asText();
    }
    if (value.isObject()) {
      String name = name(value);
      return name != null ? name : text(value, "value");
    }
    return value.isValueNode() ? value.asText() : null;
  }

  private static SourceException malformed(String what, String problem) {
    return new SourceException("NetBox returned " + what + " that " + problem,
        "check that --url points at NetBox 4.2 or later");
  }
}
