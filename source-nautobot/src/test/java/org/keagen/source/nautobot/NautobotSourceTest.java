package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.StaticFragment;
import org.keagen.source.SourceException;
import org.keagen.source.nautobot.fake.FakeNautobot;

/**
 * The adapter against a fake Nautobot that executes the real query documents with graphql-java
 * against Nautobot's schema, over MockWebServer.
 */
class NautobotSourceTest {
  private final List<String> sinkLines = Collections.synchronizedList(new ArrayList<>());
  private final ProgressSink sink = new ProgressSink() {
    @Override
    public void progress(String stage, long done, boolean finished) {
      sinkLines.add("progress " + stage + " " + done + (finished ? " done" : ""));
    }

    @Override
    public void warning(String message) {
      sinkLines.add("warning " + message);
    }
  };
  private FakeNautobot fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
    String all = String.join("\n", sinkLines);
    assertFalse(all.contains(FakeNautobot.TOKEN), "the token never reaches the progress sink");
  }

  private NautobotSourceConfig.Builder config() {
    return NautobotSourceConfig.builder(fake.url(), () -> FakeNautobot.TOKEN)
        .retryBackoff(Duration.ofMillis(1))
        .readTimeout(Duration.ofSeconds(5))
        .progress(sink);
  }

  /** Requests running the GraphQL operation {@code name}. */
  private static java.util.function.Predicate<mockwebserver3.RecordedRequest> operation(String name) {
    return r -> r.getUrl().encodedPath().equals("/api/graphql/")
        && r.getBody().utf8().contains("\"operationName\":\"" + name + "\"");
  }

  private Snapshot fetch(NautobotSourceConfig.Builder builder) throws SourceException {
    return NautobotSource.of(builder.build()).fetch();
  }

  private SourceException failure(NautobotSourceConfig.Builder builder) {
    SourceException e = assertThrows(SourceException.class, () -> fetch(builder));
    assertFalse(e.getMessage().contains(FakeNautobot.TOKEN), "the token is never in a message");
    assertFalse(e.hint().contains(FakeNautobot.TOKEN), "the token is never in a hint");
    return e;
  }

  @Test
  void readsTheSiteThroughTheRealQueryDocuments() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config());

    assertEquals("nautobot", snapshot.source().kind());
    assertEquals(fake.url(), snapshot.source().url());
    assertEquals("3.2.7", snapshot.source().version());
    assertEquals(List.of(
        new Prefix("0b7a6a4e-0000-4000-8000-000000000001", "10.10.0.0/24", "mgmt", "ams1", "ops", "10.10.0.254", 100L),
        new Prefix("0b7a6a4e-0000-4000-8000-000000000002", "10.20.0.0/24", null, "hall-a", null, null, null)),
        snapshot.prefixes(), "IPv4 prefixes tagged dhcp-subnet; namespace Global is the global table");
    assertEquals(List.of("10.20.0.100/24", "10.20.0.101/24", "10.20.0.102/24", "10.20.0.103/24",
        "10.20.0.110/24", "10.10.0.200/24", "10.10.0.201/24"),
        snapshot.poolAddresses().stream().map(Address::address).toList());
    Address leaf01 = snapshot.reservedAddresses().get(0);
    assertEquals(new Address("1a000000-0000-4000-8000-000000000011", "10.10.0.11/24", "mgmt",
        List.of(InterfaceAttachment.of("eth0", null, "0C:42:A1:00:00:01", "d0000000-0000-4000-8000-000000000001"))),
        leaf01);
    assertEquals(4, snapshot.reservedAddresses().size());
    Device device = snapshot.devices().get(0);
    assertEquals("leaf01", device.name());
    assertEquals("MT2415XZ04QY", device.serial());
    assertEquals("Cumulus Linux", device.platform());
    assertEquals("leaf", device.role());
    assertEquals("ams1", device.location());
    assertEquals(Boolean.TRUE, device.ztpEnabled());
    assertEquals("00:{{ serial | hex }}",
        device.configContext().at("/dhcp/options/client_id_template").asText());
    assertEquals(Boolean.FALSE, snapshot.devices().get(2).ztpEnabled(), "leaf03: cf_ztp_enabled false");
    assertNull(snapshot.devices().get(3).ztpEnabled(), "server01: custom field unset");
    assertNull(snapshot.reservedAddresses().get(1).interfaces().get(0).macAddress(),
        "leaf02's empty MAC reads as none");
    assertEquals(1, snapshot.optionDefinitions().size(), "only the active option-def context");
    assertEquals("cumulus-provision-url", snapshot.optionDefinitions().get(0).at("/name").asText());
    assertEquals(List.of("legacy-hosts"), snapshot.staticFragments().stream().map(StaticFragment::name).toList());
  }

  @Test
  void theSiteGeneratesAConfig() throws Exception {
    fake = FakeNautobot.start("site");

    Generation generation = Generator.run(fetch(config()), GenerationOptions.defaults());

    assertNotNull(generation.configText(), () -> generation.diagnostics().toString());
    assertTrue(generation.configText().contains("\"client-id\": \"00:4d:54:32:34:31:35:58:5a:30:34:51:5a\""),
        "leaf02 has no MAC: its client id comes from its serial through the context's template");
    assertTrue(generation.configText().contains("http://10.10.0.50/ztp/d0000000-0000-4000-8000-000000000001"),
        "option templates see the Nautobot device id");
    assertTrue(generation.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.RESERVE_ZTP_DISABLED),
        "leaf03 has ztp_enabled false");
  }

  @Test
  void pagesUntilAShortPage() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().pageSize(2));

    assertEquals(7, snapshot.poolAddresses().size());
    List<Integer> poolOffsets = fake.calls().stream()
        .filter(c -> "keagen_dhcp_addresses".equals(c.operationName()) && "dhcp-pool".equals(c.firstTag()))
        .map(FakeNautobot.Call::offset).toList();
    assertEquals(List.of(0, 2, 4, 6), poolOffsets, "7 pool addresses in pages of 2: the 4th page is short");
    List<Integer> prefixOffsets = fake.calls().stream()
        .filter(c -> "keagen_dhcp_prefixes".equals(c.operationName())).map(FakeNautobot.Call::offset).toList();
    assertEquals(List.of(0, 2), prefixOffsets, "3 tagged prefixes: a full page, then a short one");
    assertTrue(fake.calls().stream().filter(c -> !"keagen_schema_fields".equals(c.operationName()))
        .allMatch(c -> c.variables().path("limit").asInt() == 2));
    assertTrue(sinkLines.contains("progress pool addresses 7 done"), sinkLines::toString);
  }

  @Test
  void aFullLastPageIsFollowedByAnEmptyOne() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().pageSize(7));

    assertEquals(7, snapshot.poolAddresses().size());
    assertEquals(List.of(0, 7), fake.calls().stream()
        .filter(c -> "dhcp-pool".equals(c.firstTag())).map(FakeNautobot.Call::offset).toList());
  }

  @Test
  void graphqlErrorsFailTheFetchWithTheQueryNameAndMessage() {
    fake = FakeNautobot.start("site");
    fake.failWith(c -> "dhcp-reserve".equals(c.firstTag()) && c.offset() == 2, "database is being migrated");

    SourceException e = failure(config().pageSize(2));

    assertEquals("Nautobot GraphQL query keagen_dhcp_addresses (offset 2) at " + fake.url()
        + " failed: database is being migrated (line 2, column 3)", e.getMessage());
    assertEquals("check the Nautobot server's log", e.hint());
  }

  @Test
  void errorsBesideDataStillFail() {
    fake = FakeNautobot.start("site");
    fake.failWith(c -> "keagen_dhcp_prefixes".equals(c.operationName()), "permission denied for one row");

    SourceException e = failure(config());

    assertTrue(e.getMessage().startsWith("Nautobot GraphQL query keagen_dhcp_prefixes (offset 0)"), e.getMessage());
    assertTrue(e.getMessage().contains("permission denied for one row"), e.getMessage());
    assertEquals(List.of("keagen_schema_fields", "keagen_dhcp_prefixes"),
        fake.calls().stream().map(FakeNautobot.Call::operationName).toList(), "nothing is fetched after the failure");
  }

  @Test
  void aPrefixWithoutGatewayRelationshipGetsTheFirstUsableAddress() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config());
    Generation generation = Generator.run(snapshot, GenerationOptions.defaults());

    assertNull(snapshot.prefixes().get(1).gateway(), "10.20.0.0/24 has no prefix_to_gateway association");
    assertNotNull(generation.configText(), () -> generation.diagnostics().toString());
    assertTrue(generation.configText().contains("\"data\": \"10.20.0.1\""), "routers = network + 1");
    assertTrue(generation.configText().contains("\"data\": \"10.10.0.254\""), "routers = the related address");
  }

  @Test
  void aRelationshipMissingFromNautobotIsAnErrorWithAHint() {
    fake = FakeNautobot.start("site");

    SourceException e = failure(config().gatewayRelationship("prefix_to_router"));

    assertEquals("Nautobot at " + fake.url() + " has no relationship 'prefix_to_router' on prefixes"
        + " (GraphQL field rel_prefix_to_router)", e.getMessage());
    assertTrue(e.hint().contains("--gateway-relationship"), e.hint());
    assertEquals(List.of("keagen_schema_fields"), fake.calls().stream().map(FakeNautobot.Call::operationName).toList());
  }

  @Test
  void aCustomFieldMissingFromNautobotReadsAsUnsetWithAWarning() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().ztpField("provisioning").subnetIdField("dhcp_id"));

    assertTrue(snapshot.devices().stream().allMatch(d -> d.ztpEnabled() == null));
    assertTrue(snapshot.prefixes().stream().allMatch(p -> p.subnetId() == null));
    assertTrue(sinkLines.contains("warning Nautobot at " + fake.url() + " has no device custom field 'provisioning':"
        + " devices get no ZTP flag (set --ztp-field to the field's key, or to none to silence this)"), sinkLines::toString);
    assertTrue(sinkLines.stream().anyMatch(l -> l.contains("no prefix custom field 'dhcp_id'")), sinkLines::toString);
    assertTrue(fake.calls().stream().noneMatch(c -> c.query().contains("cf_provisioning") || c.query().contains("cf_dhcp_id")));
  }

  @Test
  void aFieldAnOlderNautobotLacksIsReportedWithTheVersionHint() {
    fake = FakeNautobot.start("site");
    fake.failWith(c -> "keagen_dhcp_prefixes".equals(c.operationName()),
        "Cannot query field 'locations' on type 'PrefixType'. Did you mean 'location'?");

    SourceException e = failure(config());

    assertTrue(e.getMessage().contains("keagen_dhcp_prefixes (offset 0)"), e.getMessage());
    assertTrue(e.hint().contains("Nautobot is 2.3 or later"), e.hint());
  }

  @Test
  void withoutRelationshipOrCustomFieldsTheQueriesDoNotAskForThem() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().gatewayRelationship(null).ztpField(null).subnetIdField(null));

    assertTrue(snapshot.prefixes().stream().allMatch(p -> p.gateway() == null && p.subnetId() == null));
    assertTrue(snapshot.devices().stream().allMatch(d -> d.ztpEnabled() == null));
    assertTrue(fake.calls().stream().filter(c -> !"keagen_schema_fields".equals(c.operationName()))
        .noneMatch(c -> c.query().contains("rel_") || c.query().contains("cf_")));
  }

  @Test
  void anIpOnTwoInterfacesIsTheMultipleInterfacesError() throws Exception {
    Map<String, Object> data = FakeNautobot.read("site");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ips = (List<Map<String, Object>>) data.get("ip_addresses");
    @SuppressWarnings("unchecked")
    List<Object> interfaces = (List<Object>) ips.get(3).get("interfaces");
    @SuppressWarnings("unchecked")
    Map<String, Object> second = new java.util.LinkedHashMap<>((Map<String, Object>) interfaces.get(0));
    second.put("name", "eno1");
    second.put("mac_address", "b8:2a:72:00:01:01");
    ips.get(3).put("interfaces", List.of(interfaces.get(0), second));
    fake = FakeNautobot.start(data);

    Snapshot snapshot = fetch(config());
    Generation generation = Generator.run(snapshot, GenerationOptions.defaults());

    Address address = snapshot.reservedAddresses().get(3);
    assertEquals("10.20.0.10/24", address.address());
    assertEquals(List.of("bmc", "eno1"), address.interfaces().stream().map(InterfaceAttachment::name).toList());
    assertNull(generation.configText(), "an error: nothing is written");
    assertTrue(generation.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.RESERVE_MULTIPLE_INTERFACES
        && d.toString().contains("10.20.0.10")), () -> generation.diagnostics().toString());
  }

  @Test
  void anUnknownTagIsReported() {
    fake = FakeNautobot.start("site");

    SourceException e = failure(config().poolTag("dhcp-dynamic"));

    assertTrue(e.getMessage().contains("keagen_dhcp_addresses (offset 0)"), e.getMessage());
    assertTrue(e.getMessage().contains("dhcp-dynamic is not one of the available choices"), e.getMessage());
    assertTrue(e.hint().contains("tags"), e.hint());
  }

  @Test
  void aRejectedTokenIsReportedWithoutTheToken() {
    fake = FakeNautobot.start("site");

    SourceException e = assertThrows(SourceException.class, () -> NautobotSource.of(
        config().token(() -> "ffffffffffffffffffffffffffffffffffffffff").build()).fetch());

    assertEquals("Nautobot at " + fake.url() + " answered HTTP 403 to the status request: Invalid token",
        e.getMessage());
    assertFalse(e.getMessage().contains("ffffffff"));
    assertTrue(e.hint().contains("NAUTOBOT_TOKEN"), e.hint());
    assertEquals(0, fake.calls().size(), "no query is sent with a rejected token");
  }

  @Test
  void aMissingTokenIsAUsageError() {
    fake = FakeNautobot.start("site");

    SourceException e = failure(config().token(() -> "  \n"));

    assertEquals("no Nautobot API token", e.getMessage());
    assertEquals(0, fake.server().getRequestCount());
  }

  @Test
  void theTokenIsSentAsTokenAuthorization() throws Exception {
    fake = FakeNautobot.start("site");

    fetch(config().token(() -> FakeNautobot.TOKEN + "\n"));

    assertEquals("Token " + FakeNautobot.TOKEN, fake.server().takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void unavailableAnswersAreRetriedThenSucceed() throws Exception {
    fake = FakeNautobot.start("site");
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 2,
        r -> new MockResponse.Builder().code(503).body("busy").build());
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 1,
        r -> new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("slow down").build());

    Snapshot snapshot = fetch(config());

    assertEquals(2, snapshot.prefixes().size());
  }

  @Test
  void retriesAreBounded() {
    fake = FakeNautobot.start("site");
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 100,
        r -> new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

    SourceException e = failure(config().retries(2));

    assertEquals("Nautobot at " + fake.url() + " answered HTTP 502 to the GraphQL query keagen_schema_fields"
        + " (after 3 attempts): <html>Bad Gateway</html>", e.getMessage());
    assertEquals(4, fake.server().getRequestCount(), "the status request and three attempts");
  }

  @Test
  void aServerErrorIsNotRetried() {
    fake = FakeNautobot.start("site");
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 100,
        r -> new MockResponse.Builder().code(500).body("Server Error (500)").build());

    SourceException e = failure(config());

    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertEquals(2, fake.server().getRequestCount());
  }

  @Test
  void aSlowServerTimesOutAfterBoundedRetries() {
    fake = FakeNautobot.start("site");
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 100,
        r -> new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());

    SourceException e = failure(config().readTimeout(Duration.ofMillis(200)).retries(1));

    assertTrue(e.getMessage().startsWith("cannot reach Nautobot at " + fake.url()
        + " (GraphQL query keagen_schema_fields): timed out"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(after 2 attempts)"), e.getMessage());
  }

  @Test
  void aCutConnectionIsRetried() throws Exception {
    fake = FakeNautobot.start("site");
    fake.intercept(r -> r.getUrl().encodedPath().equals("/api/graphql/"), 1,
        r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    Snapshot snapshot = fetch(config());

    assertEquals(2, snapshot.prefixes().size());
    assertEquals(1 + 1 + 1 + 5, fake.server().getRequestCount(),
        "status, the cut attempt, the schema fields, then the five lists");
  }

  @Test
  void aTruncatedResponseFails() {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_prefixes"), 1,
        r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"data\": {\"prefixes\": [{\"id\": ").build());

    SourceException e = failure(config());

    assertTrue(e.getMessage().contains("keagen_dhcp_prefixes (offset 0) at " + fake.url()
        + ": the response is not a JSON object"), e.getMessage());
  }

  @Test
  void anHtmlPageInsteadOfJsonIsReported() {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_prefixes"), 1,
        r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
            .body("<html><title>Login</title></html>").build());

    SourceException e = failure(config());

    assertTrue(e.getMessage().contains("the response is not a JSON object: <html><title>Login</title></html>"),
        e.getMessage());
  }

  @Test
  void aServerIgnoringTheLimitIsAnError() {
    fake = FakeNautobot.start("site");
    String threeRows = "{\"data\": {\"prefixes\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]}}";
    fake.intercept(operation("keagen_dhcp_prefixes"), 1,
        r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(threeRows).build());

    SourceException e = failure(config().pageSize(2));

    assertTrue(e.getMessage().contains("returned 3 DHCP prefixes for a page of 2"), e.getMessage());
  }

  @Test
  void urlSuffixesAreTolerated() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().url(fake.url() + "/api/graphql/"));

    assertEquals(fake.url(), snapshot.source().url());
  }

  @Test
  void credentialsInTheUrlAreRefused() {
    fake = FakeNautobot.start("site");

    SourceException e = failure(config().url("http://admin:secret@127.0.0.1:1/"));

    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertEquals(0, fake.server().getRequestCount());
  }

  @Test
  void noVisiblePrefixIsAWarning() throws Exception {
    fake = FakeNautobot.start(Map.of("known_tags", List.of("dhcp-subnet", "dhcp-pool", "dhcp-reserve"),
        "known_schemas", List.of("nv-config-manager-site-dhcp-option-def", "nv-config-manager-kea-static-data")));

    Snapshot snapshot = fetch(config());

    assertEquals(Snapshot.empty(snapshot.source()), snapshot);
    assertTrue(sinkLines.contains("warning Nautobot at " + fake.url()
        + " shows this token no prefix tagged 'dhcp-subnet'"), sinkLines::toString);
  }
}
