package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.source.SourceException;

/**
 * Reads the auto-subnets document: DHCPv4 prefixes, pool and reserved addresses, and the devices
 * their interfaces belong to. Rows of another IP version are skipped; a repeated prefix id or
 * address keeps its first row (pages can overlap).
 */
final class AutoSubnetsReader {

  /** What the document holds, in the order of first appearance. */
  record Result(List<Prefix> prefixes, List<Address> poolAddresses, List<Address> reservedAddresses,
      List<Device> devices) {}

  /** Nautobot's default namespace: its prefixes and addresses are keagen's global table. */
  static final String GLOBAL_NAMESPACE = "Global";
  /** keagen's alias of the gateway relationship field, and the field the reference's query reads. */
  private static final String GATEWAY = "gateway";
  private static final String REFERENCE_GATEWAY = "rel_prefix_to_gateway";

  private final ResponseReader reader = new ResponseReader(NautobotDocuments.AUTO_SUBNETS);
  private final Map<String, JsonObject> contexts;
  private final boolean aggregateManaged;
  private final Map<String, Device> devices = new LinkedHashMap<>();

  private AutoSubnetsReader(Map<String, JsonObject> contexts, boolean aggregateManaged) {
    this.contexts = contexts;
    this.aggregateManaged = aggregateManaged;
  }

  /**
   * Reads {@code data}; devices get their config context from {@code contexts}, and interfaces of
   * devices whose {@code is_aggregate_managed} differs from {@code aggregateManaged} are left out.
   */
  static Result read(JsonNode data, Map<String, JsonObject> contexts, boolean aggregateManaged)
      throws SourceException {
    return new AutoSubnetsReader(contexts, aggregateManaged).read(data);
  }

  private Result read(JsonNode data) throws SourceException {
    JsonNode root = reader.root(data);
    List<Prefix> prefixes = prefixes(root);
    List<Address> pool = addresses(root, "pool_ips", true);
    List<Address> reserved = addresses(root, "reserved_ips", false);
    return new Result(prefixes, pool, reserved, List.copyOf(devices.values()));
  }

  private List<Prefix> prefixes(JsonNode root) throws SourceException {
    List<Prefix> prefixes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> rows = reader.list(root, "data", "prefixes");
    for (int i = 0; i < rows.size(); i++) {
      String path = "data.prefixes[" + i + "]";
      JsonNode row = reader.object(rows.get(i), path);
      if (reader.requiredInt(row, path, "ip_version") != 4) {
        continue;
      }
      String id = reader.requiredText(row, path, "id");
      if (!seen.add(id)) {
        continue;
      }
      String prefix = reader.requiredText(row, path, "prefix");
      String gatewayKey = row.has(GATEWAY) ? GATEWAY : REFERENCE_GATEWAY;
      JsonNode gateway = reader.optionalObject(row, path, gatewayKey);
      String gatewayAddress = gateway == null ? null
          : withoutMask(reader.optionalText(gateway, path + "." + gatewayKey, "address"));
      prefixes.add(new Prefix(id, prefix, namespace(row, path), location(row, path),
          name(row, path, "tenant"), gatewayAddress, reader.optionalLong(row, path, "subnet_id")));
    }
    return prefixes;
  }

  /**
   * Reads one address list. A pool address stays even when all its interfaces were left out (its
   * device belongs to the other server); a reserved address then goes, since the other server
   * reserves it.
   */
  private List<Address> addresses(JsonNode root, String key, boolean pool) throws SourceException {
    List<Address> addresses = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> rows = reader.list(root, "data", key);
    for (int i = 0; i < rows.size(); i++) {
      String path = "data." + key + "[" + i + "]";
      JsonNode row = reader.object(rows.get(i), path);
      if (reader.requiredInt(row, path, "ip_version") != 4) {
        continue;
      }
      String address = reader.requiredText(row, path, "address");
      if (!seen.add(address)) {
        continue;
      }
      List<JsonNode> interfaces = reader.list(row, path, "interfaces");
      List<InterfaceAttachment> attachments = new ArrayList<>();
      for (int j = 0; j < interfaces.size(); j++) {
        InterfaceAttachment attachment = attachment(interfaces.get(j), path + ".interfaces[" + j + "]");
        if (attachment != null) {
          attachments.add(attachment);
        }
      }
      boolean otherServer = !interfaces.isEmpty() && attachments.isEmpty();
      if (pool || !otherServer) {
        String id = reader.optionalText(row, path, "id");
        JsonNode parent = reader.optionalObject(row, path, "parent");
        String vrf = parent == null ? null : namespace(parent, path + ".parent");
        addresses.add(new Address(id == null ? address : id, address, vrf, attachments));
      }
    }
    return addresses;
  }

  /** The interface, or {@code null} when its device belongs to the other server. */
  private InterfaceAttachment attachment(JsonNode node, String path) throws SourceException {
    JsonNode row = reader.object(node, path);
    String name = reader.requiredText(row, path, "name");
    String mac = reader.optionalText(row, path, "mac_address");
    JsonNode role = reader.optionalObject(row, path, "role");
    String roleName = role == null ? null : reader.optionalText(role, path + ".role", "name");
    String devicePath = path + ".device";
    JsonNode device = reader.requiredObject(row, path, "device");
    String deviceId = reader.requiredText(device, devicePath, "id");
    String deviceName = reader.requiredText(device, devicePath, "name");
    String serial = reader.optionalText(device, devicePath, "serial");
    JsonNode platform = reader.optionalObject(device, devicePath, "platform");
    String platformName = platform == null ? null
        : reader.optionalText(platform, devicePath + ".platform", "name");
    String statusPath = devicePath + ".configmanagerdevicestatus";
    JsonNode status = reader.optionalObject(device, devicePath, "configmanagerdevicestatus");
    Boolean ztpEnabled = reader.optionalBoolean(device, devicePath, "ztp_enabled");
    if (status != null) {
      ztpEnabled = reader.optionalBoolean(status, statusPath, "ztp_enabled");
      Boolean aggregate = reader.optionalBoolean(status, statusPath, "is_aggregate_managed");
      if (Boolean.TRUE.equals(aggregate) != aggregateManaged) {
        return null;
      }
    }
    JsonObject context;
    if (device.has("config_context")) {
      JsonNode inline = reader.optionalObject(device, devicePath, "config_context");
      context = inline == null ? JsonObject.empty() : JsonObject.of((ObjectNode) inline);
    } else {
      context = contexts.getOrDefault(deviceId, JsonObject.empty());
    }
    if (!devices.containsKey(deviceId)) {
      devices.put(deviceId, new Device(deviceId, deviceName, serial, platformName,
          name(device, devicePath, "role"), name(device, devicePath, "location"), ztpEnabled, context));
    }
    return InterfaceAttachment.of(name, roleName, mac, deviceId);
  }

  /**
   * The VRF scope of a prefix or an IP's parent prefix: its Nautobot namespace's name, {@code null}
   * for the default namespace {@value #GLOBAL_NAMESPACE} or when the row has no namespace.
   */
  private String namespace(JsonNode row, String path) throws SourceException {
    String name = name(row, path, "namespace");
    return GLOBAL_NAMESPACE.equals(name) ? null : name;
  }

  /** The name of a prefix's one location; {@code null} when it has none or several. */
  private String location(JsonNode row, String path) throws SourceException {
    List<JsonNode> locations = reader.list(row, path, "locations");
    if (locations.size() != 1) {
      return null;
    }
    String locationPath = path + ".locations[0]";
    return reader.optionalText(reader.object(locations.get(0), locationPath), locationPath, "name");
  }

  /** The {@code name} of the nested object {@code key} (role, location, tenant), or {@code null}. */
  private String name(JsonNode row, String path, String key) throws SourceException {
    JsonNode nested = reader.optionalObject(row, path, key);
    return nested == null ? null : reader.optionalText(nested, path + "." + key, "name");
  }

  /** {@code 10.0.0.1/24} -> {@code 10.0.0.1}; {@code null} stays {@code null}. */
  private static String withoutMask(String address) {
    if (address == null) {
      return null;
    }
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }
}
