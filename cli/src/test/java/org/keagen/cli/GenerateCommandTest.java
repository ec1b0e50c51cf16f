package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  /** A time no run of these tests can produce, to tell a rewritten file from an untouched one. */
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir
  Path dir;

  /** One prefix with its gateway, pool addresses .100-.110 and one reservation by MAC. */
  private static String snapshot(String reservedInterfaces) {
    StringBuilder pool = new StringBuilder();
    for (int host = 100; host <= 110; host++) {
      pool.append(host == 100 ? "" : ",\n    ")
          .append("{\"id\": \"a").append(host).append("\", \"address\": \"10.0.0.").append(host).append("/24\"}");
    }
    return """
        {
          "format": "keagen-snapshot/1",
          "source": {"kind": "netbox"},
          "prefixes": [{"id": "p1", "prefix": "10.0.0.0/24", "gateway": "10.0.0.1"}],
          "pool_addresses": [
            %s
          ],
          "reserved_addresses": [{"id": "r10", "address": "10.0.0.10/24", "interfaces": [%s]}],
          "devices": [{"id": "d1", "name": "host1"}]
        }
        """.formatted(pool, reservedInterfaces);
  }

  private static final String VALID =
      snapshot("{\"name\": \"eth0\", \"mac_address\": \"00:11:22:33:44:55\", \"device_id\": \"d1\"}");
  /** A reserved address without an interface: the resolver's error {@code reserve-no-interface}. */
  private static final String UNRESOLVABLE = snapshot("");

  /** One run's exit code and what it printed. */
  private record Run(int exit, String out, String err) {}

  private static Run keagen(String... args) {
    CliRun run = CliRun.of(args);
    return new Run(run.exit(), run.out(), run.err());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void assertNoStackTrace(Run run) {
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // exit 0

  @Test
  void writesTheConfigToStdoutWithoutOutputFile() throws IOException {
    Path snapshot = write("snap.json", VALID);

    Run run = keagen("generate", "--source", "snapshot", "--snapshot", snapshot.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode config = new ObjectMapper().readTree(run.out());
    JsonNode subnet = config.at("/Dhcp4/subnet4/0");
    assertEquals("10.0.0.0/24", subnet.path("subnet").asText());
    assertEquals("10.0.0.100-10.0.0.110", subnet.at("/pools/0/pool").asText());
    assertTrue(run.out().endsWith("}\n"), "ends with one newline");
    assertEquals("keagen: 1 subnets, 1 pools, 1 reservations, 0 warnings; written to stdout\n", run.err());
  }

  @Test
  void writesANewOutputFileWithTheSameBytesAsStdout() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path output = dir.resolve("kea-dhcp4.conf");

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().endsWith("; " + output + " changed\n"), run.err());
    assertEquals(keagen("generate", "--snapshot", snapshot.toString()).out(), Files.readString(output));
    assertEquals(List.of("kea-dhcp4.conf", "snap.json"), filesInDir(), "no temporary file is left");
  }

  @Test
  void readsASnapshotFromAPipeAsFromAFile() throws Exception {
    Path file = write("snap.json", VALID);
    Path pipe = dir.resolve("snap.pipe");
    DirectoryState.mkfifo(pipe); // what a shell's <(...) gives: it can be read once only
    Thread feeder = new Thread(() -> {
      try {
        Files.writeString(pipe, VALID, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    feeder.start();

    Run run = keagen("generate", "--snapshot", pipe.toString());
    feeder.join(10_000);

    assertEquals(0, run.exit(), run.err());
    assertEquals(keagen("generate", "--snapshot", file.toString()).out(), run.out());
  }

  @Test
  void leavesAnUnchangedOutputFileAlone() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path output = dir.resolve("kea-dhcp4.conf");
    assertEquals(0, keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString()).exit());
    byte[] before = Files.readAllBytes(output);
    Files.setLastModifiedTime(output, LONG_AGO);

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().endsWith("; " + output + " unchanged\n"), run.err());
    assertArrayEquals(before, Files.readAllBytes(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output), "not rewritten");
  }

  @Test
  void replacesAChangedOutputFileKeepingItsPermissionsAndSubnetId() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path output = write("kea-dhcp4.conf", """
        {"Dhcp4": {"subnet4": [{"id": 42, "subnet": "10.0.0.0/24"}]}}
        """);
    Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rw-r-----"));

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().endsWith("; " + output + " changed\n"), run.err());
    JsonNode config = new ObjectMapper().readTree(output.toFile());
    assertEquals(42, config.at("/Dhcp4/subnet4/0/id").asLong(), "the existing file's subnet id is kept");
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    assertEquals(List.of("kea-dhcp4.conf", "snap.json"), filesInDir(), "no temporary file is left");
  }

  @Test
  void rendersForTheKeaVersionAsked() throws IOException {
    Path snapshot = write("snap.json", VALID);

    JsonNode kea22 = new ObjectMapper().readTree(
        keagen("generate", "--snapshot", snapshot.toString(), "--kea-version", "2.2").out());
    JsonNode kea30 = new ObjectMapper().readTree(
        keagen("generate", "--snapshot", snapshot.toString(), "--kea-version", "3.0.1").out());
    JsonNode byDefault = new ObjectMapper().readTree(keagen("generate", "--snapshot", snapshot.toString()).out());

    assertTrue(kea22.at("/Dhcp4/control-socket").isObject(), kea22.toString());
    assertTrue(kea30.at("/Dhcp4/control-sockets").isArray(), kea30.toString());
    assertEquals(kea30, byDefault, "the newest version is the default");
  }

  @Test
  void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path real = write("real.conf", "{\"Dhcp4\": {}}\n");
    Path link = Files.createSymbolicLink(dir.resolve("kea-dhcp4.conf"), real.getFileName());

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", link.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals(keagen("generate", "--snapshot", snapshot.toString()).out(), Files.readString(real));
    assertEquals(List.of("kea-dhcp4.conf", "real.conf", "snap.json"), filesInDir(), "no temporary file is left");
  }

  // exit 1

  @Test
  void resolveErrorsExitOneAndLeaveTheOutputFileUntouched() throws IOException {
    Path snapshot = write("snap.json", UNRESOLVABLE);
    Path output = write("kea-dhcp4.conf", "{\"Dhcp4\": {\"subnet4\": []}}\n");
    byte[] before = Files.readAllBytes(output);
    Files.setLastModifiedTime(output, LONG_AGO);

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("error[reserve-no-interface] "), run.err());
    assertTrue(run.err().endsWith("nothing written\n"), run.err());
    assertEquals("", run.out());
    assertArrayEquals(before, Files.readAllBytes(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output));
  }

  @Test
  void resolveErrorsPrintNothingToStdout() throws IOException {
    Run run = keagen("generate", "--snapshot", write("snap.json", UNRESOLVABLE).toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void anInvalidSnapshotPrintsOneLinePerProblem() throws IOException {
    Path snapshot = write("snap.json", """
        {"format": "keagen-snapshot/1", "prefixes": [{"id": "p1"}], "colour": "blue"}
        """);
    Path output = write("kea-dhcp4.conf", "{\"Dhcp4\": {}}\n");
    Files.setLastModifiedTime(output, LONG_AGO);

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(1, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(3, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("error[snapshot-invalid] " + snapshot + " $."), lines.get(0));
    assertTrue(lines.get(1).startsWith("error[snapshot-invalid] " + snapshot + " $."), lines.get(1));
    assertEquals("keagen: 2 errors, nothing written", lines.get(2));
    assertEquals("{\"Dhcp4\": {}}\n", Files.readString(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output));
  }

  @Test
  void aMissingSnapshotFileIsOneLineWithThePathAndTheReason() {
    Path missing = dir.resolve("no-such-snapshot.json");

    Run run = keagen("generate", "--snapshot", missing.toString());

    assertEquals(1, run.exit());
    assertEquals("error[source-failed] " + missing + ": cannot read the snapshot: no such file or directory"
        + " (fix: check the path given by --snapshot or 'snapshot' in the config file)\n"
        + "keagen: 1 errors, nothing written\n", run.err());
    assertNoStackTrace(run);
  }

  @Test
  void aSnapshotThatIsADirectoryIsOneLineWithTheReason() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("snapdir"));

    Run run = keagen("generate", "--snapshot", directory.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error[source-failed] " + directory + ": cannot read the snapshot: "), run.err());
    assertEquals(2, run.err().lines().count(), run.err());
    assertNoStackTrace(run);
  }

  @Test
  void anExistingOutputFileThatIsNotJsonIsAnErrorAndStaysUntouched() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path output = write("kea-dhcp4.conf", "# my hand-written notes, not a Kea config\n");
    byte[] before = Files.readAllBytes(output);
    Files.setLastModifiedTime(output, LONG_AGO);

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("error[previous-config-invalid] " + output + ": "), run.err());
    assertArrayEquals(before, Files.readAllBytes(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output));
  }

  @Test
  void anOutputDirectoryThatDoesNotExistIsOneLineWithThePath() throws IOException {
    Path snapshot = write("snap.json", VALID);
    Path output = dir.resolve("missing-dir").resolve("kea-dhcp4.conf");

    Run run = keagen("generate", "--snapshot", snapshot.toString(), "-o", output.toString());

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("error[output-unwritable] " + output
        + ": cannot write the config: no such file or directory"), run.err());
    assertEquals("keagen: 1 errors, nothing written", run.err().lines().reduce((a, b) -> b).orElseThrow());
  }

  // exit 64

  @Test
  void anUnknownOptionIsAUsageError() throws IOException {
    Run run = keagen("generate", "--snapshot", write("snap.json", VALID).toString(), "--colour");

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith("Unknown option: '--colour'"), run.err());
  }

  @Test
  void aMissingSnapshotOptionIsAUsageError() {
    Run run = keagen("generate", "--source", "snapshot");

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith("Missing required option: '--snapshot=FILE'"), run.err());
  }

  @Test
  void anUnknownSourceIsAUsageError() throws IOException {
    Run run = keagen("generate", "--source", "ldap", "--snapshot", write("snap.json", VALID).toString());

    assertEquals(64, run.exit());
    assertTrue(run.err().contains("'--source'") && run.err().contains("'ldap'"), run.err());
  }

  @Test
  void anUnsupportedKeaVersionIsAUsageError() throws IOException {
    Run run = keagen("generate", "--snapshot", write("snap.json", VALID).toString(), "--kea-version", "1.9");

    assertEquals(64, run.exit());
    assertTrue(run.err().contains("expected one of 2.2, 2.4, 2.6, 3.0 but was '1.9'"), run.err());
  }

  @Test
  void aSourceSettingTheAdapterCannotTakeIsAUsageErrorThatNamesTheSourceNotTheToken() throws IOException {
    Path token = write("token", "s3cret-token-value\n");
    Run netbox = keagen("generate", "--source", "netbox", "--url", "https://netbox.example.net",
        "--token-file", token.toString(), "--subnet-tag", "two words");
    Run nautobot = keagen("generate", "--source", "nautobot", "--url", "https://nautobot.example.net",
        "--token-file", token.toString(), "--page-size", "20000");

    assertEquals(64, netbox.exit(), netbox.err());
    assertTrue(netbox.err().startsWith("netbox https://netbox.example.net: subnetTag must be a tag slug"), netbox.err());
    assertEquals(64, nautobot.exit(), nautobot.err());
    assertTrue(nautobot.err().startsWith("nautobot https://nautobot.example.net: pageSize must be 1 to 10000"),
        nautobot.err());
    assertFalse(netbox.err().contains("s3cret") || nautobot.err().contains("s3cret"));
  }

  @Test
  void noSubcommandIsAUsageError() {
    Run run = keagen();

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith("Missing required subcommand"), run.err());
  }

  // --version

  @Test
  void versionPrintsTheProjectVersion() {
    Run run = keagen("--version");

    assertEquals(0, run.exit());
    assertTrue(run.out().matches("keagen \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
  }
}
