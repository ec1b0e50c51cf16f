package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.push.ControlChannelException;
import org.keagen.push.ControlCommand;
import org.keagen.push.ControlResponse;
import org.keagen.push.UnixSocketChannel;
import picocli.CommandLine;

/**
 * {@code keagen push} called the way picocli runs it: usage errors, failures named by step, and a
 * push of a generated config to a real kea-dhcp4 (skipped loudly when Kea is not installed).
 */
class PushCommandTest {
  private static final String SNAPSHOT = "generator-core/src/test/resources/org/keagen/push/e2e-snapshot.json";

  @TempDir
  Path dir;

  private Process kea;

  record Run(int code, String err) {}

  private static Run push(String... args) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new PushCommand());
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    int code = command.execute(args);
    return new Run(code, err.toString());
  }

  @AfterEach
  void stopKea() throws InterruptedException {
    if (kea != null) {
      kea.destroy();
      if (!kea.waitFor(5, TimeUnit.SECONDS)) {
        kea.destroyForcibly();
        kea.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aTargetIsRequired() throws IOException {
    Path config = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp4\": {}}");
    Run run = push("--config", config.toString());
    assertEquals(PushCommand.EXIT_USAGE, run.code());
    assertTrue(run.err().contains("--to"), run.err());
  }

  @Test
  void credentialsInAnEndpointAreAUsageErrorAndNeverEchoed() throws IOException {
    Path config = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp4\": {}}");
    Run run = push("--config", config.toString(), "--to", "http://admin:hunter2@127.0.0.1:8000/");
    assertEquals(PushCommand.EXIT_USAGE, run.code());
    assertFalse(run.err().contains("hunter2"), run.err());
  }

  @Test
  void aUserNeedsAPasswordSource() throws IOException {
    Path config = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp4\": {}}");
    Run run = push("--config", config.toString(), "--to", "http://127.0.0.1:8000/", "--user", "admin");
    assertEquals(PushCommand.EXIT_USAGE, run.code());
    assertTrue(run.err().contains("--password-file or --password-env"), run.err());
  }

  @Test
  void anUnreachableServerFailsAtTheFirstStepWithExitOne() throws IOException {
    Path config = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp4\": {}}");
    Run run = push("--config", config.toString(), "--to", "unix:" + dir.resolve("no-such.sock"));
    assertEquals(PushCommand.EXIT_ERROR, run.code());
    assertTrue(run.err().contains("failed at config-get: no control socket at"), run.err());
    assertTrue(run.err().contains("pushed to 0 of 1 servers"), run.err());
  }

  @Test
  void aFileThatIsNotAKeaConfigIsRefused() throws IOException {
    Path config = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp6\": {}}");
    Run run = push("--config", config.toString(), "--to", "unix:" + dir.resolve("kea.sock"));
    assertEquals(PushCommand.EXIT_ERROR, run.code());
    assertTrue(run.err().contains("needs a top-level \"Dhcp4\" map"), run.err());
  }

  @Test
  void aGeneratedConfigIsPushedToARealKeaForTheVersionItRuns() throws Exception {
    Path socket = startKea();
    Path template = Files.writeString(dir.resolve("skeleton.json.peb"), skeleton(socket));
    Path snapshot = Path.of(System.getProperty("keagen.repo.dir", "..")).resolve(SNAPSHOT);
    Run run = push("--snapshot", snapshot.toString(), "--template", template.toString(), "--to", "unix:" + socket);
    assertEquals(PushCommand.EXIT_OK, run.code(), run.err());
    assertTrue(run.err().contains("the running config changed"), run.err());
    assertTrue(run.err().contains("pushed to 1 of 1 servers"), run.err());
    JsonNode running = configGet(socket);
    assertEquals(42, running.at("/subnet4/0/id").asInt());
    assertEquals("192.0.2.10", running.at("/reservations").findValuesAsText("ip-address").stream()
        .filter("192.0.2.10"::equals).findFirst().orElse("none"));

    Run again = push("--snapshot", snapshot.toString(), "--template", template.toString(), "--to", "unix:" + socket);
    assertEquals(PushCommand.EXIT_OK, again.code(), again.err());
    assertTrue(again.err().contains("already this config"), again.err());
  }

  @Test
  void aConfigKeaRejectsExitsOneNamingConfigTest() throws Exception {
    Path socket = startKea();
    String bad = "{\"Dhcp4\": {" + serverKeys(socket) + ", \"subnet4\": [{\"id\": 1, \"subnet\": \"192.0.2.0/24\","
        + " \"pools\": [{\"pool\": \"198.51.100.1-198.51.100.9\"}]}]}}";
    Path config = Files.writeString(dir.resolve("bad.conf"), bad);
    Run run = push("--config", config.toString(), "--to", "unix:" + socket);
    assertEquals(PushCommand.EXIT_ERROR, run.code(), run.err());
    assertTrue(run.err().contains("failed at config-test: Kea rejected the config"), run.err());
    assertEquals(0, configGet(socket).path("subnet4").size(), "the bootstrap config still runs");
  }

  private static String serverKeys(Path socket) {
    String hooks = hooksDirectory().orElseThrow().resolve("libdhcp_lease_cmds.so").toString();
    return "\"interfaces-config\": {\"interfaces\": []},"
        + " \"control-socket\": {\"socket-type\": \"unix\", \"socket-name\": \"" + socket + "\"},"
        + " \"lease-database\": {\"type\": \"memfile\", \"persist\": false},"
        + " \"hooks-libraries\": [{\"library\": \"" + hooks + "\"}]";
  }

  private static String skeleton(Path socket) {
    return "{\"Dhcp4\": {" + serverKeys(socket) + "}}\n";
  }

  /** Starts kea-dhcp4 on a bootstrap config (no subnets) and waits for its socket; skips without Kea. */
  private Path startKea() throws Exception {
    Optional<Path> binary = executable("kea-dhcp4");
    boolean present = binary.isPresent() && hooksDirectory().isPresent();
    if (!present) {
      System.err.println("*** SKIPPED PushCommandTest against Kea: kea-dhcp4 not installed;"
          + " run scripts/install-e2e-deps.sh");
    }
    assumeTrue(present, "SKIPPED: kea-dhcp4 not installed; run scripts/install-e2e-deps.sh");
    Path socket = dir.resolve("kea4.sock");
    Path config = Files.writeString(dir.resolve("kea-dhcp4.conf"), skeleton(socket));
    ProcessBuilder builder = new ProcessBuilder(binary.get().toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("kea.log").toFile());
    builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
    builder.environment().put("KEA_LOCKFILE_DIR", "none");
    kea = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(kea.isAlive(), () -> "kea-dhcp4 exited: " + read(dir.resolve("kea.log")));
      if (Files.exists(socket)) {
        try {
          configGet(socket);
          return socket;
        } catch (ControlChannelException | AssertionError e) {
          // not ready yet
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("kea-dhcp4 did not answer within 15 s: " + read(dir.resolve("kea.log")));
  }

  private static JsonNode configGet(Path socket) throws ControlChannelException {
    ControlResponse response = UnixSocketChannel.of(socket, Duration.ofSeconds(5)).send(ControlCommand.configGet());
    assertTrue(response.ok(), response.describe());
    return response.arguments().get("Dhcp4");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Optional<Path> executable(String name) {
    return List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin").stream()
        .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> hooksDirectory() {
    try (var lib = Files.list(Path.of("/usr/lib"))) {
      return lib.map(p -> p.resolve("kea/hooks")).filter(p -> Files.isRegularFile(p.resolve("libdhcp_lease_cmds.so")))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
