package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.snapshot.StaticFragment;
import org.keagen.source.SourceException;

/**
 * Maps the responses to keagen's Nautobot GraphQL queries (the shapes of {@link
 * NautobotDocuments}) to a {@link Snapshot}.
 *
 * <ul>
 *   <li>Only IPv4 rows ({@code ip_version == 4}) are used; a repeated prefix id or address keeps
 *       its first row.
 *   <li>A prefix's gateway is the address of its {@code rel_prefix_to_gateway} relationship
 *       without the mask length, or {@code null} when the relationship is unset.
 *   <li>Addresses keep their text as their id. The IP's {@code parent} is not used: keagen places
 *       an address in the most specific prefix that contains it.
 *   <li>Devices are those of the addresses' interfaces, first row wins; {@code ztp_enabled} comes
 *       from the device's {@code configmanagerdevicestatus} ({@code null} without that row), the
 *       config context from the device contexts document (empty when it has none).
 *   <li>A device whose status row says {@code is_aggregate_managed} differently from the server
 *       being generated belongs to the other server: its interfaces are left out, and a reserved
 *       address with no interface left is dropped (a pool address stays in the pool).
 *   <li>Every static data context becomes a {@link StaticFragment} named by its {@code name}, or by
 *       its position, e.g. {@code config_contexts[0]}; option definitions come from the first site
 *       context only.
 * </ul>
 *
 * The documents of keagen's own queries ({@link NautobotSource}) have the same lists, and more:
 *
 * <ul>
 *   <li>a prefix's gateway under the alias {@code gateway}, its explicit Kea subnet id under
 *       {@code subnet_id}, its namespace, locations and tenant; the namespace is the VRF scope of
 *       the prefix, and of an IP through its {@code parent}, {@code Global} being the global
 *       table; a prefix with exactly one location has that location;
 *   <li>an address's Nautobot {@code id}, which then is its id;
 *   <li>a device's {@code role}, {@code location}, {@code ztp_enabled} (a custom field under that
 *       alias) and its rendered {@code config_context}, used instead of the contexts document.
 * </ul>
 *
 * A blank string reads as unset (Nautobot stores an unset serial as {@code ""}). A field of the
 * wrong type or a missing required field is a {@link SourceException} naming the query and path.
 */
public final class NautobotResponses {
  private NautobotResponses() {}

  /** The snapshot for the regular (not aggregate-managed) Kea server. */
  public static Snapshot toSnapshot(SourceInfo source, NautobotDocuments documents)
      throws SourceException {
    return toSnapshot(source, documents, false);
  }

  /**
   * The snapshot for one Kea server.
   *
   * @param aggregateManaged whether the server is the aggregate one: only devices whose status row
   *     has this {@code is_aggregate_managed} value (unset counts as {@code false}), and devices
   *     without a status row, are included
   */
  public static Snapshot toSnapshot(SourceInfo source, NautobotDocuments documents,
      boolean aggregateManaged) throws SourceException {
    Map<String, JsonObject> contexts = deviceContexts(documents.deviceContexts());
    AutoSubnetsReader.Result auto =
        AutoSubnetsReader.read(documents.autoSubnets(), contexts, aggregateManaged);
    return new Snapshot(source, auto.prefixes(), auto.poolAddresses(), auto.reservedAddresses(),
        auto.devices(), optionDefinitions(documents.siteOptionDefs()),
        staticFragments(documents.staticData()));
  }

  /**
   * The config context of each device in the device contexts document, by device id, in document
   * order; a {@code null} context reads as empty and a repeated device keeps its first row.
   */
  public static Map<String, JsonObject> deviceContexts(JsonNode data) throws SourceException {
    ResponseReader reader = new ResponseReader(NautobotDocuments.DEVICE_CONTEXTS);
    List<JsonNode> rows = reader.list(reader.root(data), "data", "config_manager_devices");
    Map<String, JsonObject> contexts = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String path = "data.config_manager_devices[" + i + "]";
      JsonNode device = reader.requiredObject(reader.object(rows.get(i), path), path, "device");
      String id = reader.requiredText(device, path + ".device", "id");
      JsonNode context = reader.optionalObject(device, path + ".device", "config_context");
      contexts.putIfAbsent(id, context == null ? JsonObject.empty() : JsonObject.of((ObjectNode) context));
    }
    return Collections.unmodifiableMap(contexts);
  }

  /** One fragment per static data context, holding its {@code reservations} and {@code subnet4}. */
  public static List<StaticFragment> staticFragments(JsonNode data) throws SourceException {
    ResponseReader reader = new ResponseReader(NautobotDocuments.STATIC_DATA);
    List<JsonNode> rows = reader.list(reader.root(data), "data", "config_contexts");
    List<StaticFragment> fragments = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String position = "config_contexts[" + i + "]";
      String path = "data." + position;
      JsonNode row = reader.object(rows.get(i), path);
      String name = reader.optionalText(row, path, "name");
      JsonNode dhcp4 = dhcp4(reader, row, path);
      fragments.add(new StaticFragment(name == null ? position : name,
          objects(reader, dhcp4, path + ".data.Dhcp4", "reservations"),
          objects(reader, dhcp4, path + ".data.Dhcp4", "subnet4")));
    }
    return fragments;
  }

  /** The {@code option-def} list of the first site context; none when there is no context. */
  public static List<JsonObject> optionDefinitions(JsonNode data) throws SourceException {
    ResponseReader reader = new ResponseReader(NautobotDocuments.SITE_OPTION_DEFS);
    List<JsonNode> rows = reader.list(reader.root(data), "data", "config_contexts");
    if (rows.isEmpty()) {
      return List.of();
    }
    String path = "data.config_contexts[0]";
    JsonNode dhcp4 = dhcp4(reader, reader.object(rows.get(0), path), path);
    return objects(reader, dhcp4, path + ".data.Dhcp4", "option-def");
  }

  private static JsonNode dhcp4(ResponseReader reader, JsonNode context, String path)
      throws SourceException {
    JsonNode data = reader.requiredObject(context, path, "data");
    return reader.requiredObject(data, path + ".data", "Dhcp4");
  }

  private static List<JsonObject> objects(ResponseReader reader, JsonNode parent, String path,
      String key) throws SourceException {
    List<JsonNode> elements = reader.list(parent, path, key);
    List<JsonObject> objects = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      objects.add(JsonObject.of((ObjectNode) reader.object(elements.get(i), path + "." + key + "[" + i + "]")));
    }
    return objects;
  }
}
