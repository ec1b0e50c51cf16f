package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.keagen.source.nautobot.ConformanceTest.assertError;
import static org.keagen.source.nautobot.ConformanceTest.option;
import static org.keagen.source.nautobot.ConformanceTest.reservation;
import static org.keagen.source.nautobot.ConformanceTest.withCode;
import static org.keagen.source.nautobot.ReferenceFixtures.AUTO_SUBNETS_ERRORS;
import static org.keagen.source.nautobot.ReferenceFixtures.CONTEXTS;
import static org.keagen.source.nautobot.ReferenceFixtures.CONTEXTS_ERRORS;
import static org.keagen.source.nautobot.ReferenceFixtures.SITE_OPTIONS;
import static org.keagen.source.nautobot.ReferenceFixtures.STATIC_DATA;
import static org.keagen.source.nautobot.ReferenceFixtures.config;
import static org.keagen.source.nautobot.ReferenceFixtures.data;
import static org.keagen.source.nautobot.ReferenceFixtures.lines;
import static org.keagen.source.nautobot.ReferenceFixtures.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.pipeline.Generation;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Snapshot;
import org.keagen.source.SourceException;
import org.keagen.source.nautobot.ProcessedSubnets.Reservation;

/**
 * The reference's error cases (BEHAVIOUR.md section 12), with inputs built the way its tests build
 * them. {@code auto_dhcp_subnets_errors.json} gives the prefix 192.168.1.0/24 and, as is, three
 * reserved addresses: two devices with different {@code ntp-servers} and one with neither MAC nor
 * serial; the reference's conflict tests replace its {@code reserved_ips}. {@code
 * dhcp_contexts_errors.json} holds one device context per case. Cases whose reference test hands
 * processed records to the generator are built as the equivalent snapshot ({@link
 * ProcessedSubnets}). In all of them, as in the reference's mock, {@code static_data.json} answers
 * the static data query and the site option-def query (so there are no option definitions), and
 * the expected file gives the previous subnet ids.
 */
class ConformanceErrorCasesTest {

  // ---- auto_dhcp_subnets_errors.json as it is

  /** Two devices feeding 192.168.1.0/24 set ntp-servers differently (10.0.0.1 and 10.0.0.2). */
  @Test
  void subnetOptionConflictBetweenTwoDevices() {
    Generation generation = run(errorFixture(data(AUTO_SUBNETS_ERRORS)));

    assertError(generation, DiagnosticCode.SUBNET_OPTION_CONFLICT,
        "192.168.1.0/24", "ntp-servers", "10.0.0.1", "10.0.0.2");
  }

  /** 192.168.1.11's interface has no MAC and its device no serial (the reference's "no MAC address or serial"). */
  @Test
  void reservationWithNeitherMacNorSerialHasNoIdentifier() {
    Generation generation = run(errorFixture(data(AUTO_SUBNETS_ERRORS)));

    assertError(generation, DiagnosticCode.RESERVE_NO_IDENTIFIER, "error-device-no-serial");
  }

  // ---- auto_dhcp_subnets_errors.json with reserved_ips replaced, as the reference's conflict tests do

  /** Reference: conflicting_subnet_options. One device, two interfaces, roles giving ntp-servers 10.0.0.1 and 10.0.0.99. */
  @Test
  void subnetOptionConflictBetweenTwoInterfacesOfOneDevice() {
    Generation generation = run(errorFixture(withReservedIps(
        reservedRow("192.168.1.20", "eth0", "00:00:00:00:00:10", "management",
            "device-conflicting-options", "conflicting-device", "CONF001"),
        reservedRow("192.168.1.21", "eth1", "00:00:00:00:00:11", "uplink",
            "device-conflicting-options", "conflicting-device", "CONF001"))));

    assertError(generation, DiagnosticCode.SUBNET_OPTION_CONFLICT,
        "192.168.1.0/24", "ntp-servers", "10.0.0.1", "10.0.0.99");
  }

  /** Reference: conflicting_subnet_config. Roles giving reservations-global true and false to one subnet. */
  @Test
  void subnetConfigConflictBetweenTwoInterfacesOfOneDevice() {
    Generation generation = run(errorFixture(withReservedIps(
        reservedRow("192.168.1.20", "eth0", "00:00:00:00:00:10", "management",
            "device-conflicting-config", "conflicting-device", "CONF002"),
        reservedRow("192.168.1.21", "eth1", "00:00:00:00:00:11", "uplink",
            "device-conflicting-config", "conflicting-device", "CONF002"))));

    assertError(generation, DiagnosticCode.SUBNET_CONFIG_CONFLICT,
        "192.168.1.0/24", "reservations-global", "true", "false");
  }

  /**
   * Deviation (reference: conflicting_reservation_options). The role "management" gives
   * boot-file-name http://server1/boot, the interface name "eth0" gives http://server2/boot. The
   * reference fails with "Conflicting values for option 'boot-file-name'"; keagen lets the more
   * specific interface_names win, as the reference's documentation states.
   */
  @Test
  void interfaceNamesOverrideInterfaceRolesForTheSameKey() throws SourceException {
    JsonObject context = NautobotResponses.deviceContexts(data(CONTEXTS_ERRORS))
        .get("device-conflicting-reservation-options");
    assertEquals("http://server1/boot",
        context.at("/dhcp/options/interface_roles/management/reservation_options/boot-file-name").asText());
    assertEquals("http://server2/boot",
        context.at("/dhcp/options/interface_names/eth0/reservation_options/boot-file-name").asText());

    Generation generation = run(errorFixture(withReservedIps(
        reservedRow("192.168.1.20", "eth0", "00:00:00:00:00:10", "management",
            "device-conflicting-reservation-options", "conflicting-device", "CONF003"))));

    JsonNode reserved = reservation(config(generation).at("/Dhcp4/reservations"), "192.168.1.20");
    assertEquals("http://server2/boot", option(reserved, "boot-file-name"));
    assertEquals(List.of(), generation.errors(), () -> lines(generation.diagnostics()));
  }

  // ---- processed records, as the reference's error tests build them

  /** Reference: override_subnet. subnet_config sets "subnet", a key keagen sets itself. */
  @Test
  void subnetKeyInSubnetConfigIsRejected() {
    Snapshot snapshot = ProcessedSubnets.withContexts(errorContexts())
        .subnet("192.168.2.0/24", "192.168.2.1", List.of(),
            new Reservation("192.168.2.10", "00:00:00:00:00:20", null, "device-override-subnet",
                "override-device", "eth0", "management"))
        .snapshot(List.of(), staticFragments());

    assertError(run(snapshot), DiagnosticCode.SUBNET_CONFIG_RESERVED_KEY, "override-device", "subnet");
  }

  /** Reference: malformed_template. client_id_template "{{ invalid syntax }}" for a device without MAC. */
  @Test
  void malformedClientIdTemplateIsATemplateError() {
    Snapshot snapshot = ProcessedSubnets.withContexts(errorContexts())
        .subnet("192.168.3.0/24", "192.168.3.1", List.of(),
            new Reservation("192.168.3.10", null, "MALFORMED001", "device-malformed-template",
                "malformed-device", "eth0", "management"))
        .snapshot(List.of(), staticFragments());

    assertError(run(snapshot), DiagnosticCode.TEMPLATE_ERROR, "malformed-device", "client_id_template");
  }

  /** Reference: override_router. subnet_options sets routers, which is the prefix's gateway. */
  @Test
  void routersInSubnetOptionsIsRejected() {
    Snapshot snapshot = ProcessedSubnets.withContexts(errorContexts())
        .subnet("192.168.4.0/24", "192.168.4.1", List.of(),
            new Reservation("192.168.4.10", "00:00:00:00:00:40", null, "device-override-router",
                "router-override-device", "eth0", "management"))
        .snapshot(List.of(), staticFragments());

    assertError(run(snapshot), DiagnosticCode.ROUTERS_OVERRIDE, "router-override-device", "routers");
  }

  /**
   * Reference: no_ztp. The device context (given inline by the reference's test; the same as the
   * fixture's device-no-ztp) uses {{ ztp_server }} but has no ztp section.
   */
  @Test
  void ztpServerPlaceholderWithoutZtpServersIsAnError() {
    JsonObject context = JsonObject.of((ObjectNode) ReferenceFixtures.parse("""
        {"dhcp": {"options": {"interface_names": {"eth0": {"reservation_options": {
            "boot-file-name": "http://{{ ztp_server }}/boot"}}}}}}
        """));
    assertEquals(errorContexts().get("device-no-ztp"), context);
    Snapshot snapshot = ProcessedSubnets.withContexts(Map.of("device-no-ztp-test", context))
        .subnet("192.168.5.0/24", "192.168.5.1", List.of(),
            new Reservation("192.168.5.10", "00:00:00:00:00:50", null, "device-no-ztp-test",
                "no-ztp-device", "eth0", "management"))
        .snapshot(List.of(), staticFragments());

    assertError(run(snapshot), DiagnosticCode.NO_ZTP_SERVER, "no-ztp-device");
  }

  /**
   * Reference: duplicate_client_id (its mock otherwise serves the main fixtures). One device's MAC
   * on two reserved addresses. The reference places .66 and .67 in 10.22.160.0/26 by their parent id
   * although they lie outside it; keagen places addresses by containment, so the prefix here is the
   * /26 that holds them.
   */
  @Test
  void sameMacOnTwoReservedAddressesIsADuplicateIdentifier() throws SourceException {
    Snapshot snapshot = ProcessedSubnets.withContexts(NautobotResponses.deviceContexts(data(CONTEXTS)))
        .subnet("10.22.160.64/26", "10.22.160.65", List.of(),
            new Reservation("10.22.160.66", "00:11:22:33:44:55", "DUP001", "device-dup", "dup-device",
                "eth0", "management"),
            new Reservation("10.22.160.67", "00:11:22:33:44:55", "DUP001", "device-dup", "dup-device",
                "eth1", "uplink"))
        .snapshot(NautobotResponses.optionDefinitions(data(SITE_OPTIONS)), staticFragments());

    assertError(run(snapshot), DiagnosticCode.DUPLICATE_IDENTIFIER, "00:11:22:33:44:55", "10.22.160.66",
        "10.22.160.67");
  }

  // ---- inputs

  /** The snapshot the reference's error-case mock gives: error contexts, static data for both static queries. */
  private static Snapshot errorFixture(JsonNode autoSubnets) {
    Snapshot snapshot = ReferenceFixtures.map(autoSubnets, data(CONTEXTS_ERRORS), data(STATIC_DATA), data(STATIC_DATA));
    assertFalse(snapshot.prefixes().isEmpty());
    assertEquals(List.of(), snapshot.optionDefinitions());
    return snapshot;
  }

  private static JsonNode withReservedIps(String... rows) {
    ObjectNode data = (ObjectNode) data(AUTO_SUBNETS_ERRORS);
    data.set("reserved_ips", ReferenceFixtures.parse("[" + String.join(",", rows) + "]"));
    return data;
  }

  private static String reservedRow(String address, String ifName, String mac, String role,
      String deviceId, String deviceName, String serial) {
    return """
        {"address": "%s", "ip_version": 4, "parent": {"id": "prefix-error-1"},
         "interfaces": [{"name": "%s", "mac_address": "%s", "role": {"name": "%s"},
                         "device": {"id": "%s", "name": "%s", "serial": "%s", "platform": {"name": "Cumulus Linux"},
                                    "status": {"name": "active"},
                                    "configmanagerdevicestatus": {"ztp_enabled": true, "is_aggregate_managed": false}}}]}
        """.formatted(address, ifName, mac, role, deviceId, deviceName, serial);
  }

  private static Map<String, JsonObject> errorContexts() {
    try {
      return NautobotResponses.deviceContexts(data(CONTEXTS_ERRORS));
    } catch (SourceException e) {
      throw new AssertionError(e);
    }
  }

  private static List<org.keagen.snapshot.StaticFragment> staticFragments() {
    try {
      return NautobotResponses.staticFragments(data(STATIC_DATA));
    } catch (SourceException e) {
      throw new AssertionError(e);
    }
  }
}
