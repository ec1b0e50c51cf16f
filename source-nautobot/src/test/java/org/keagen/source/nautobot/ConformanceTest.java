package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keagen.source.nautobot.KeaConfigComparison.COMPARED_KEYS;
import static org.keagen.source.nautobot.KeaConfigComparison.comparable;
import static org.keagen.source.nautobot.KeaConfigComparison.differences;
import static org.keagen.source.nautobot.KeaConfigComparison.lowerCaseHwAddresses;
import static org.keagen.source.nautobot.ReferenceFixtures.config;
import static org.keagen.source.nautobot.ReferenceFixtures.data;
import static org.keagen.source.nautobot.ReferenceFixtures.lines;
import static org.keagen.source.nautobot.ReferenceFixtures.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.diagnostic.Severity;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.snapshot.StaticFragment;
import org.keagen.source.SourceException;
import org.keagen.source.nautobot.ProcessedSubnets.Reservation;

/**
 * Holds keagen to the reference's (nv-config-manager's) own test data: the full fixture run must
 * equal {@code expected_dhcp4_config.json} after the reference test's normalisation, in the keys
 * the generator produces ({@link KeaConfigComparison#COMPARED_KEYS}), except for keagen's
 * deliberate deviations, each asserted exactly by its own test method here (see
 * docs/conformance.md). The error cases are in {@link ConformanceErrorCasesTest}.
 */
class ConformanceTest {

  /** Every field the MAC deviation changes, as the comparison reports it. */
  static final List<String> HW_ADDRESS_CASE_DIFFERENCES = List.of(
      "Dhcp4.reservations[ip-address=10.217.188.162].hw-address: expected \"50:00:E6:79:98:D1\", keagen \"50:00:e6:79:98:d1\"",
      "Dhcp4.reservations[ip-address=10.217.188.226].hw-address: expected \"50:00:E6:79:98:D0\", keagen \"50:00:e6:79:98:d0\"",
      "Dhcp4.reservations[ip-address=10.217.188.227].hw-address: expected \"64:33:AA:26:C4:BE\", keagen \"64:33:aa:26:c4:be\"",
      "Dhcp4.reservations[ip-address=10.91.50.201].hw-address: expected \"58:A2:E1:85:E3:A8\", keagen \"58:a2:e1:85:e3:a8\"",
      "Dhcp4.reservations[ip-address=192.0.2.130].hw-address: expected \"00:13:C6:0A:DD:3D\", keagen \"00:13:c6:0a:dd:3d\"");

  /** The keys of the expected file that keagen's server template supplies instead. */
  private static final Set<String> SERVER_LEVEL_KEYS = Set.of(
      "interfaces-config", "control-socket", "loggers", "hooks-libraries", "lease-database");

  private static final String SPINE1_CIN3 = "e768a90c-f868-4d92-9b4f-cefa57b15e91";

  // ---- the full fixture

  @Test
  void fixturesMapToTheRowsTheReferenceLoaderKeeps() {
    Snapshot snapshot = ReferenceFixtures.referenceSnapshot();

    assertEquals(14, snapshot.prefixes().size());
    assertEquals("10.91.50.193", prefix(snapshot, "10.91.50.128/25").gateway(), "relationship address without mask");
    assertEquals(9, snapshot.poolAddresses().size());
    // 20 rows: the second 10.91.50.201 row is a duplicate (first wins), 10.91.50.200's device is aggregate-managed
    assertEquals(18, snapshot.reservedAddresses().size());
    Address az51 = snapshot.reservedAddresses().stream()
        .filter(a -> a.address().equals("10.91.50.201")).findFirst().orElseThrow();
    assertEquals("73c1eddf-d443-4b29-8ca0-f43f1358f7d8", az51.interfaces().get(0).deviceId());
    assertFalse(snapshot.reservedAddresses().stream().anyMatch(a -> a.address().equals("10.91.50.200")));
    assertEquals(19, snapshot.devices().size());
    assertEquals(1, snapshot.optionDefinitions().size());
    assertEquals(1, snapshot.staticFragments().size());
    StaticFragment fragment = snapshot.staticFragments().get(0);
    assertEquals("config_contexts[0]", fragment.name());
    assertEquals(15, fragment.reservations().size());
    assertEquals(2, fragment.subnets().size());
  }

  @Test
  void keagenReproducesTheReferenceOutputUpToTheDocumentedDeviations() {
    Generation generation = run(ReferenceFixtures.referenceSnapshot());
    JsonNode actual = comparable(config(generation));
    JsonNode expected = comparable(applyDeviations(ReferenceFixtures.expectedConfig()));

    List<String> differences = differences(expected, actual);

    assertEquals(List.of(), differences, () -> "keagen differs from expected_dhcp4_config.json in:\n"
        + String.join("\n", differences));
    assertEquals(List.of(), generation.errors());
  }

  /** The expected file with every documented deviation applied to the field it concerns. */
  private static JsonNode applyDeviations(JsonNode expected) {
    return lowerCaseHwAddresses(expected);
  }

  // ---- deviations, one test each

  /** Deviation: hw-address is written in canonical lower case; the reference copies Nautobot's text. */
  @Test
  void hwAddressIsCanonicalLowerCase() {
    JsonNode actual = comparable(config(run(ReferenceFixtures.referenceSnapshot())));
    JsonNode expectedAsIs = comparable(ReferenceFixtures.expectedConfig());

    assertEquals(new TreeSet<>(HW_ADDRESS_CASE_DIFFERENCES), new TreeSet<>(differences(expectedAsIs, actual)));
  }

  /**
   * Deviation: the server-level keys come from keagen's server template, whatever the data; the
   * reference hard-codes them (and takes the hooks directory from the running Kea).
   */
  @Test
  void serverLevelSettingsComeFromKeagensTemplate() {
    Set<String> notCompared = new TreeSet<>(fieldNames(ReferenceFixtures.expectedConfig().get("Dhcp4")));
    notCompared.removeAll(COMPARED_KEYS);
    assertEquals(new TreeSet<>(SERVER_LEVEL_KEYS), notCompared);

    JsonNode fixtureRun = config(run(ReferenceFixtures.referenceSnapshot()));
    JsonNode emptyRun = config(Generator.run(Snapshot.empty(SourceInfo.of("nautobot")), GenerationOptions.defaults()));
    assertEquals(serverLevel(emptyRun), serverLevel(fixtureRun),
        "the keys outside the compared ones are the template's, identical for any data");
  }

  /**
   * Same behaviour, asserted: the static reservation of WIWYNN-QS1-NVLINK2 (client-id in upper case,
   * 172.16.2.102) has the identifier of the generated one (172.16.2.103) and is replaced, with a
   * warning.
   */
  @Test
  void upperCaseStaticClientIdOfWiwynnNvlink2IsReplacedWithAWarning() {
    Generation generation = run(ReferenceFixtures.referenceSnapshot());
    JsonNode reservations = config(generation).at("/Dhcp4/reservations");

    List<Diagnostic> replaced = withCode(generation, DiagnosticCode.STATIC_RESERVATION_REPLACED);
    assertEquals(1, replaced.size(), () -> lines(generation.diagnostics()));
    assertEquals(Severity.WARNING, replaced.get(0).severity());
    assertTrue(replaced.get(0).toLine().contains("WIWYNN-QS1-NVLINK2"), replaced.get(0).toLine());
    assertNull(reservation(reservations, "172.16.2.102"), "the static reservation is dropped");
    assertEquals("4e:56:4f:53:23:23:4e:35:31:31:30:5f:4c:44:23:23:41:31:4e:4a:34:32:43:30:30:31:39",
        reservation(reservations, "172.16.2.103").path("client-id").asText());
  }

  /**
   * Deviation: the ZTP server is a stable choice per device; the reference picks one at random for
   * each template it renders. SPINE1-GP1-CIN3 gets three servers here.
   */
  @Test
  void ztpServerChoiceIsStablePerDevice() {
    List<String> servers = List.of("10.48.135.100", "10.48.135.101", "10.48.135.102");
    Snapshot snapshot = withContext(ReferenceFixtures.referenceSnapshot(), SPINE1_CIN3, context -> {
      var ipv4 = ((ObjectNode) context.get("ztp")).putArray("ipv4");
      servers.forEach(ipv4::add);
      return context;
    });

    Generation first = run(snapshot);
    Generation second = run(snapshot);

    JsonNode reservations = config(first).at("/Dhcp4/reservations");
    assertEquals(first.configText(), second.configText(), "two runs over the same data give the same bytes");
    JsonNode options = reservation(reservations, "10.217.162.42").get("option-data");
    Set<String> used = new TreeSet<>();
    for (JsonNode option : options) {
      String data = option.get("data").asText();
      servers.stream().filter(s -> data.startsWith("http://" + s + "/")).forEach(used::add);
    }
    assertEquals(1, used.size(), () -> "boot-file-name and cumulus-provision-url use one server: " + options);
  }

  /** Deviation: the output does not depend on the order Nautobot returns rows in (R37). */
  @Test
  void outputIsIndependentOfSourceRowOrder() {
    Snapshot snapshot = ReferenceFixtures.referenceSnapshot();
    Snapshot reversed = new Snapshot(snapshot.source(), reversed(snapshot.prefixes()),
        reversed(snapshot.poolAddresses()), reversed(snapshot.reservedAddresses()),
        reversed(snapshot.devices()), snapshot.optionDefinitions(), snapshot.staticFragments());

    assertEquals(config(run(snapshot)), config(run(reversed)));
  }

  /**
   * Deviation: an id the previous config gave a CIDR that is now gone is not handed to a new CIDR in
   * the same run. The reference's legacy-preservation test gives 10.24.160.0/26 the freed id 3 of
   * 10.23.161.0/26. Its reservations lie outside their /26 prefixes (see
   * reservedAddressesOutsideEveryPrefixAreReported) and are left out here; they carry no ids.
   */
  @Test
  void freedSubnetIdIsNotHandedToADifferentCidrInTheSameRun() {
    Snapshot snapshot = additionalSubnets(false);

    JsonNode subnets = config(run(snapshot)).at("/Dhcp4/subnet4");

    assertEquals(1, subnet(subnets, "10.180.166.0/26").get("id").asLong());
    assertEquals(4, subnet(subnets, "10.91.36.0/25").get("id").asLong());
    assertEquals(2, subnet(subnets, "10.23.160.0/26").get("id").asLong());
    long newId = subnet(subnets, "10.24.160.0/26").get("id").asLong();
    assertNotEquals(3, newId, "the reference reuses 10.23.161.0/26's id 3");
    Set<Long> previousIds = Set.copyOf(ReferenceFixtures.options().subnetIds().asMap().values());
    assertFalse(previousIds.contains(newId), "id " + newId + " belonged to another CIDR in the previous config");
  }

  /** Deviation (R39 b): a /32 prefix without a gateway is an error; the reference routes to network+1. */
  @Test
  void slash32PrefixWithoutGatewayIsAnError() {
    Snapshot snapshot = new Snapshot(SourceInfo.of("nautobot"), List.of(Prefix.of("p32", "192.0.2.5/32", null)),
        List.of(), List.of(), List.of(), List.of(), List.of());

    Generation generation = run(snapshot);

    assertFalse(generation.ok());
    assertError(generation, DiagnosticCode.GATEWAY_NOT_DERIVABLE, "192.0.2.5/32");
  }

  /**
   * Deviation (R39 c): a pool address outside every prefix is reported. Input of the reference's
   * pool/reserve overlap test: 10.22.160.66 is not inside 10.22.160.0/26.
   */
  @Test
  void poolAddressOutsideEveryPrefixIsReported() {
    Snapshot snapshot = ProcessedSubnets.withContexts(mainContexts())
        .subnet("10.22.160.0/26", "10.22.160.2", List.of("10.22.160.66", "10.22.160.10"),
            new Reservation("10.22.160.66", "00:11:22:33:44:55", "SERIAL1", "device-1", "conflict-device",
                "eth0", "management"))
        .snapshot(mainOptionDefinitions(), mainStaticFragments());

    assertDiagnostic(run(snapshot), DiagnosticCode.POOL_OUTSIDE_SUBNET, "10.22.160.66");
  }

  /**
   * Deviation (R39 c): a reserved address outside every prefix is reported. Input of the reference's
   * additional-subnets tests: .66/.67 are not inside the /26 prefixes they are listed under.
   */
  @Test
  void reservedAddressesOutsideEveryPrefixAreReported() {
    Generation generation = run(additionalSubnets(true));

    assertDiagnostic(generation, DiagnosticCode.RESERVE_OUTSIDE_SUBNET, "10.23.160.66");
    assertDiagnostic(generation, DiagnosticCode.RESERVE_OUTSIDE_SUBNET, "10.23.160.67");
    assertDiagnostic(generation, DiagnosticCode.RESERVE_OUTSIDE_SUBNET, "10.24.160.66");
  }

  /** Deviation (R39 e): two static reservations of one address are reported; the reference keeps both. */
  @Test
  void duplicateStaticReservationAddressIsReported() {
    Snapshot snapshot = withExtraStatic(ReferenceFixtures.referenceSnapshot(), """
        {"hw-address": "02:00:00:00:00:01", "hostname": "duplicate-static", "ip-address": "10.180.166.60", "option-data": []}
        """);

    assertError(run(snapshot), DiagnosticCode.RESERVATION_DUPLICATE_ADDRESS, "10.180.166.60");
  }

  /**
   * Deviation (R39 f): a six-byte client-id is not the MAC with the same bytes. The reference
   * normalises both to one form and drops this static reservation as replaced by test-device-1's.
   */
  @Test
  void clientIdWithTheBytesOfAMacIsNotTakenForThatMac() {
    Snapshot snapshot = withExtraStatic(ReferenceFixtures.referenceSnapshot(), """
        {"client-id": "00:11:22:33:44:55", "hostname": "client-id-lookalike", "ip-address": "10.180.166.59", "option-data": []}
        """);

    Generation generation = run(snapshot);
    JsonNode reservations = config(generation).at("/Dhcp4/reservations");

    assertEquals("00:11:22:33:44:55", reservation(reservations, "10.180.166.59").path("client-id").asText());
    assertEquals("00:11:22:33:44:55", reservation(reservations, "10.23.160.66").path("hw-address").asText());
    assertFalse(withCode(generation, DiagnosticCode.STATIC_RESERVATION_REPLACED).stream()
        .anyMatch(d -> d.toLine().contains("client-id-lookalike") || d.toLine().contains("10.180.166.59")),
        () -> lines(generation.diagnostics()));
  }

  // ---- reference tests over small inputs that keagen reproduces

  /** The reference's gateway-fallback test: a prefix with a null gateway relationship routes to network+1. */
  @Test
  void nullGatewayRelationshipFallsBackToTheFirstUsableAddress() {
    JsonNode auto = ReferenceFixtures.parse("""
        {"prefixes": [{"id": "prefix-no-gateway", "prefix": "10.240.128.0/27", "ip_version": 4,
                       "rel_prefix_to_gateway": null}],
         "pool_ips": [], "reserved_ips": []}
        """);
    Snapshot snapshot = ReferenceFixtures.map(auto, data(ReferenceFixtures.CONTEXTS),
        data(ReferenceFixtures.STATIC_DATA), data(ReferenceFixtures.SITE_OPTIONS));

    JsonNode subnet = subnet(config(run(snapshot)).at("/Dhcp4/subnet4"), "10.240.128.0/27");

    assertEquals("10.240.128.1", option(subnet, "routers"));
  }

  /** The reference's empty-response test: no auto subnets leaves the static subnets only. */
  @Test
  void emptyAutoSubnetsLeaveTheStaticSubnets() {
    Snapshot snapshot = ReferenceFixtures.map(ReferenceFixtures.parse("{}"), data(ReferenceFixtures.CONTEXTS),
        data(ReferenceFixtures.STATIC_DATA), data(ReferenceFixtures.SITE_OPTIONS));

    JsonNode subnets = config(run(snapshot)).at("/Dhcp4/subnet4");

    Set<String> cidrs = new TreeSet<>();
    subnets.forEach(s -> cidrs.add(s.get("subnet").asText()));
    assertEquals(Set.of("10.180.166.0/26", "10.91.36.0/25"), cidrs);
  }

  // ---- inputs

  /**
   * The reference's additional-subnets input: 10.23.160.0/26 (pool .10-.12) and 10.24.160.0/26 (pool
   * .10-.11), with their reservations when {@code withReservations}.
   */
  private static Snapshot additionalSubnets(boolean withReservations) {
    Reservation[] first = withReservations ? new Reservation[] {
        Reservation.of("10.23.160.66", "00:11:22:33:44:55", "additional-device-1"),
        Reservation.of("10.23.160.67", "00:11:22:33:44:66", "additional-device-2")} : new Reservation[0];
    Reservation[] second = withReservations ? new Reservation[] {
        Reservation.of("10.24.160.66", "00:11:22:33:44:77", "additional-device-3")} : new Reservation[0];
    return ProcessedSubnets.withContexts(mainContexts())
        .subnet("10.23.160.0/26", "10.23.160.2", List.of("10.23.160.10", "10.23.160.11", "10.23.160.12"), first)
        .subnet("10.24.160.0/26", "10.24.160.2", List.of("10.24.160.10", "10.24.160.11"), second)
        .snapshot(mainOptionDefinitions(), mainStaticFragments());
  }

  private static Map<String, JsonObject> mainContexts() {
    try {
      return NautobotResponses.deviceContexts(data(ReferenceFixtures.CONTEXTS));
    } catch (SourceException e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonObject> mainOptionDefinitions() {
    return ReferenceFixtures.referenceSnapshot().optionDefinitions();
  }

  private static List<StaticFragment> mainStaticFragments() {
    return ReferenceFixtures.referenceSnapshot().staticFragments();
  }

  private static Snapshot withContext(Snapshot snapshot, String deviceId, UnaryOperator<ObjectNode> change) {
    List<Device> devices = snapshot.devices().stream().map(d -> !d.id().equals(deviceId) ? d
        : new Device(d.id(), d.name(), d.serial(), d.platform(), d.role(), d.location(), d.ztpEnabled(),
            JsonObject.of(change.apply(d.configContext().toNode())))).toList();
    return new Snapshot(snapshot.source(), snapshot.prefixes(), snapshot.poolAddresses(),
        snapshot.reservedAddresses(), devices, snapshot.optionDefinitions(), snapshot.staticFragments());
  }

  private static Snapshot withExtraStatic(Snapshot snapshot, String reservation) {
    List<StaticFragment> fragments = new ArrayList<>(snapshot.staticFragments());
    fragments.add(new StaticFragment("config_contexts[1]",
        List.of(JsonObject.of((ObjectNode) ReferenceFixtures.parse(reservation))), List.of()));
    return new Snapshot(snapshot.source(), snapshot.prefixes(), snapshot.poolAddresses(),
        snapshot.reservedAddresses(), snapshot.devices(), snapshot.optionDefinitions(), fragments);
  }

  // ---- lookups and assertions

  static List<Diagnostic> withCode(Generation generation, DiagnosticCode code) {
    return generation.diagnostics().stream().filter(d -> d.code() == code).toList();
  }

  /** The diagnostic with {@code code} whose line names all of {@code names}; fails listing what there is. */
  static Diagnostic assertDiagnostic(Generation generation, DiagnosticCode code, String... names) {
    List<Diagnostic> found = withCode(generation, code);
    assertFalse(found.isEmpty(), () -> "no " + code.id() + " diagnostic; there are:\n"
        + lines(generation.diagnostics()));
    return found.stream()
        .filter(d -> List.of(names).stream().allMatch(name -> d.toLine().contains(name)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code.id() + " diagnostic names all of "
            + List.of(names) + "; there are:\n" + lines(found)));
  }

  /** As {@link #assertDiagnostic}, and the diagnostic is an error, so no config is written. */
  static Diagnostic assertError(Generation generation, DiagnosticCode code, String... names) {
    Diagnostic diagnostic = assertDiagnostic(generation, code, names);
    assertEquals(Severity.ERROR, diagnostic.severity(), diagnostic.toLine());
    assertFalse(generation.ok(), "a run with errors writes no config");
    return diagnostic;
  }

  static JsonNode reservation(JsonNode reservations, String ip) {
    for (JsonNode r : reservations) {
      if (ip.equals(r.path("ip-address").asText())) {
        return r;
      }
    }
    return null;
  }

  static JsonNode subnet(JsonNode subnets, String cidr) {
    for (JsonNode s : subnets) {
      if (cidr.equals(s.path("subnet").asText())) {
        return s;
      }
    }
    throw new AssertionError("no subnet " + cidr + " in " + subnets);
  }

  static String option(JsonNode scope, String name) {
    for (JsonNode o : scope.path("option-data")) {
      if (name.equals(o.path("name").asText())) {
        return o.path("data").asText();
      }
    }
    return null;
  }

  private static Prefix prefix(Snapshot snapshot, String cidr) {
    return snapshot.prefixes().stream().filter(p -> p.prefix().equals(cidr)).findFirst().orElseThrow();
  }

  private static JsonNode serverLevel(JsonNode config) {
    ObjectNode copy = config.get("Dhcp4").deepCopy();
    copy.remove(COMPARED_KEYS);
    return copy;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
