package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code keagen generate --source netbox|nautobot -o OUT} against a MockWebServer that fails the
 * way real servers do: throttling that never ends, and data edited between two pages. Each run
 * must exit 1 with one {@code error[source-failed]} line naming the server and the request, print
 * nothing on stdout and never the token (which the servers echo in their answers), and leave OUT,
 * a good config, and everything else in the directory exactly as it was.
 */
class SourceFaultsCliTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef0123cafe";

  @TempDir
  Path dir;

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * One fault: the source kind, how the server answers, and the start of the message after
   * {@code error[source-failed] KIND URL: } ({@code {URL}} is the server's base URL).
   */
  record Fault(String name, String kind, Function<RecordedRequest, MockResponse> answer, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Fault> faults() {
    return List.of(
        new Fault("netbox throttles every request", "netbox", netbox(r -> json(429, "{\"detail\":\"Request was"
            + " throttled for token " + TOKEN + "\"}").newBuilder().setHeader("Retry-After", "0").build()),
            "NetBox request {URL}api/ipam/"),
        new Fault("netbox prefixes change between pages", "netbox", netbox(r -> {
          // the server allows pages of 2; the second page sees one prefix more than the first
          boolean first = "0".equals(r.getUrl().queryParameter("offset"));
          return json(200, r.getUrl().encodedPath().equals("/api/ipam/prefixes/")
              ? "{\"count\": " + (first ? 3 : 4) + ", \"results\": [{\"id\": 1}, {\"id\": 2}]}"
              : "{\"count\": 0, \"results\": []}");
        }), "NetBox's prefixes changed while keagen was reading them ({URL}api/ipam/prefixes/"),
        new Fault("nautobot throttles every query", "nautobot", nautobot(r -> json(429, "{\"detail\": \"Too many"
            + " requests with token " + TOKEN + "\"}").newBuilder().setHeader("Retry-After", "0").build()),
            "Nautobot at {URL} answered HTTP 429 to the GraphQL query keagen_schema_fields (after 5 attempts):"
                + " Too many requests with token [redacted]"),
        new Fault("nautobot prefixes shift between pages", "nautobot", nautobot(r -> {
          String body = r.getBody().utf8();
          if (body.contains("keagen_schema_fields")) {
            return json(200, "{\"data\": {\"prefix\": {\"fields\": [{\"name\": \"rel_prefix_to_gateway\"}]},"
                + " \"device\": {\"fields\": []}}}");
          }
          // pages of 2; the second should start with b, the last of the first, but a was deleted
          return json(200, body.contains("\"offset\":0")
              ? "{\"data\": {\"prefixes\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}}"
              : "{\"data\": {\"prefixes\": [{\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}]}}");
        }), "Nautobot's DHCP prefixes changed while keagen was reading them (GraphQL query keagen_dhcp_prefixes"
            + " (offset 1) at {URL}): the page does not start with the object with id b"));
  }

  /** NetBox's status answer, then {@code lists} for every list request. */
  private static Function<RecordedRequest, MockResponse> netbox(Function<RecordedRequest, MockResponse> lists) {
    return r -> r.getUrl().encodedPath().equals("/api/status/")
        ? json(200, "{\"netbox-version\": \"4.7.3\"}") : lists.apply(r);
  }

  /** Nautobot's status answer, then {@code graphql} for every GraphQL request. */
  private static Function<RecordedRequest, MockResponse> nautobot(Function<RecordedRequest, MockResponse> graphql) {
    return r -> r.getUrl().encodedPath().equals("/api/status/")
        ? json(200, "{\"nautobot-version\": \"3.2.7\"}") : graphql.apply(r);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFailingServerLeavesTheOutputAsItWasAndNeverShowsTheToken(Fault fault) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fault.answer().apply(request);
      }
    });
    Path good = Files.writeString(dir.resolve("good.json"), Fixtures.snapshot(3), StandardCharsets.UTF_8);
    Path output = dir.resolve("kea-dhcp4.conf");
    assertEquals(0, CliRun.of("generate", "--snapshot", good.toString(), "-o", output.toString()).exit());
    DirectoryState.age(dir);
    Map<String, String> before = DirectoryState.of(dir);
    String url = server.url("/").toString();
    CliEnvironment env = CliEnvironment.of(Map.of("NETBOX_TOKEN", TOKEN, "NAUTOBOT_TOKEN", TOKEN));

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of(env, "generate", "--source",
        fault.kind(), "--url", url, "--page-size", "2", "-o", output.toString()));

    assertEquals(KeagenCommand.EXIT_ERROR, run.exit(), run.err());
    assertEquals("", run.out());
    List<String> lines = run.errLines();
    String expected = "error[source-failed] " + fault.kind() + " " + url + ": "
        + fault.message().replace("{URL}", fault.kind().equals("nautobot") ? url.replaceAll("/$", "") : url);
    assertEquals(2, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith(expected),
        () -> "expected a line starting with: " + expected + "\n" + run.err());
    assertTrue(lines.get(0).contains(" (fix: "), "says what to do: " + lines.get(0));
    assertEquals("keagen: 1 errors, nothing written", lines.get(1));
    assertFalse(run.err().contains(TOKEN) || run.out().contains(TOKEN), run.err());
    assertTrue(server.getRequestCount() > 1, "the server was asked");
    assertEquals(before, DirectoryState.of(dir), "the output and everything beside it are as they were");
  }
}
