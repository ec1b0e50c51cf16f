package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.snapshot.SourceInfo;
import org.keagen.source.SourceException;

/**
 * The adapter against MockWebServer serving recorded NetBox 4.7 and 4.2-shaped objects: mapping,
 * request economy, paging, retries and every failure mode. Each test also checks that the token
 * appears in no output: snapshot, exception message and hint, progress, warnings, debug lines.
 */
class NetboxSourceTest {
  static final String V2_TOKEN = "nbt_Ab12Cd34Ef56.S3cretPartOfTheTokenThatMustNeverLeak0123";
  static final String V2_SECRET = "S3cretPartOfTheTokenThatMustNeverLeak0123";
  static final String V1_TOKEN = "0123456789abcdef0123456789abcdef01234567";

  private MockWebServer server;
  private RecordingSink sink;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    sink = new RecordingSink();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FakeNetbox serve(String version, String token) throws IOException {
    FakeNetbox fake = new FakeNetbox(FakeNetbox.recorded(version),
        (token.startsWith("nbt_") ? "Bearer " : "Token ") + token);
    server.setDispatcher(fake);
    return fake;
  }

  private NetboxSourceConfig.Builder config(String token) {
    return NetboxSourceConfig.builder(server.url("/").toString(), () -> token)
        .progress(sink).retryBackoff(Duration.ofMillis(1));
  }

  /** The snapshot as recorded, with the mock server's URL replaced by a fixed one. */
  static String normalized(Snapshot snapshot, String url) {
    SourceInfo fixed = new SourceInfo(snapshot.source().kind(), url, snapshot.source().version());
    return SnapshotJson.write(new Snapshot(fixed, snapshot.prefixes(), snapshot.poolAddresses(),
        snapshot.reservedAddresses(), snapshot.devices(), snapshot.optionDefinitions(), snapshot.staticFragments()));
  }

  private void assertNoToken(String token, Object... outputs) {
    List<String> texts = new ArrayList<>();
    texts.add(sink.all());
    for (Object output : outputs) {
      if (output instanceof Snapshot s) {
        texts.add(SnapshotJson.write(s));
      } else if (output instanceof SourceException e) {
        texts.add(e.getMessage());
        texts.add(e.hint());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
          texts.add(String.valueOf(t.getMessage()));
        }
      } else {
        texts.add(String.valueOf(output));
      }
    }
    String secret = token.startsWith("nbt_") ? token.substring(token.indexOf('.') + 1) : token;
    for (String text : texts) {
      assertFalse(text.contains(token), "the token appears in: " + text);
      assertFalse(text.contains(secret), "the token's secret appears in: " + text);
    }
  }

  @Test
  void netbox47RecordedObjectsBecomeTheExpectedSnapshot() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    NetboxSource source = NetboxSource.of(config(V2_TOKEN).build());
    Snapshot snapshot = source.fetch();

    Golden.assertMatches("netbox/expected/snapshot-4.7.json", normalized(snapshot, "https://netbox.example.net"));
    assertEquals("4.7.3", snapshot.source().version());
    Prefix mgmt = snapshot.prefixes().get(0);
    assertEquals("10.10.0.0/24", mgmt.prefix());
    assertEquals("mgmt", mgmt.vrf());
    assertEquals("ams1", mgmt.location());
    assertEquals("ops", mgmt.tenant());
    assertEquals("10.10.0.254", mgmt.gateway(), "from the IP-address object custom field, without mask");
    assertEquals(100L, mgmt.subnetId());
    Address leaf01 = snapshot.reservedAddresses().get(0);
    assertEquals("0C:42:A1:00:00:01", leaf01.interfaces().get(0).macAddress(), "from primary_mac_address");
    Device spine = snapshot.devices().stream().filter(d -> d.name().equals("spine01")).findFirst().orElseThrow();
    assertEquals("SPN-0001", spine.serial());
    assertEquals("SONiC", spine.platform());
    assertEquals("spine", spine.role());
    assertTrue(snapshot.devices().stream().noneMatch(d -> d.name().equals("server03")));

    // one status request, three tagged lists, one interface batch, one device batch
    assertEquals(6, fake.requests.size(), () -> fake.requests.toString());
    for (RecordedRequest r : fake.requests) {
      if (!r.getUrl().encodedPath().equals("/api/status/")) {
        assertTrue(r.getUrl().queryParameter("fields") != null, "asks only for the fields it uses: " + r.getUrl());
      }
      assertEquals("Bearer " + V2_TOKEN, r.getHeaders().get("Authorization"), "v2 tokens go as Bearer");
    }
    // six reserved addresses and one pool address sit on seven distinct interfaces, asked for at once
    assertEquals(7, fake.requestsTo("/api/dcim/interfaces/").get(0).getUrl().queryParameterValues("id").size());
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void netbox42ShapedObjectsMapWithTheirOwnVariants() throws Exception {
    FakeNetbox fake = serve("4.2", V1_TOKEN);
    Snapshot snapshot = NetboxSource.of(config(V1_TOKEN).build()).fetch();

    Golden.assertMatches("netbox/expected/snapshot-4.2.json", normalized(snapshot, "https://netbox42.example.net"));
    assertEquals("Token " + V1_TOKEN, fake.requests.get(0).getHeaders().get("Authorization"), "v1 tokens go as Token");
    Prefix lab = snapshot.prefixes().get(0);
    assertEquals("192.168.10.254", lab.gateway(), "a text custom field, mask dropped");
    assertEquals(42L, lab.subnetId(), "a text custom field holding digits");
    assertEquals("rack-row-1", lab.location(), "scope is a location");
    assertNull(snapshot.prefixes().get(1).gateway(), "an empty text gateway means none");
    assertEquals("oob", snapshot.reservedAddresses().get(0).interfaces().get(0).role(), "interface role custom field");
    assertNull(snapshot.reservedAddresses().get(1).interfaces().get(0).macAddress(), "no MAC on the interface");
    Device sw2 = snapshot.devices().stream().filter(d -> d.name().equals("sw2")).findFirst().orElseThrow();
    assertNull(sw2.serial(), "an empty serial is no serial");
    assertNull(sw2.ztpEnabled());
    assertEquals(Boolean.FALSE, snapshot.devices().get(2).ztpEnabled());
    Address onVm = snapshot.poolAddresses().stream().filter(a -> a.address().startsWith("192.168.10.102"))
        .findFirst().orElseThrow();
    assertTrue(onVm.interfaces().isEmpty(), "a pool address on a VM interface carries no interface");
    Address reservedOnVm = snapshot.reservedAddresses().stream().filter(a -> a.address().startsWith("192.168.10.30/"))
        .findFirst().orElseThrow();
    assertTrue(reservedOnVm.interfaces().isEmpty());
    assertEquals(1, sink.warnings.size(), sink.warnings::toString);
    assertTrue(sink.warnings.get(0).contains("reserved address 192.168.10.30/24 (id 109)")
        && sink.warnings.get(0).contains("virtualization.vminterface"), sink.warnings::toString);
    assertEquals(2, snapshot.prefixes().size(), "the tagged IPv6 prefix is not read (family=4)");
    assertTrue(snapshot.reservedAddresses().stream().noneMatch(a -> a.address().contains(":")));
    assertEquals(3, fake.requests.stream().filter(r -> "4".equals(r.getUrl().queryParameter("family"))).count());
    assertNoToken(V1_TOKEN, snapshot);
  }

  @Test
  void pagesAcrossSeveralRequestsWhenTheServerCapsThePageSize() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.maxPageSize = 5; // the adapter asks for 1000 and must follow what the server allows
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();

    assertEquals(43, snapshot.poolAddresses().size());
    List<RecordedRequest> pool = fake.requests.stream()
        .filter(r -> "dhcp-pool".equals(r.getUrl().queryParameter("tag"))).toList();
    assertEquals(11, pool.size(), "43 objects in pages of 5, each page after the first repeating one object");
    List<Integer> offsets = pool.stream().map(r -> Integer.parseInt(r.getUrl().queryParameter("offset"))).sorted().toList();
    assertEquals(List.of(0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40), offsets);
    assertEquals(normalized(reference(), "x"), normalized(snapshot, "x"), "paging changes nothing");
    assertTrue(sink.progress.contains("pool addresses 43/43"), sink.progress::toString);
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void pagesCompletingOutOfOrderAreReassembledInOrder() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.maxPageSize = 4;
    List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
    fake.hook = r -> {
      String offset = r.getUrl().queryParameter("offset");
      if ("dhcp-pool".equals(r.getUrl().queryParameter("tag")) && offset != null && !offset.equals("0")) {
        try {
          Thread.sleep(Math.max(0, 400 - 8L * Integer.parseInt(offset))); // later pages answer first
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        completed.add(Integer.parseInt(offset));
      }
      return null;
    };
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).parallelism(16).build()).fetch();

    List<Integer> sorted = new ArrayList<>(completed);
    Collections.sort(sorted);
    assertNotEquals(sorted, completed, "the pages did complete out of order");
    assertEquals(normalized(reference(), "x"), normalized(snapshot, "x"));
    List<String> pool = snapshot.poolAddresses().stream().map(Address::id).toList();
    List<String> byId = pool.stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
    assertEquals(byId, pool);
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void a429IsRetriedAfterTheServersDelayAndThenSucceeds() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    AtomicInteger throttled = new AtomicInteger();
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/ipam/prefixes/") && throttled.getAndIncrement() < 2
        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
            .body("{\"detail\":\"Request was throttled.\"}").build()
        : null;
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();

    assertEquals(3, snapshot.prefixes().size());
    assertEquals(3, fake.requestsTo("/api/ipam/prefixes/").size(), "two 429s, then the page");
    assertTrue(sink.debug.stream().anyMatch(l -> l.contains("-> 429")), sink.debug::toString);
    assertTrue(sink.debug.stream().anyMatch(l -> l.contains("(attempt 3)")), sink.debug::toString);
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void a500IsRetriedUntilTheRetriesAreExhausted() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/ipam/prefixes/")
        ? FakeNetbox.json(500, "{\"error\":\"boom " + V2_TOKEN + "\"}") : null;
    SourceException e = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).retries(2).build()).fetch());

    assertEquals(3, fake.requestsTo("/api/ipam/prefixes/").size(), "the first attempt and two retries");
    assertTrue(e.getMessage().contains(server.url("/api/ipam/prefixes/").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("failed 3 times"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void truncatedJsonIsAnErrorNamingTheUrl() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> "dhcp-reserve".equals(r.getUrl().queryParameter("tag"))
        ? FakeNetbox.json(200, "{\"count\": 6, \"next\": null, \"results\": [{\"id\": 2, \"addr") : null;
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());

    assertTrue(e.getMessage().contains("invalid or truncated JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("tag=dhcp-reserve"), e.getMessage());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void aConnectionCutMidBodyIsRetried() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    AtomicInteger cuts = new AtomicInteger();
    fake.hook = r -> "dhcp-pool".equals(r.getUrl().queryParameter("tag")) && cuts.getAndIncrement() == 0
        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"count\": 43, \"results\": [" + " ".repeat(100_000) + "]}")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
        : null;
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();

    assertEquals(43, snapshot.poolAddresses().size());
    assertEquals(2, fake.requests.stream().filter(r -> "dhcp-pool".equals(r.getUrl().queryParameter("tag"))).count());
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void a401NamesTheUrlAndStatusAndIsNotRetried() throws Exception {
    FakeNetbox fake = serve("4.7", "nbt_OtherKey0000.theServerExpectsAnotherToken");
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());

    assertEquals(1, fake.requests.size());
    assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    assertTrue(e.getMessage().contains(server.url("/api/status/").toString()), e.getMessage());
    assertTrue(e.hint().contains("NETBOX_TOKEN"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void a403And404SayWhatToCheck() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/dcim/devices/")
        ? FakeNetbox.json(403, "{\"detail\":\"You do not have permission to perform this action.\"}") : null;
    SourceException forbidden = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());
    assertTrue(forbidden.getMessage().contains("HTTP 403"), forbidden.getMessage());
    assertTrue(forbidden.getMessage().contains("/api/dcim/devices/"), forbidden.getMessage());
    assertTrue(forbidden.hint().contains("dcim.device"), forbidden.hint());

    fake.hook = r -> FakeNetbox.json(404, "{\"detail\":\"Not found.\"}");
    SourceException missing = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());
    assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
    assertTrue(missing.hint().contains("--url"), missing.hint());
    assertNoToken(V2_TOKEN, forbidden, missing);
  }

  @Test
  void anUnknownTagSlugIsReportedWithNetboxsOwnReason() throws Exception {
    serve("4.7", V2_TOKEN);
    SourceException e = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).subnetTag("kea-subnet").build()).fetch());
    assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
    assertTrue(e.getMessage().contains("kea-subnet is not one of the available choices"), e.getMessage());
    assertTrue(e.hint().contains("tag slugs"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void versionsOutsideTheSupportedRangeAreNamed() throws Exception {
    ObjectNode data = (ObjectNode) FakeNetbox.recorded("4.7");
    ((ObjectNode) data.get("status")).put("netbox-version", "4.1.11");
    server.setDispatcher(new FakeNetbox(data, "Bearer " + V2_TOKEN));
    SourceException old = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());
    assertTrue(old.getMessage().contains("NetBox 4.1.11"), old.getMessage());
    assertTrue(old.getMessage().contains("NetBox 4.2 to 4.7"), old.getMessage());

    ((ObjectNode) data.get("status")).put("netbox-version", "4.8.0");
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();
    assertEquals("4.8.0", snapshot.source().version());
    assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("4.8.0") && w.contains("NetBox 4.2 to 4.7")),
        sink.warnings::toString);
    assertNoToken(V2_TOKEN, old, snapshot);
  }

  @Test
  void dataChangingBetweenPagesIsAnErrorNotAMixedSnapshot() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.maxPageSize = 10;
    fake.hook = r -> {
      if ("dhcp-pool".equals(r.getUrl().queryParameter("tag")) && "36".equals(r.getUrl().queryParameter("offset"))) {
        return FakeNetbox.json(200, "{\"count\": 44, \"next\": null, \"previous\": null,"
            + " \"results\": [{\"id\": 9001, \"address\": \"10.20.0.99/24\"}]}");
      }
      return null;
    };
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());
    assertTrue(e.getMessage().contains("changed while keagen was reading"), e.getMessage());
    assertTrue(e.getMessage().contains("from 43 to 44"), e.getMessage());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void badCustomFieldValuesNameTheObjectAndField() throws Exception {
    ObjectNode data = (ObjectNode) FakeNetbox.recorded("4.7");
    ObjectNode prefix = (ObjectNode) data.get("prefixes").get(1);
    ((ObjectNode) prefix.get("custom_fields")).put("kea_subnet_id", "one hundred");
    server.setDispatcher(new FakeNetbox(data, "Bearer " + V2_TOKEN));
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());
    assertTrue(e.getMessage().contains("prefix " + prefix.get("prefix").asText()), e.getMessage());
    assertTrue(e.getMessage().contains("kea_subnet_id"), e.getMessage());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void interfaceAndDeviceLookupsAreBatchedWithinTheUrlLimit() throws Exception {
    // 1500 reserved addresses, each on its own interface of its own device, with long ids
    ObjectNode data = (ObjectNode) FakeNetbox.recorded("4.7");
    ArrayNode ips = data.putArray("ip-addresses");
    ArrayNode interfaces = data.putArray("interfaces");
    ArrayNode devices = data.putArray("devices");
    JsonNode template = FakeNetbox.recorded("4.7").get("devices").get(0);
    for (int i = 0; i < 1500; i++) {
      long ifId = 10_000_000L + i;
      long devId = 20_000_000L + i;
      ObjectNode ip = ips.addObject();
      ip.put("id", 1 + i).put("address", "10.20." + (i / 250) + "." + (i % 250 + 1) + "/16")
          .put("assigned_object_type", "dcim.interface").put("assigned_object_id", ifId);
      ip.putObject("family").put("value", 4);
      ip.putArray("tags").addObject().put("slug", "dhcp-reserve");
      ObjectNode iface = interfaces.addObject();
      iface.put("id", ifId).put("name", "eth0");
      iface.putObject("device").put("id", devId).put("name", "d" + i);
      ObjectNode device = template.deepCopy();
      device.put("id", devId).put("name", "d" + i);
      devices.add(device);
    }
    ObjectNode poolIp = ips.addObject().put("id", 99_999).put("address", "10.20.9.9/16");
    poolIp.putObject("family").put("value", 4);
    poolIp.putArray("tags").addObject().put("slug", "dhcp-pool");
    FakeNetbox fake = new FakeNetbox(data, "Bearer " + V2_TOKEN);
    server.setDispatcher(fake);
    NetboxSource source = NetboxSource.of(config(V2_TOKEN).build());
    Snapshot snapshot = source.fetch();

    assertEquals(1500, snapshot.reservedAddresses().size());
    assertEquals(1500, snapshot.devices().size());
    List<RecordedRequest> ifRequests = fake.requestsTo("/api/dcim/interfaces/");
    List<RecordedRequest> devRequests = fake.requestsTo("/api/dcim/devices/");
    assertTrue(ifRequests.size() > 1 && ifRequests.size() <= 10, "batches, not one request each: " + ifRequests.size());
    assertTrue(devRequests.size() > 1 && devRequests.size() <= 10, "batches, not one request each: " + devRequests.size());
    for (RecordedRequest r : concat(ifRequests, devRequests)) {
      assertTrue(r.getUrl().toString().length() <= NetboxSource.MAX_URL_LENGTH, r.getUrl().toString().length() + "");
    }
    assertEquals(fake.requests.size(), source.lastStats().requests(), "stats count every request");
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void slowAnswersHitTheReadTimeoutAndAreRetried() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    AtomicInteger slow = new AtomicInteger();
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/status/") && slow.getAndIncrement() == 0
        ? new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build() : null;
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).readTimeout(Duration.ofMillis(300)).build()).fetch();
    assertEquals(3, snapshot.prefixes().size());
    assertEquals(2, fake.requestsTo("/api/status/").size());
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void aServerThatIsNotThereIsAClearErrorAfterTheRetries() throws Exception {
    String url = server.url("/").toString();
    server.close();
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(
        NetboxSourceConfig.builder(url, () -> V2_TOKEN).progress(sink).retries(1)
            .retryBackoff(Duration.ofMillis(1)).build()).fetch());
    assertTrue(e.getMessage().contains("failed 2 times"), e.getMessage());
    assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    assertTrue(e.hint().contains("running"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  // Fault injection (issue #9): each failure names the request and what to do, returns no snapshot
  // and never shows the token.

  @Test
  void aServerSlowerThanTheReadTimeoutOnEveryAttemptFails() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/ipam/prefixes/")
        ? new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build() : null;
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(
        config(V2_TOKEN).readTimeout(Duration.ofMillis(300)).retries(1).build()).fetch());

    assertEquals(2, fake.requestsTo("/api/ipam/prefixes/").size(), "the first attempt and one retry");
    assertTrue(e.getMessage().startsWith("NetBox request " + server.url("/api/ipam/prefixes/")), e.getMessage());
    assertTrue(e.getMessage().contains("tag=dhcp-subnet") && e.getMessage().contains("failed 2 times; last: timed out"),
        e.getMessage());
    assertTrue(e.hint().startsWith("NetBox did not answer within 300 ms: check its load and logs"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void aConnectionResetMidBodyOnEveryAttemptFails() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> "dhcp-pool".equals(r.getUrl().queryParameter("tag"))
        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"count\": 43, \"results\": [" + " ".repeat(100_000) + "]}")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
        : null;
    SourceException e = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).retries(2).build()).fetch());

    assertEquals(3, fake.requests.stream().filter(r -> "dhcp-pool".equals(r.getUrl().queryParameter("tag"))).count());
    assertTrue(e.getMessage().startsWith("NetBox request " + server.url("/api/ipam/ip-addresses/")), e.getMessage());
    assertTrue(e.getMessage().contains("tag=dhcp-pool") && e.getMessage().contains("failed 3 times; last: connection"),
        e.getMessage());
    assertEquals("check that NetBox is running and reachable at " + server.url("/"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void a429WaitsAsLongAsRetryAfterSays() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    List<Long> statusTimes = Collections.synchronizedList(new ArrayList<>());
    fake.hook = r -> {
      if (!r.getUrl().encodedPath().equals("/api/status/")) {
        return null;
      }
      statusTimes.add(System.nanoTime());
      return statusTimes.size() == 1 ? new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
          .body("{\"detail\":\"Request was throttled. Expected available in 1 second.\"}").build() : null;
    };
    // the configured backoff is 1 ms: only Retry-After makes the retry wait a second
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();

    assertEquals(3, snapshot.prefixes().size());
    assertEquals(2, statusTimes.size());
    long waited = TimeUnit.NANOSECONDS.toMillis(statusTimes.get(1) - statusTimes.get(0));
    assertTrue(waited >= 1000, "retried after " + waited + " ms");
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void a429OnEveryAttemptFailsNamingTheRequest() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/ipam/prefixes/")
        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
            .body("{\"detail\":\"Request was throttled for " + V2_TOKEN + ".\"}").build()
        : null;
    SourceException e = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(V2_TOKEN).retries(2).build()).fetch());

    assertEquals(3, fake.requestsTo("/api/ipam/prefixes/").size());
    assertTrue(e.getMessage().startsWith("NetBox request " + server.url("/api/ipam/prefixes/")), e.getMessage());
    assertTrue(e.getMessage().endsWith("failed 3 times; last: HTTP 429 Client Error"), e.getMessage());
    assertTrue(e.hint().startsWith("NetBox is overloaded or failing; try again later"), e.hint());
    assertNoToken(V2_TOKEN, e);
  }

  @Test
  void aBurstOf5xxThatEndsGivesTheWholeSnapshot() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    AtomicInteger answered = new AtomicInteger();
    int[] burst = {502, 503, 504, 500};
    fake.hook = r -> {
      if (!r.getUrl().encodedPath().equals("/api/dcim/interfaces/")) {
        return null;
      }
      int n = answered.getAndIncrement();
      return n < burst.length ? FakeNetbox.json(burst[n], "{\"detail\":\"upstream failed\"}") : null;
    };
    Snapshot snapshot = NetboxSource.of(config(V2_TOKEN).build()).fetch();

    assertEquals(5, fake.requestsTo("/api/dcim/interfaces/").size(), "four failures, then the page");
    assertEquals(normalized(reference(), "x"), normalized(snapshot, "x"));
    assertNoToken(V2_TOKEN, snapshot);
  }

  @Test
  void serverTextEchoingTheTokenIsNotRepeated() throws Exception {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.hook = r -> r.getUrl().encodedPath().equals("/api/ipam/prefixes/")
        ? FakeNetbox.json(400, "{\"detail\":\"bad filter from Bearer " + V2_TOKEN + ", secret " + V2_SECRET + "\"}")
        : null;
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());

    assertTrue(e.getMessage().endsWith(": bad filter from Bearer [redacted], secret [redacted]"), e.getMessage());
    assertNoToken(V2_TOKEN, e);
  }

  /**
   * Fetches in pages of 10, the first page of the pool addresses from the recorded NetBox and every
   * later page from the same NetBox after {@code edit} changed its IP addresses, as if someone
   * edited it in between: the fetch must fail naming the pool addresses' request, and the failure
   * is returned for its details.
   */
  private SourceException failsWhenEditedAfterTheFirstPoolPage(java.util.function.Consumer<ArrayNode> edit)
      throws IOException {
    FakeNetbox fake = serve("4.7", V2_TOKEN);
    fake.maxPageSize = 10;
    ObjectNode data = (ObjectNode) FakeNetbox.recorded("4.7");
    edit.accept((ArrayNode) data.get("ip-addresses"));
    FakeNetbox edited = new FakeNetbox(data, "Bearer " + V2_TOKEN);
    edited.maxPageSize = fake.maxPageSize;
    fake.hook = r -> {
      if (!"dhcp-pool".equals(r.getUrl().queryParameter("tag")) || "0".equals(r.getUrl().queryParameter("offset"))) {
        return null;
      }
      try {
        return edited.dispatch(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(V2_TOKEN).build()).fetch());

    assertTrue(e.getMessage().startsWith("NetBox's pool addresses changed while keagen was reading them ("
        + server.url("/api/ipam/ip-addresses/")), e.getMessage());
    assertTrue(e.getMessage().contains("tag=dhcp-pool"), e.getMessage());
    assertEquals("run again when no one is editing NetBox; nothing was written", e.hint());
    assertNoToken(V2_TOKEN, e);
    return e;
  }

  private static ObjectNode poolAddress(long id, String address) {
    ObjectNode ip = JsonNodeFactory.instance.objectNode().put("id", id).put("address", address);
    ip.putObject("family").put("value", 4);
    ip.putArray("tags").addObject().put("slug", "dhcp-pool");
    return ip;
  }

  private static int indexOfId(ArrayNode objects, long id) {
    for (int i = 0; i < objects.size(); i++) {
      if (objects.get(i).get("id").asLong() == id) {
        return i;
      }
    }
    throw new AssertionError("no object " + id);
  }

  private static final String SHIFTED = "the page at offset 9 does not start with object 49, the last one of the page"
      + " before it (objects before it were added or deleted between the two requests)";

  @Test
  void anObjectSkippedBetweenPagesIsAnError() throws Exception {
    // pool address 41 (on the first page) deleted, one added at the end: the count stays 43, and
    // the objects after 41 move one place forward, so a page boundary would skip one of them
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(ips -> {
      ips.remove(indexOfId(ips, 41));
      ips.add(poolAddress(9001, "10.20.0.250/24"));
    });

    assertTrue(e.getMessage().endsWith(SHIFTED), e.getMessage());
  }

  @Test
  void anObjectRepeatedBetweenPagesIsAnError() throws Exception {
    // one added before the first pool address, the last one deleted: the count stays 43, and the
    // objects move one place back, so a page boundary would repeat one of them
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(ips -> {
      ips.remove(indexOfId(ips, 39));
      ips.insert(0, poolAddress(9002, "10.20.0.249/24"));
    });

    assertTrue(e.getMessage().endsWith(SHIFTED), e.getMessage());
  }

  @Test
  void anObjectOnTwoPagesIsAnError() throws Exception {
    // the page at offset 9 starts right (with 49), then repeats 40 from the first page in place of 50
    SourceException e = failsWhenEditedAfterTheFirstPoolPage(
        ips -> ips.set(indexOfId(ips, 50), ips.get(indexOfId(ips, 40)).deepCopy()));

    assertTrue(e.getMessage().endsWith(": object 40 appeared on two pages"), e.getMessage());
  }

  private Snapshot reference() throws Exception {
    MockWebServer other = new MockWebServer();
    try {
      other.start();
      other.setDispatcher(new FakeNetbox(FakeNetbox.recorded("4.7"), "Bearer " + V2_TOKEN));
      return NetboxSource.of(NetboxSourceConfig.builder(other.url("/").toString(), () -> V2_TOKEN).build()).fetch();
    } finally {
      other.close();
    }
  }

  private static List<RecordedRequest> concat(List<RecordedRequest> a, List<RecordedRequest> b) {
    List<RecordedRequest> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
