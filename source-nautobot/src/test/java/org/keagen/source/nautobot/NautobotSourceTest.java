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
    assertEquals(List.of(0, 1, 3, 5), poolOffsets,
        "7 pool addresses in pages of 2, each later page starting at the last row of the one before:"
            + " 0-1, 1-3, 3-5, 5-6");
    List<Integer> prefixOffsets = fake.calls().stream()
        .filter(c -> "keagen_dhcp_prefixes".equals(c.operationName())).map(FakeNautobot.Call::offset).toList();
    assertEquals(List.of(0, 1), prefixOffsets, "3 tagged prefixes: a full page, then a short one");
    assertTrue(fake.calls().stream().filter(c -> !"keagen_schema_fields".equals(c.operationName()))
        .allMatch(c -> c.variables().path("limit").asInt() == (c.offset() == 0 ? 2 : 3)),
        "the first page asks for 2 rows, the later ones for the row they repeat and 2 more");
    assertTrue(sinkLines.contains("progress pool addresses 7 done"), sinkLines::toString);
  }

  @Test
  void aFullLastPageIsFollowedByOneHoldingOnlyItsLastRow() throws Exception {
    fake = FakeNautobot.start("site");

    Snapshot snapshot = fetch(config().pageSize(7));

    assertEquals(7, snapshot.poolAddresses().size());
    assertEquals(List.of(0, 6), fake.calls().stream()
        .filter(c -> "dhcp-pool".equals(c.firstTag())).map(FakeNautobot.Call::offset).toList());
  }

  @Test
  void graphqlErrorsFailTheFetchWithTheQueryNameAndMessage() {
    fake = FakeNautobot.start("site");
    fake.failWith(c -> "dhcp-reserve".equals(c.firstTag()) && c.offset() == 3, "database is being migrated");

    SourceException e = failure(config().pageSize(2));

    assertEquals("Nautobot GraphQL query keagen_dhcp_addresses (offset 3) at " + fake.url()
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
  void aSlowAnswerIsRetried() throws Exception {
    fake = FakeNautobot.start("site");
    Snapshot clean = fetch(config()); // also builds the fake's GraphQL schema, which takes seconds
    int requests = fake.server().getRequestCount();
    fake.intercept(operation("keagen_dhcp_prefixes"), 1,
        r -> new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());

    Snapshot snapshot = fetch(config().readTimeout(Duration.ofSeconds(1)));

    assertEquals(clean, snapshot);
    assertEquals(requests + 1, fake.server().getRequestCount() - requests,
        "the same requests, and the prefixes request that timed out once more");
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
    assertEquals("Nautobot did not answer within 200 ms: check its load and log, or lower the page size so that"
        + " each page is quicker", e.hint());
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
  void aConnectionResetMidBodyIsRetried() throws Exception {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_prefixes"), 1, r -> resetMidBody());

    Snapshot snapshot = fetch(config());

    assertEquals(2, snapshot.prefixes().size());
    assertEquals(1 + 1 + 2 + 4, fake.server().getRequestCount(),
        "status, the schema fields, the cut prefixes request and its retry, the four other lists");
  }

  @Test
  void aConnectionResetMidBodyOnEveryAttemptFails() {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_addresses"), 100, r -> resetMidBody());

    SourceException e = failure(config().retries(2));

    assertTrue(e.getMessage().startsWith("cannot reach Nautobot at " + fake.url()
        + " (GraphQL query keagen_dhcp_addresses (offset 0)): "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(after 3 attempts)"), e.getMessage());
    assertEquals("check the URL and the network, and that Nautobot is running", e.hint());
  }

  /** A 200 whose body stops after its first bytes, the connection shut. */
  private static MockResponse resetMidBody() {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"data\": {\"prefixes\": [" + " ".repeat(100_000) + "]}}")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void a429WaitsAsLongAsRetryAfterSays() throws Exception {
    fake = FakeNautobot.start("site");
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    // an interceptor that answers nothing, only notes when each prefixes request arrives
    fake.intercept(r -> {
      if (operation("keagen_dhcp_prefixes").test(r)) {
        times.add(System.nanoTime());
      }
      return false;
    }, 1, r -> null);
    fake.intercept(operation("keagen_dhcp_prefixes"), 1,
        r -> new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("slow down").build());

    // the configured backoff is 1 ms: only Retry-After makes the retry wait a second
    Snapshot snapshot = fetch(config());

    assertEquals(2, snapshot.prefixes().size());
    assertEquals(2, times.size(), "the 429, then the answer");
    long waited = TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0));
    assertTrue(waited >= 1000, "retried after " + waited + " ms");
  }

  @Test
  void a429OnEveryAttemptFailsNamingTheQuery() {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_prefixes"), 100,
        r -> new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("slow down").build());

    SourceException e = failure(config().retries(2));

    assertEquals("Nautobot at " + fake.url() + " answered HTTP 429 to the GraphQL query keagen_dhcp_prefixes"
        + " (offset 0) (after 3 attempts): slow down", e.getMessage());
    assertTrue(e.hint().startsWith("Nautobot (or a proxy in front of it) kept refusing requests as too many"),
        e.hint());
  }

  @Test
  void aBurstOf5xxThatEndsGivesTheWholeSnapshot() throws Exception {
    fake = FakeNautobot.start("site");
    Snapshot clean = fetch(config().pageSize(3));
    int[] burst = {502, 503, 504};
    int[] answered = {0};
    fake.intercept(r -> operation("keagen_dhcp_addresses").test(r) && r.getBody().utf8().contains("\"offset\":2"),
        burst.length, r -> new MockResponse.Builder().code(burst[answered[0]++]).body("upstream failed").build());

    Snapshot snapshot = fetch(config().pageSize(3));

    assertEquals(3, answered[0], "the whole burst was served");
    assertEquals(clean, snapshot, "the second page of the pool addresses, retried, completes the snapshot");
  }

  /** The IP addresses of the data {@code editAfter} hands over, to change in place. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ipAddresses(Map<String, Object> data) {
    return (List<Map<String, Object>>) data.get("ip_addresses");
  }

  private static int indexOfAddress(List<Map<String, Object>> ips, String address) {
    for (int i = 0; i < ips.size(); i++) {
      if (address.equals(ips.get(i).get("address"))) {
        return i;
      }
    }
    throw new AssertionError("no address " + address);
  }

  private static Map<String, Object> poolAddress(String id, String address) {
    return Map.of("id", id, "address", address, "ip_version", 4,
        "parent", Map.of("namespace", Map.of("name", "Global")),
        "tags", List.of(Map.of("name", "dhcp-pool")), "interfaces", List.of());
  }

  /**
   * Fetches in pages of 3 while {@code edit} changes the IP addresses right after the first page of
   * the pool addresses, as someone editing Nautobot would: the fetch must fail naming the pool
   * addresses' second page, and the failure is returned for its details.
   */
  private SourceException failsWhenEditedAfterTheFirstPoolPage(
      java.util.function.Consumer<List<Map<String, Object>>> edit) {
    fake = FakeNautobot.start("site");
    fake.editAfter(c -> "dhcp-pool".equals(c.firstTag()) && c.offset() == 0, data -> edit.accept(ipAddresses(data)));

    SourceException e = failure(config().pageSize(3));

    assertTrue(e.getMessage().startsWith("Nautobot's pool addresses changed while keagen was reading them (GraphQL"
        + " query keagen_dhcp_addresses (offset 2) at " + fake.url() + "): "), e.getMessage());
    assertEquals("run again when no one is editing Nautobot; nothing was written", e.hint());
    return e;
  }

  private static final String SHIFTED = "the page does not start with the object with id"
      + " 1a000000-0000-4000-8000-000000000103 (10.20.0.102/24), the last one of the page before it (objects"
      + " before it were added or deleted between the two requests)";

  @Test
  void anObjectSkippedBetweenPagesIsAnError() {
    // 10.20.0.101 (read on the first page) deleted, one added at the end: the rows after it move one
    // place forward, so a page boundary would skip 10.20.0.103
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(ips -> {
      ips.remove(indexOfAddress(ips, "10.20.0.101/24"));
      ips.add(poolAddress("1a000000-0000-4000-8000-000000000301", "10.20.0.120/24"));
    });

    assertTrue(e.getMessage().endsWith(SHIFTED), e.getMessage());
  }

  @Test
  void anObjectRepeatedBetweenPagesIsAnError() {
    // one added before the pool addresses, the last one deleted: the rows move one place back, so a
    // page boundary would repeat 10.20.0.102
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(ips -> {
      ips.remove(indexOfAddress(ips, "10.10.0.201/24"));
      ips.add(0, poolAddress("1a000000-0000-4000-8000-000000000302", "10.20.0.99/24"));
    });

    assertTrue(e.getMessage().endsWith(SHIFTED), e.getMessage());
  }

  @Test
  void aRowOnTwoPagesIsAnError() {
    // the second page starts right, then holds 10.20.0.100 from the first page again
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(
        ips -> ips.set(indexOfAddress(ips, "10.20.0.110/24"), ips.get(indexOfAddress(ips, "10.20.0.100/24"))));

    assertTrue(e.getMessage().endsWith("): the object with id 1a000000-0000-4000-8000-000000000101 (10.20.0.100/24)"
        + " came twice"), e.getMessage());
  }

  @Test
  void serverTextEchoingTheTokenIsNotRepeated() {
    fake = FakeNautobot.start("site");
    fake.intercept(operation("keagen_dhcp_prefixes"), 1, r -> new MockResponse.Builder().code(500)
        .body("<pre>Authorization: Token " + FakeNautobot.TOKEN + "</pre>").build());
    SourceException body = failure(config());
    assertTrue(body.getMessage().endsWith("answered HTTP 500 to the GraphQL query keagen_dhcp_prefixes (offset 0):"
        + " <pre>Authorization: Token [redacted]</pre>"), body.getMessage());

    fake.failWith(c -> "keagen_dhcp_prefixes".equals(c.operationName()), "no access for " + FakeNautobot.TOKEN);
    SourceException graphql = failure(config());
    assertTrue(graphql.getMessage().contains("failed: no access for [redacted] (line 2, column 3)"),
        graphql.getMessage());
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
