package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.snapshot.StaticFragment;
import org.keagen.source.SourceException;

class NautobotResponsesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SourceInfo SOURCE = SourceInfo.of("nautobot");
  private static final JsonNode NO_CONTEXTS = json("{\"config_manager_devices\": []}");
  private static final JsonNode NO_STATIC = json("{\"config_contexts\": []}");

  @Test
  void mapsPrefixWithGatewayWithoutMaskAndAddressesKeepTheirText() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [{"id": "p1", "prefix": "10.0.0.0/24", "ip_version": 4,
                       "rel_prefix_to_gateway": {"address": "10.0.0.254/24"}}],
         "pool_ips": [{"address": "10.0.0.50/24", "ip_version": 4, "parent": {"id": "p1"}, "interfaces": []}],
         "reserved_ips": [{"address": "10.0.0.10", "ip_version": 4, "parent": {"id": "p1"},
                           "interfaces": [%s]}]}
        """.formatted(iface("eth0", "AA:BB:CC:00:11:22", "management", device("d1", "leaf1", "SN1", STATUS_ON))));

    assertEquals(List.of(Prefix.of("p1", "10.0.0.0/24", "10.0.0.254")), snapshot.prefixes());
    assertEquals(List.of(Address.of("10.0.0.50/24")), snapshot.poolAddresses());
    Address reserved = snapshot.reservedAddresses().get(0);
    assertEquals("10.0.0.10", reserved.id());
    assertEquals("10.0.0.10", reserved.address());
    assertEquals(List.of(InterfaceAttachment.of("eth0", "management", "AA:BB:CC:00:11:22", "d1")),
        reserved.interfaces());
    assertEquals(List.of(new Device("d1", "leaf1", "SN1", "Cumulus Linux", null, null, true,
        JsonObject.empty())), snapshot.devices());
  }

  @Test
  void ipv6RowsAreDropped() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [{"id": "p6", "prefix": "2001:db8::/64", "ip_version": 6, "rel_prefix_to_gateway": null},
                      {"id": "p4", "prefix": "10.0.0.0/24", "ip_version": 4, "rel_prefix_to_gateway": null}],
         "pool_ips": [{"address": "2001:db8::5/64", "ip_version": 6, "interfaces": []},
                      {"address": "10.0.0.5/24", "ip_version": 4, "interfaces": []}],
         "reserved_ips": [{"address": "2001:db8::9/64", "ip_version": 6, "interfaces": [%s]}]}
        """.formatted(iface("eth0", null, null, device("d6", "v6-only", "SN6", STATUS_ON))));

    assertEquals(List.of("p4"), snapshot.prefixes().stream().map(Prefix::id).toList());
    assertEquals(List.of("10.0.0.5/24"), snapshot.poolAddresses().stream().map(Address::address).toList());
    assertEquals(List.of(), snapshot.reservedAddresses());
    assertEquals(List.of(), snapshot.devices(), "a device seen only on an IPv6 row is not collected");
  }

  @Test
  void duplicateRowsAreDroppedFirstWins() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [{"id": "p1", "prefix": "10.0.0.0/24", "ip_version": 4, "rel_prefix_to_gateway": null},
                      {"id": "p1", "prefix": "10.9.9.0/24", "ip_version": 4, "rel_prefix_to_gateway": null}],
         "pool_ips": [{"address": "10.0.0.5", "ip_version": 4, "interfaces": []},
                      {"address": "10.0.0.5", "ip_version": 4, "interfaces": [%s]}],
         "reserved_ips": [{"address": "10.0.0.9", "ip_version": 4, "interfaces": [%s]},
                          {"address": "10.0.0.9", "ip_version": 4, "interfaces": [%s]}]}
        """.formatted(
            iface("swp1", null, "Uplink", device("d0", "pool-dup", "SN0", STATUS_ON)),
            iface("eth0", "00:00:00:00:00:01", null, device("d1", "first", "SN1", STATUS_ON)),
            iface("eth0", "00:00:00:00:00:02", null, device("d2", "second", "SN2", STATUS_ZTP_OFF))));

    assertEquals(List.of(Prefix.of("p1", "10.0.0.0/24", null)), snapshot.prefixes());
    assertEquals(List.of(Address.of("10.0.0.5")), snapshot.poolAddresses());
    assertEquals(1, snapshot.reservedAddresses().size());
    assertEquals("d1", snapshot.reservedAddresses().get(0).interfaces().get(0).deviceId());
    assertEquals(List.of("first"), snapshot.devices().stream().map(Device::name).toList(),
        "devices of dropped duplicate rows are not collected");
  }

  @Test
  void nullGatewayRelationshipGivesNoGateway() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [{"id": "p1", "prefix": "10.240.128.0/27", "ip_version": 4, "rel_prefix_to_gateway": null},
                      {"id": "p2", "prefix": "10.240.129.0/27", "ip_version": 4},
                      {"id": "p3", "prefix": "10.240.130.0/27", "ip_version": 4, "rel_prefix_to_gateway": {"address": null}}]}
        """);

    assertEquals(List.of(Prefix.of("p1", "10.240.128.0/27", null), Prefix.of("p2", "10.240.129.0/27", null),
        Prefix.of("p3", "10.240.130.0/27", null)), snapshot.prefixes());
    assertEquals(List.of(), snapshot.poolAddresses(), "absent pool_ips reads as none");
    assertEquals(List.of(), snapshot.reservedAddresses(), "absent reserved_ips reads as none");
  }

  @Test
  void deviceWithoutStatusRowHasZtpEnabledNull() throws Exception {
    Snapshot snapshot = auto("""
        {"reserved_ips": [
           {"address": "10.0.0.1", "ip_version": 4, "interfaces": [%s]},
           {"address": "10.0.0.2", "ip_version": 4, "interfaces": [%s]},
           {"address": "10.0.0.3", "ip_version": 4, "interfaces": [%s]}]}
        """.formatted(
            iface("eth0", null, null, device("d1", "no-status", "SN1", "null")),
            iface("eth0", null, null, device("d2", "ztp-off", "SN2", STATUS_ZTP_OFF)),
            iface("eth0", null, null, device("d3", "flag-unset", "SN3", "{\"is_aggregate_managed\": false}"))));

    assertNull(device(snapshot, "d1").ztpEnabled());
    assertEquals(Boolean.FALSE, device(snapshot, "d2").ztpEnabled());
    assertNull(device(snapshot, "d3").ztpEnabled(), "a status row without ztp_enabled leaves it unset");
  }

  @Test
  void ipParentIsNotUsed() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [{"id": "p1", "prefix": "10.0.0.0/24", "ip_version": 4, "rel_prefix_to_gateway": null}],
         "pool_ips": [{"address": "10.0.0.5", "ip_version": 4, "parent": {"id": "untagged-child"}, "interfaces": []},
                      {"address": "10.0.0.6", "ip_version": 4, "parent": null, "interfaces": []}]}
        """);

    assertEquals(List.of(Address.of("10.0.0.5"), Address.of("10.0.0.6")), snapshot.poolAddresses(),
        "placed by containment when resolving, whatever Nautobot's parent");
  }

  @Test
  void missingOrNullInterfacesReadAsNone() throws Exception {
    Snapshot snapshot = auto("""
        {"pool_ips": [{"address": "10.0.0.5", "ip_version": 4}],
         "reserved_ips": [{"address": "10.0.0.9", "ip_version": 4, "interfaces": null},
                          {"address": "10.0.0.10", "ip_version": 4}]}
        """);

    assertEquals(List.of(Address.of("10.0.0.5")), snapshot.poolAddresses());
    assertEquals(List.of(Address.of("10.0.0.9"), Address.of("10.0.0.10")), snapshot.reservedAddresses(),
        "kept without interfaces, so that resolving reports them");
  }

  @Test
  void malformedRowIsNamedByPath() {
    String data = """
        {"reserved_ips": [{"address": "10.0.0.9", "ip_version": 4, "interfaces": [%s]},
                          {"address": "10.0.0.10", "ip_version": 4, "interfaces": [%s]}]}
        """.formatted(
            iface("eth0", null, null, device("d1", "ok", "SN1", STATUS_ON)),
            iface("eth0", null, null, "{\"id\": \"d2\", \"name\": 42}"));

    SourceException e = assertThrows(SourceException.class, () -> auto(data));

    assertEquals("Nautobot response to auto_dhcp_subnets, data.reserved_ips[1].interfaces[0].device.name:"
        + " expected a non-empty string, found the number 42", e.getMessage());
    assertTrue(e.hint().contains("GraphQL"), e.hint());
  }

  @Test
  void missingRequiredFieldAndWrongTypesAreNamedByPath() {
    assertMalformed("{\"prefixes\": [{\"id\": \"p1\", \"ip_version\": 4}]}",
        "data.prefixes[0].prefix: expected a non-empty string, found nothing (the field is missing)");
    assertMalformed("{\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\"}]}",
        "data.prefixes[0].ip_version: expected an integer, found nothing (the field is missing)");
    assertMalformed("{\"prefixes\": {\"id\": \"p1\"}}",
        "data.prefixes: expected an array or null, found an object");
    assertMalformed("{\"pool_ips\": [\"10.0.0.5\"]}",
        "data.pool_ips[0]: expected an object, found the string \"10.0.0.5\"");
    assertMalformed("{\"reserved_ips\": [{\"address\": \"10.0.0.9\", \"ip_version\": \"4\"}]}",
        "data.reserved_ips[0].ip_version: expected an integer, found the string \"4\"");
    assertMalformed("{\"reserved_ips\": [{\"address\": \"10.0.0.9\", \"ip_version\": 4,"
            + " \"interfaces\": [{\"name\": \"eth0\", \"device\": null}]}]}",
        "data.reserved_ips[0].interfaces[0].device: expected an object, found null");
    assertMalformed("{\"reserved_ips\": [{\"address\": \"10.0.0.9\", \"ip_version\": 4, \"interfaces\": [%s]}]}"
            .formatted(iface("eth0", null, null, device("d1", "x", "SN1", "{\"ztp_enabled\": \"yes\"}"))),
        "data.reserved_ips[0].interfaces[0].device.configmanagerdevicestatus.ztp_enabled:"
            + " expected true, false or null, found the string \"yes\"");
    assertMalformed("{\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"ip_version\": 4,"
            + " \"rel_prefix_to_gateway\": [{\"address\": \"10.0.0.1/24\"}]}]}",
        "data.prefixes[0].rel_prefix_to_gateway: expected an object, found an array");
  }

  @Test
  void dataThatIsNotAnObjectIsNamed() {
    SourceException e = assertThrows(SourceException.class, () -> NautobotResponses.toSnapshot(SOURCE,
        NautobotDocuments.of(json("[]"), NO_CONTEXTS, NO_STATIC, NO_STATIC)));
    assertEquals("Nautobot response to auto_dhcp_subnets, data: expected an object, found an array",
        e.getMessage());
  }

  @Test
  void devicesAreCollectedOnceWithTheirConfigContext() throws Exception {
    JsonNode contexts = json("""
        {"config_manager_devices": [
          {"device": {"id": "d1", "config_context": {"dhcp": {"options": {"client_id_template": "00:{{ serial | hex }}"}}}}},
          {"device": {"id": "d1", "config_context": {"ignored": true}}},
          {"device": {"id": "d9", "config_context": {"ztp": {"ipv4": ["10.1.1.1"]}}}},
          {"device": {"id": "d3", "config_context": null}}]}
        """);
    JsonNode data = json("""
        {"pool_ips": [{"address": "10.0.0.5", "ip_version": 4, "interfaces": [%s]}],
         "reserved_ips": [{"address": "10.0.0.9", "ip_version": 4, "interfaces": [%s]},
                          {"address": "10.0.0.10", "ip_version": 4, "interfaces": [%s]},
                          {"address": "10.0.0.11", "ip_version": 4, "interfaces": [%s]}]}
        """.formatted(
            iface("swp1", null, "Uplink", device("d2", "uplink", "", STATUS_ON)),
            iface("eth0", "00:00:00:00:00:01", null, device("d1", "leaf1", "SN1", STATUS_ON)),
            iface("eth1", "00:00:00:00:00:02", null, device("d1", "leaf1", "SN1", STATUS_ON)),
            iface("eth0", "", null, device("d3", "leaf3", "SN3", STATUS_ON))));

    Snapshot snapshot = NautobotResponses.toSnapshot(SOURCE,
        NautobotDocuments.of(data, contexts, NO_STATIC, NO_STATIC));

    assertEquals(List.of("d2", "d1", "d3"), snapshot.devices().stream().map(Device::id).toList());
    assertEquals("{\"dhcp\":{\"options\":{\"client_id_template\":\"00:{{ serial | hex }}\"}}}",
        device(snapshot, "d1").configContext().toString());
    assertTrue(device(snapshot, "d2").configContext().isEmpty(), "no context row: empty context");
    assertTrue(device(snapshot, "d3").configContext().isEmpty(), "null context: empty context");
    assertNull(device(snapshot, "d2").serial(), "Nautobot's empty serial reads as unset");
    assertNull(snapshot.reservedAddresses().get(2).interfaces().get(0).macAddress(),
        "an empty MAC reads as unset");
  }

  @Test
  void interfacesOfTheOtherServersDevicesAreLeftOut() throws Exception {
    String data = """
        {"pool_ips": [{"address": "10.0.0.5", "ip_version": 4, "interfaces": [%1$s]}],
         "reserved_ips": [{"address": "10.0.0.9", "ip_version": 4, "interfaces": [%1$s]},
                          {"address": "10.0.0.10", "ip_version": 4, "interfaces": [%2$s]},
                          {"address": "10.0.0.11", "ip_version": 4, "interfaces": [%3$s]}]}
        """.formatted(
            iface("eth0", "00:00:00:00:00:01", null, device("agg", "aggregate", "SN1",
                "{\"ztp_enabled\": true, \"is_aggregate_managed\": true}")),
            iface("eth0", "00:00:00:00:00:02", null, device("reg", "regular", "SN2", STATUS_ON)),
            iface("eth0", "00:00:00:00:00:03", null, device("none", "no-status", "SN3", "null")));

    Snapshot regular = NautobotResponses.toSnapshot(SOURCE,
        NautobotDocuments.of(json(data), NO_CONTEXTS, NO_STATIC, NO_STATIC));
    Snapshot aggregate = NautobotResponses.toSnapshot(SOURCE,
        NautobotDocuments.of(json(data), NO_CONTEXTS, NO_STATIC, NO_STATIC), true);

    assertEquals(List.of(Address.of("10.0.0.5")), regular.poolAddresses(),
        "a pool address stays in the pool, without the other server's interface");
    assertEquals(List.of("10.0.0.10", "10.0.0.11"), addresses(regular.reservedAddresses()));
    assertEquals(List.of("reg", "none"), regular.devices().stream().map(Device::id).toList());
    assertEquals(List.of("10.0.0.9", "10.0.0.11"), addresses(aggregate.reservedAddresses()));
    assertEquals(List.of("agg", "none"), aggregate.devices().stream().map(Device::id).toList());
  }

  @Test
  void staticContextsBecomeFragmentsNamedByPosition() throws Exception {
    List<StaticFragment> fragments = NautobotResponses.staticFragments(json("""
        {"config_contexts": [
          {"data": {"Dhcp4": {"reservations": [{"hw-address": "c8:4b:d6:7a:e9:e2", "ip-address": "10.180.166.60"}],
                              "subnet4": [{"subnet": "10.180.166.0/26", "id": 1}]}}},
          {"name": "legacy-hosts", "data": {"Dhcp4": {}}}]}
        """));

    assertEquals(2, fragments.size());
    assertEquals("config_contexts[0]", fragments.get(0).name());
    assertEquals("{\"hw-address\":\"c8:4b:d6:7a:e9:e2\",\"ip-address\":\"10.180.166.60\"}",
        fragments.get(0).reservations().get(0).toString());
    assertEquals("{\"subnet\":\"10.180.166.0/26\",\"id\":1}", fragments.get(0).subnets().get(0).toString());
    assertEquals(new StaticFragment("legacy-hosts", List.of(), List.of()), fragments.get(1));
  }

  @Test
  void malformedStaticContextIsNamedByPath() {
    SourceException e = assertThrows(SourceException.class, () -> NautobotResponses.staticFragments(
        json("{\"config_contexts\": [{\"data\": {\"Dhcp4\": {\"reservations\": [[]]}}}]}")));
    assertEquals("Nautobot response to static_dhcp_data, data.config_contexts[0].data.Dhcp4.reservations[0]:"
        + " expected an object, found an array", e.getMessage());
    SourceException noDhcp4 = assertThrows(SourceException.class, () -> NautobotResponses.staticFragments(
        json("{\"config_contexts\": [{\"data\": {\"Dhcp6\": {}}}]}")));
    assertEquals("Nautobot response to static_dhcp_data, data.config_contexts[0].data.Dhcp4:"
        + " expected an object, found nothing (the field is missing)", noDhcp4.getMessage());
  }

  @Test
  void optionDefinitionsComeFromTheFirstSiteContextOnly() throws Exception {
    List<JsonObject> defs = NautobotResponses.optionDefinitions(json("""
        {"config_contexts": [
          {"data": {"Dhcp4": {"option-def": [{"name": "cumulus-provision-url", "code": 239, "type": "string"}]}}},
          {"data": {"Dhcp4": {"option-def": [{"name": "ignored", "code": 240, "type": "string"}]}}}]}
        """));

    assertEquals(List.of("{\"name\":\"cumulus-provision-url\",\"code\":239,\"type\":\"string\"}"),
        defs.stream().map(JsonObject::toString).toList());
    assertEquals(List.of(), NautobotResponses.optionDefinitions(NO_STATIC));
    assertEquals(List.of(), NautobotResponses.optionDefinitions(json("{\"config_contexts\": [{\"data\": {\"Dhcp4\": {}}}]}")),
        "a site context without option-def defines none");
  }

  @Test
  void malformedDeviceContextIsNamedByPath() {
    SourceException e = assertThrows(SourceException.class, () -> NautobotResponses.deviceContexts(
        json("{\"config_manager_devices\": [{\"device\": {\"id\": \"d1\", \"config_context\": \"{}\"}}]}")));
    assertEquals("Nautobot response to dhcp_contexts, data.config_manager_devices[0].device.config_context:"
        + " expected an object, found the string \"{}\"", e.getMessage());
  }

  @Test
  void deviceContextsAreKeyedByDeviceId() throws Exception {
    Map<String, JsonObject> contexts = NautobotResponses.deviceContexts(json("""
        {"config_manager_devices": [{"device": {"id": "d1", "config_context": {"ztp": {"ipv4": ["10.1.1.1"]}}}},
                                    {"device": {"id": "d2"}}]}
        """));
    assertEquals(List.of("d1", "d2"), List.copyOf(contexts.keySet()));
    assertEquals("[\"10.1.1.1\"]", contexts.get("d1").at("/ztp/ipv4").toString());
    assertTrue(contexts.get("d2").isEmpty());
  }

  // ---- keagen's own query shape (NautobotSource)

  @Test
  void keagenShapeMapsNamespaceLocationTenantSubnetIdAndGatewayAlias() throws Exception {
    Snapshot snapshot = auto("""
        {"prefixes": [
           {"id": "p1", "prefix": "10.10.0.0/24", "ip_version": 4, "namespace": {"name": "mgmt"},
            "locations": [{"name": "ams1"}], "tenant": {"name": "ops"},
            "gateway": {"address": "10.10.0.254/24"}, "subnet_id": 100},
           {"id": "p2", "prefix": "10.20.0.0/24", "ip_version": 4, "namespace": {"name": "Global"},
            "locations": [{"name": "ams1"}, {"name": "hall-a"}], "tenant": null, "gateway": null, "subnet_id": null}],
         "pool_ips": [{"id": "ip1", "address": "10.10.0.200/24", "ip_version": 4,
                       "parent": {"namespace": {"name": "mgmt"}}, "interfaces": []},
                      {"id": "ip2", "address": "10.20.0.100/24", "ip_version": 4,
                       "parent": {"namespace": {"name": "Global"}}, "interfaces": []}]}
        """);

    assertEquals(List.of(new Prefix("p1", "10.10.0.0/24", "mgmt", "ams1", "ops", "10.10.0.254", 100L),
        new Prefix("p2", "10.20.0.0/24", null, null, null, null, null)), snapshot.prefixes(),
        "namespace Global is the global table; a prefix with two locations has none");
    assertEquals(List.of(new Address("ip1", "10.10.0.200/24", "mgmt", List.of()),
        new Address("ip2", "10.20.0.100/24", null, List.of())), snapshot.poolAddresses(),
        "an address's VRF scope is its parent prefix's namespace; its id is Nautobot's");
  }

  @Test
  void keagenShapeDevicesCarryRoleLocationZtpCustomFieldAndInlineContext() throws Exception {
    Snapshot snapshot = auto("""
        {"reserved_ips": [
           {"address": "10.0.0.1/24", "ip_version": 4, "interfaces": [{"name": "eth0", "mac_address": "",
             "role": {"name": "management"},
             "device": {"id": "d1", "name": "leaf1", "serial": "SN1", "platform": null, "role": {"name": "leaf"},
                        "location": {"name": "ams1"}, "ztp_enabled": false,
                        "config_context": {"ztp": {"ipv4": ["10.0.0.5"]}}}}]},
           {"address": "10.0.0.2/24", "ip_version": 4, "interfaces": [{"name": "eth0", "mac_address": null,
             "role": null,
             "device": {"id": "d2", "name": "leaf2", "serial": "", "ztp_enabled": null, "config_context": null}}]}]}
        """);

    assertEquals(new Device("d1", "leaf1", "SN1", null, "leaf", "ams1", false,
        snapshot.devices().get(0).configContext()), snapshot.devices().get(0));
    assertEquals("[\"10.0.0.5\"]", snapshot.devices().get(0).configContext().at("/ztp/ipv4").toString());
    assertEquals(new Device("d2", "leaf2", null, null, null, null, null, JsonObject.empty()), snapshot.devices().get(1));
    assertEquals(InterfaceAttachment.of("eth0", "management", null, "d1"),
        snapshot.reservedAddresses().get(0).interfaces().get(0), "an empty MAC reads as none");
  }

  @Test
  void keagenShapeWrongTypesAreNamedByPath() {
    assertMalformed("{\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"ip_version\": 4,"
            + " \"subnet_id\": \"100\"}]}",
        "data.prefixes[0].subnet_id: expected an integer or null, found the string \"100\"");
    assertMalformed("{\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"ip_version\": 4,"
            + " \"gateway\": [{\"address\": \"10.0.0.1/24\"}]}]}",
        "data.prefixes[0].gateway: expected an object, found an array");
    assertMalformed("{\"reserved_ips\": [{\"address\": \"10.0.0.9\", \"ip_version\": 4, \"interfaces\": ["
            + "{\"name\": \"eth0\", \"device\": {\"id\": \"d1\", \"name\": \"x\", \"config_context\": \"{}\"}}]}]}",
        "data.reserved_ips[0].interfaces[0].device.config_context: expected an object, found the string \"{}\"");
  }

  // ---- helpers

  private static final String STATUS_ON = "{\"ztp_enabled\": true, \"is_aggregate_managed\": false}";
  private static final String STATUS_ZTP_OFF = "{\"ztp_enabled\": false, \"is_aggregate_managed\": false}";

  private static Snapshot auto(String data) throws SourceException {
    return NautobotResponses.toSnapshot(SOURCE, NautobotDocuments.of(json(data), NO_CONTEXTS, NO_STATIC, NO_STATIC));
  }

  private static void assertMalformed(String data, String pathAndProblem) {
    SourceException e = assertThrows(SourceException.class, () -> auto(data));
    assertEquals("Nautobot response to auto_dhcp_subnets, " + pathAndProblem, e.getMessage());
  }

  private static String iface(String name, String mac, String role, String device) {
    return """
        {"name": "%s", "mac_address": %s, "role": %s, "device": %s}
        """.formatted(name, mac == null ? "null" : "\"" + mac + "\"",
        role == null ? "null" : "{\"name\": \"" + role + "\"}", device);
  }

  private static String device(String id, String name, String serial, String status) {
    return """
        {"id": "%s", "name": "%s", "serial": "%s", "platform": {"name": "Cumulus Linux"},
         "status": {"name": "active"}, "configmanagerdevicestatus": %s}
        """.formatted(id, name, serial, status);
  }

  private static Device device(Snapshot snapshot, String id) {
    return snapshot.devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> addresses(List<Address> addresses) {
    return addresses.stream().map(Address::address).toList();
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test JSON: " + text, e);
    }
  }
}
