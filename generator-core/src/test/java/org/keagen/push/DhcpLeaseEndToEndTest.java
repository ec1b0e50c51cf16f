package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keagen.render.ServerTemplate;

/**
 * The end-to-end proof: a keagen-generated config pushed to a real kea-dhcp4 serves the planned
 * leases to a real DHCP client. Two network namespaces made by the test are joined by a veth pair
 * (192.0.2.0/24, only inside them); kea-dhcp4 starts in one with a bare bootstrap config, the
 * generated config is pushed over its control socket, and busybox udhcpc asks for leases from the
 * other. Skips loudly when the machine cannot create namespaces or lacks Kea or busybox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DhcpLeaseEndToEndTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final String SERVER_ADDRESS = "192.0.2.1/24";

  private final String suffix = Long.toString(ProcessHandle.current().pid() % 100_000);
  private final String serverNs = "kg-srv-" + suffix;
  private final String clientNs = "kg-cli-" + suffix;
  private final String serverIf = "kgs" + suffix;
  private final String clientIf = "kgc" + suffix;

  private Path dir;
  private KeaProcess kea;
  private ObjectNode generated;
  private PushOutcome pushed;

  @BeforeAll
  void setUp() throws Exception {
    Optional<String> missing = missing();
    if (missing.isPresent()) {
      System.err.println("*** SKIPPED DhcpLeaseEndToEndTest: " + missing.get());
    }
    assumeTrue(missing.isEmpty(), () -> "SKIPPED: " + missing.get());
    dir = Files.createTempDirectory("keagen-e2e-");
    removeNamespaces();
    Result created = run("ip", "netns", "add", serverNs);
    if (created.code() != 0) {
      String why = "this machine cannot create network namespaces (ip netns add: " + created.output().strip()
          + "); the end-to-end DHCP test needs root and netns";
      System.err.println("*** SKIPPED DhcpLeaseEndToEndTest: " + why);
      assumeTrue(false, "SKIPPED: " + why);
    }
    must("ip", "netns", "add", clientNs);
    must("ip", "link", "add", serverIf, "type", "veth", "peer", "name", clientIf);
    must("ip", "link", "set", serverIf, "netns", serverNs);
    must("ip", "link", "set", clientIf, "netns", clientNs);
    must("ip", "-n", serverNs, "addr", "add", SERVER_ADDRESS, "dev", serverIf);
    must("ip", "-n", serverNs, "link", "set", serverIf, "up");
    must("ip", "-n", clientNs, "link", "set", clientIf, "up");

    Path hooks = KeaProcess.hooksDirectory().orElseThrow();
    ServerTemplate skeleton = TestConfigs.skeleton("kea4.sock", List.of(serverIf), hooks);
    ObjectNode bootstrap = JsonNodeFactory.instance.objectNode();
    bootstrap.set("Dhcp4", skeleton.render(Map.of("kea_version", "2.2")).dhcp4());
    Path configFile = dir.resolve("kea-dhcp4.conf");
    Files.writeString(configFile, bootstrap.toPrettyString());
    kea = KeaProcess.startDhcp4(dir, configFile, dir.resolve("kea4.sock"), serverNs);

    generated = TestConfigs.generated("kea4.sock", List.of(serverIf), hooks);
    pushed = ConfigPusher.over(UnixSocketChannel.of(dir.resolve("kea4.sock"), COMMAND_TIMEOUT)).push(generated);
  }

  @AfterAll
  void tearDown() throws Exception {
    if (kea != null) {
      kea.close();
    }
    if (dir != null) {
      removeNamespaces();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theGeneratedConfigWasPushedToTheRunningServer() {
    assertTrue(pushed.ok(), pushed.toLine());
    assertTrue(pushed.changed());
  }

  @Test
  void aReservedMacGetsItsAddressAndItsZtpUrlInOption239() throws Exception {
    assertTrue(pushed.ok(), pushed.toLine());
    Map<String, String> lease = lease("02:00:5e:00:02:10", "-O", "239");
    assertEquals("192.0.2.10", lease.get("ip"), lease.toString());
    assertEquals("192.0.2.1", lease.get("router"));
    assertEquals("http://192.0.2.5/ztp/d1/provision", text(lease.get("opt239")), lease.toString());
    assertEquals(reservedOption239(), text(lease.get("opt239")), "the URL the plan put in the reservation");
  }

  @Test
  void option239IsSentOnlyWhenTheClientAsksForIt() throws Exception {
    assertTrue(pushed.ok(), pushed.toLine());
    Map<String, String> lease = lease("02:00:5e:00:02:10");
    assertEquals("192.0.2.10", lease.get("ip"), lease.toString());
    assertFalse(lease.containsKey("opt239"), "Kea sends a custom option only when asked (or with always-send)");
  }

  @Test
  void aClientIdentifiedByClientIdGetsItsAddress() throws Exception {
    assertTrue(pushed.ok(), pushed.toLine());
    String clientId = generated.at("/Dhcp4/reservations/1/client-id").asText();
    assertEquals("00:4c:45:41:46:32:53:45:52:49:41:4c", clientId, "00 + the serial LEAF2SERIAL in hex");
    Map<String, String> lease = lease("02:00:5e:00:02:99", "-C", "-x", "0x3d:" + clientId.replace(":", ""));
    assertEquals("192.0.2.11", lease.get("ip"), lease.toString());
  }

  @Test
  void anUnknownClientGetsAnAddressFromTheGeneratedPool() throws Exception {
    assertTrue(pushed.ok(), pushed.toLine());
    String pool = KeaValueForms.pool(generated.at("/Dhcp4/subnet4/0/pools/0/pool").asText());
    assertEquals("192.0.2.100-192.0.2.110", pool);
    Map<String, String> lease = lease("02:00:5e:00:02:77");
    int last = Integer.parseInt(lease.getOrDefault("ip", "0.0.0.0").substring("192.0.2.".length()));
    assertTrue(lease.get("ip").startsWith("192.0.2.") && last >= 100 && last <= 110,
        "an address inside " + pool + ", got " + lease);
  }

  private String reservedOption239() {
    for (JsonNode reservation : generated.at("/Dhcp4/reservations")) {
      if (reservation.path("hw-address").asText().equals("02:00:5e:00:02:10")) {
        return reservation.at("/option-data/0/data").asText();
      }
    }
    return "(no reservation for 02:00:5e:00:02:10 in the generated config)";
  }

  /** Gives the client interface {@code mac}, runs udhcpc once and returns the bound lease's variables. */
  private Map<String, String> lease(String mac, String... options) throws Exception {
    must("ip", "-n", clientNs, "link", "set", clientIf, "down");
    must("ip", "-n", clientNs, "link", "set", clientIf, "address", mac);
    must("ip", "-n", clientNs, "link", "set", clientIf, "up");
    Path out = dir.resolve("lease-" + mac.replace(":", "") + "-" + options.length + ".env");
    Files.deleteIfExists(out);
    Path script = dir.resolve("udhcpc-script-" + out.getFileName() + ".sh");
    Files.writeString(script, "#!/bin/sh\n[ \"$1\" = bound ] && env > '" + out + "'\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", clientNs,
        KeaProcess.executable("busybox").orElseThrow().toString(), "udhcpc", "-i", clientIf, "-f", "-q", "-n",
        "-t", "5", "-T", "1", "-A", "1", "-s", script.toString()));
    command.addAll(List.of(options));
    Result result = run(command.toArray(String[]::new));
    assertEquals(0, result.code(), () -> "udhcpc got no lease for " + mac + ":\n" + result.output()
        + "\nkea-dhcp4 log:\n" + keaLog());
    Map<String, String> variables = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        variables.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return variables;
  }

  private String keaLog() {
    try {
      return kea.log();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String text(String hex) {
    return hex == null ? null : new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
  }

  private Optional<String> missing() {
    List<String> missing = new ArrayList<>();
    KeaProcess.missing(false).ifPresent(missing::add);
    if (KeaProcess.executable("busybox").isEmpty()) {
      missing.add("busybox (udhcpc) not installed");
    }
    if (KeaProcess.executable("ip").isEmpty()) {
      missing.add("ip (iproute2) not installed");
    }
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      missing.add("network namespaces need Linux");
    }
    return missing.isEmpty() ? Optional.empty()
        : Optional.of(String.join("; ", missing) + "; " + KeaProcess.INSTALL_HINT + " (as root)");
  }

  private void removeNamespaces() {
    for (String ns : List.of(serverNs, clientNs)) {
      try {
        if (Files.exists(Path.of("/run/netns", ns))) {
          run("ip", "netns", "del", ns);
        }
      } catch (Exception e) {
        System.err.println("could not remove network namespace " + ns + ": " + e);
      }
    }
  }

  record Result(int code, String output) {}

  private void must(String... command) throws Exception {
    Result result = run(command);
    assertEquals(0, result.code(), () -> String.join(" ", command) + " failed: " + result.output());
  }

  /** Runs a command with a bounded wait; its output is kept in a file of the test directory. */
  private Result run(String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "command-", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      return new Result(-1, "timed out after " + COMMAND_TIMEOUT.toSeconds() + " s: " + String.join(" ", command)
          + "\n" + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
