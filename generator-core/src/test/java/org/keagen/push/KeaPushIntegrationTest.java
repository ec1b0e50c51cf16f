package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pushes to a real kea-dhcp4 (Debian's Kea 2.2) started by the test, over its unix socket and over
 * HTTP through kea-ctrl-agent on 127.0.0.1. Skips loudly when Kea is not installed.
 */
class KeaPushIntegrationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private final List<KeaProcess> processes = new ArrayList<>();
  private Path hooks;

  enum Transport { UNIX, HTTP }

  /** A running kea-dhcp4 and the way to reach it. */
  record Server(ControlChannel channel, Path configFile, ObjectNode config, KeaProcess kea) {}

  @BeforeAll
  static void requireKea() {
    Optional<String> missing = KeaProcess.missing(true);
    if (missing.isPresent()) {
      System.err.println("*** SKIPPED KeaPushIntegrationTest: " + missing.get());
    }
    assumeTrue(missing.isEmpty(), () -> "SKIPPED: " + missing.get());
  }

  @AfterEach
  void stopAll() {
    Collections.reverse(processes);
    processes.forEach(KeaProcess::close);
  }

  /**
   * Starts kea-dhcp4 in its own directory {@code dir/name}, where the config's relative socket
   * name is bound; for HTTP also a control agent forwarding to it, with {@code agentExtra} keys.
   */
  private Server start(String name, Transport transport, ObjectNode config, String agentExtra,
      ChannelSettings settings) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    Path configFile = home.resolve("kea-dhcp4.conf");
    Files.writeString(configFile, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    Path socket = home.resolve(config.at("/Dhcp4/control-socket/socket-name").asText());
    KeaProcess kea = KeaProcess.startDhcp4(home, configFile, socket, null);
    processes.add(kea);
    if (transport == Transport.UNIX) {
      return new Server(UnixSocketChannel.of(socket, TIMEOUT), configFile, config, kea);
    }
    int port = KeaProcess.freePort();
    Path agentConfig = home.resolve("kea-ctrl-agent.conf");
    Files.writeString(agentConfig, "{\"Control-agent\": {\"http-host\": \"127.0.0.1\", \"http-port\": " + port + ","
        + " \"control-sockets\": {\"dhcp4\": {\"socket-type\": \"unix\", \"socket-name\": \"" + socket + "\"}},"
        + agentExtra
        + " \"loggers\": [{\"name\": \"kea-ctrl-agent\", \"output_options\": [{\"output\": \"stdout\"}],"
        + " \"severity\": \"INFO\"}]}}\n");
    processes.add(KeaProcess.startControlAgent(home, agentConfig, port));
    String scheme = settings.tls().caCertificate() != null || !settings.tls().verifyServer() ? "https" : "http";
    return new Server(ControlChannels.open(ControlEndpoint.parse(scheme + "://127.0.0.1:" + port + "/"), settings),
        configFile, config, kea);
  }

  private Server start(Transport transport) throws Exception {
    return start("kea", transport, generated(), "", ChannelSettings.defaults().withTimeout(TIMEOUT));
  }

  /** The generated test config, its socket {@code kea4.sock} in the server's directory. */
  private ObjectNode generated() throws IOException {
    if (hooks == null) {
      hooks = KeaProcess.hooksDirectory().orElseThrow();
    }
    return TestConfigs.generated("kea4.sock", List.of(), hooks);
  }

  /** The config with one more reservation and another lifetime. */
  private static ObjectNode changed(ObjectNode config) {
    ObjectNode next = config.deepCopy();
    ObjectNode dhcp4 = (ObjectNode) next.get("Dhcp4");
    dhcp4.put("valid-lifetime", 900);
    ObjectNode reservation = ((ArrayNode) dhcp4.get("reservations")).addObject();
    reservation.put("hw-address", "02:00:5e:00:02:20").put("ip-address", "192.0.2.20").put("hostname", "leaf3");
    return next;
  }

  private static ObjectNode running(ControlChannel channel) throws ControlChannelException {
    ControlResponse response = channel.send(ControlCommand.configGet());
    assertTrue(response.ok(), response.describe());
    return (ObjectNode) response.arguments().get("Dhcp4");
  }

  private static void assertRuns(ObjectNode config, ControlChannel channel) throws ControlChannelException {
    List<String> differences = RunningConfigMatcher.differences(config.get("Dhcp4"), running(channel), "Dhcp4");
    assertEquals(List.of(), differences, "the server runs the expected config");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aGoodPushRunsAndIsWrittenToTheServersFile(Transport transport) throws Exception {
    Server server = start(transport);
    ObjectNode next = changed(server.config());
    PushOutcome outcome = ConfigPusher.over(server.channel()).push(next);
    assertTrue(outcome.ok(), outcome.toLine());
    assertTrue(outcome.changed());
    assertRuns(next, server.channel());
    assertEquals(900, running(server.channel()).path("valid-lifetime").asInt());
    String file = Files.readString(server.configFile(), StandardCharsets.UTF_8);
    assertTrue(file.contains("02:00:5e:00:02:20") && file.contains("900"), "config-write saved the new config");
    assertTrue(outcome.message().contains(server.configFile().toString()), outcome.message());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aConfigKeaRejectsLeavesTheOldConfigRunning(Transport transport) throws Exception {
    Server server = start(transport);
    ObjectNode bad = changed(server.config());
    ((ObjectNode) bad.at("/Dhcp4/subnet4/0/pools/0")).put("pool", "198.51.100.10-198.51.100.20");
    PushOutcome outcome = ConfigPusher.over(server.channel()).push(bad);
    assertEquals(PushStep.CONFIG_TEST, outcome.failedStep(), outcome.toLine());
    assertTrue(outcome.message().contains("does not match the prefix of a subnet"), outcome.message());
    assertTrue(server.kea().isAlive());
    assertRuns(server.config(), server.channel());
    assertNotEquals(900, running(server.channel()).path("valid-lifetime").asInt());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aConfigDroppingTheControlSocketIsRefusedBeforeAnythingIsSent(Transport transport) throws Exception {
    Server server = start(transport);
    ObjectNode orphan = changed(server.config());
    ((ObjectNode) orphan.get("Dhcp4")).remove("control-socket");
    RecordingChannel recording = new RecordingChannel(server.channel());
    PushOutcome outcome = ConfigPusher.over(recording).push(orphan);
    assertEquals(PushStep.GUARD, outcome.failedStep(), outcome.toLine());
    assertTrue(outcome.message().contains("drops the control unix socket"), outcome.message());
    assertEquals(List.of("config-get", "list-commands"), recording.sent);
    assertRuns(server.config(), server.channel());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void pushingTheSameConfigAgainChangesNothing(Transport transport) throws Exception {
    Server server = start(transport);
    ObjectNode next = changed(server.config());
    PushOutcome first = ConfigPusher.over(server.channel()).push(next);
    assertTrue(first.ok() && first.changed(), first.toLine());
    ObjectNode afterFirst = running(server.channel());
    String fileAfterFirst = Files.readString(server.configFile());
    PushOutcome second = ConfigPusher.over(server.channel()).push(next);
    assertTrue(second.ok(), second.toLine());
    assertFalse(second.changed(), second.toLine());
    assertEquals(afterFirst, running(server.channel()));
    assertEquals(fileAfterFirst, Files.readString(server.configFile()));
  }

  @Test
  void basicAuthIsSentAndAWrongPasswordIsNamedWithoutShowingIt() throws Exception {
    String auth = " \"authentication\": {\"type\": \"basic\", \"realm\": \"keagen-test\","
        + " \"clients\": [{\"user\": \"keagen\", \"password\": \"right-horse-battery\"}]},";
    ChannelSettings wrong = ChannelSettings.defaults().withTimeout(TIMEOUT)
        .withCredentials(new BasicCredentials("keagen", "wrong-staple"));
    Server server = start("kea", Transport.HTTP, generated(), auth, wrong);
    PushOutcome refused = ConfigPusher.over(server.channel()).push(changed(server.config()));
    assertEquals(PushStep.CONFIG_GET, refused.failedStep(), refused.toLine());
    assertTrue(refused.message().contains("refused the credentials (HTTP 401)"), refused.message());
    assertFalse(refused.toLine().contains("wrong-staple"));

    ControlChannel right = ControlChannels.open(ControlEndpoint.parse(server.channel().endpoint()), ChannelSettings.defaults()
        .withTimeout(TIMEOUT).withCredentials(new BasicCredentials("keagen", "right-horse-battery")));
    PushOutcome pushed = ConfigPusher.over(right).push(changed(server.config()));
    assertTrue(pushed.ok(), pushed.toLine());
    assertFalse(pushed.toLine().contains("right-horse-battery"));
  }

  @Test
  void httpsIsVerifiedAgainstTheGivenCaAndOnlySkippedWhenAskedTo() throws Exception {
    assumeTrue(KeaProcess.executable("openssl").isPresent(), "SKIPPED: openssl not installed (apt-get install openssl)");
    Path ca = dir.resolve("ca.pem");
    Path caKey = dir.resolve("ca.key");
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server.key");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=keagen test CA",
        "-keyout", caKey.toString(), "-out", ca.toString());
    Path csr = dir.resolve("server.csr");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key.toString(),
        "-out", csr.toString());
    Path ext = dir.resolve("ext.cnf");
    Files.writeString(ext, "subjectAltName=IP:127.0.0.1\n");
    openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
    String tls = " \"trust-anchor\": \"" + ca + "\", \"cert-file\": \"" + cert + "\", \"key-file\": \"" + key + "\","
        + " \"cert-required\": false,";
    ChannelSettings verified = ChannelSettings.defaults().withTimeout(TIMEOUT)
        .withTls(TlsOptions.defaults().withCaCertificate(ca));
    Server server = start("kea", Transport.HTTP, generated(), tls, verified);
    assertTrue(server.channel().endpoint().startsWith("https://"), server.channel().endpoint());
    PushOutcome pushed = ConfigPusher.over(server.channel()).push(changed(server.config()));
    assertTrue(pushed.ok(), pushed.toLine());

    ControlEndpoint endpoint = ControlEndpoint.parse(server.channel().endpoint());
    ControlChannel jdkTrust = ControlChannels.open(endpoint, ChannelSettings.defaults().withTimeout(TIMEOUT));
    PushOutcome untrusted = ConfigPusher.over(jdkTrust).push(server.config());
    assertEquals(PushStep.CONFIG_GET, untrusted.failedStep(), untrusted.toLine());
    assertTrue(untrusted.message().contains("TLS"), untrusted.message());

    ControlChannel insecure = ControlChannels.open(endpoint, ChannelSettings.defaults().withTimeout(TIMEOUT)
        .withTls(TlsOptions.defaults().withoutVerification()));
    PushOutcome unverified = ConfigPusher.over(insecure).push(server.config());
    assertTrue(unverified.ok(), unverified.toLine());
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(KeaProcess.executable("openssl").orElseThrow().toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl finished");
    assertEquals(0, process.exitValue(), () -> "openssl " + String.join(" ", args) + " failed: " + read("openssl.log"));
  }

  private String read(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The config with the HA hook (hot-standby; the peers' URLs are closed ports on 127.0.0.1). */
  private ObjectNode withHa(ObjectNode config, String self, int port1, int port2) {
    ObjectNode next = config.deepCopy();
    ObjectNode ha = ((ArrayNode) next.at("/Dhcp4/hooks-libraries")).addObject();
    ha.put("library", hooks.resolve("libdhcp_ha.so").toString());
    ObjectNode relationship = ha.putObject("parameters").putArray("high-availability").addObject();
    relationship.put("this-server-name", self).put("mode", "hot-standby").put("heartbeat-delay", 10000)
        .put("max-response-delay", 60000).put("max-ack-delay", 5000).put("max-unacked-clients", 5);
    ArrayNode peers = relationship.putArray("peers");
    peers.addObject().put("name", "server1").put("url", "http://127.0.0.1:" + port1 + "/").put("role", "primary");
    peers.addObject().put("name", "server2").put("url", "http://127.0.0.1:" + port2 + "/").put("role", "standby");
    return next;
  }

  @Test
  void haPeersArePushedInOrderEachWithItsOwnName() throws Exception {
    int port1 = KeaProcess.freePort();
    int port2 = KeaProcess.freePort();
    Server one = start("kea1", Transport.UNIX, withHa(generated(), "server1", port1, port2), "",
        ChannelSettings.defaults());
    Server two = start("kea2", Transport.UNIX, withHa(generated(), "server2", port1, port2), "",
        ChannelSettings.defaults());
    ObjectNode next = changed(withHa(generated(), "server1", port1, port2));
    List<PushOutcome> outcomes = PeerPush.push(List.of(
        new PeerPush.Target(ControlEndpoint.parse("server1=unix:" + dir.resolve("kea1/kea4.sock")), one.channel()),
        new PeerPush.Target(ControlEndpoint.parse("server2=unix:" + dir.resolve("kea2/kea4.sock")), two.channel())),
        next);
    assertTrue(outcomes.stream().allMatch(PushOutcome::ok), outcomes.toString());
    String name = "/hooks-libraries/1/parameters/high-availability/0/this-server-name";
    assertEquals("server1", running(one.channel()).at(name).asText());
    assertEquals("server2", running(two.channel()).at(name).asText());
    assertEquals(900, running(one.channel()).path("valid-lifetime").asInt());
    assertEquals(900, running(two.channel()).path("valid-lifetime").asInt());
  }

  @Test
  void aPeerThatWouldLoseItsHookStopsThePushBeforeAnyPeerChanges() throws Exception {
    Server one = start("kea1", Transport.UNIX, generated(), "", ChannelSettings.defaults());
    ObjectNode twoConfig = generated();
    ((ArrayNode) twoConfig.at("/Dhcp4/hooks-libraries")).addObject()
        .put("library", hooks.resolve("libdhcp_stat_cmds.so").toString());
    Server two = start("kea2", Transport.UNIX, twoConfig, "", ChannelSettings.defaults());
    List<PushOutcome> outcomes = PeerPush.push(List.of(
        new PeerPush.Target(ControlEndpoint.parse("unix:" + dir.resolve("kea1/kea4.sock")), one.channel()),
        new PeerPush.Target(ControlEndpoint.parse("unix:" + dir.resolve("kea2/kea4.sock")), two.channel())),
        changed(generated()));
    assertEquals(PushOutcome.Status.NOT_PUSHED, outcomes.get(0).status(), outcomes.toString());
    assertEquals(PushStep.GUARD, outcomes.get(1).failedStep(), outcomes.toString());
    assertTrue(outcomes.get(1).message().contains("libdhcp_stat_cmds.so"), outcomes.get(1).message());
    assertRuns(one.config(), one.channel());
    assertRuns(two.config(), two.channel());
  }
}
