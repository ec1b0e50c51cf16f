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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate}'s modes: {@code --check}, {@code --diff}, {@code --detailed-exitcode}, {@code
 * --backup} and {@code --output-format json}, with every exit code they give.
 */
class GenerateModesTest {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  Path snapshot;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    snapshot = write("snapshot.json", Fixtures.snapshot(4));
    output = dir.resolve("kea-dhcp4.conf");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private CliRun generate(String... extra) {
    List<String> args = new ArrayList<>(List.of("generate", "--snapshot", snapshot.toString(), "-o", output.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Writes the current config, then a snapshot with one more subnet: the file is stale. */
  private byte[] staleOutput() throws IOException {
    assertEquals(0, generate().exit());
    write("snapshot.json", Fixtures.snapshot(5));
    Files.setLastModifiedTime(output, LONG_AGO);
    return Files.readAllBytes(output);
  }

  private void assertUntouched(byte[] before) throws IOException {
    assertArrayEquals(before, Files.readAllBytes(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output), "not rewritten");
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // --check

  @Test
  void checkOnAnUpToDateFileExitsZeroAndWritesNothing() throws IOException {
    assertEquals(0, generate().exit());
    Files.setLastModifiedTime(output, LONG_AGO);
    byte[] before = Files.readAllBytes(output);

    CliRun run = generate("--check");

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("keagen: 4 subnets, 4 pools, 4 reservations, 0 warnings; " + output + " unchanged", run.summary());
    assertUntouched(before);
  }

  @Test
  void checkOnAStaleFileExitsOneAndWritesNothing() throws IOException {
    byte[] before = staleOutput();

    CliRun run = generate("--check");

    assertEquals(1, run.exit(), run.err());
    assertEquals("keagen: 5 subnets, 5 pools, 5 reservations, 0 warnings; " + output
        + " would change (--check: not written)", run.summary());
    assertUntouched(before);
  }

  @Test
  void checkOnAMissingFileSaysItWouldChangeAndCreatesNothing() throws IOException {
    CliRun run = generate("--check", "--detailed-exitcode");

    assertEquals(2, run.exit(), run.err());
    assertEquals(List.of("snapshot.json"), files());
  }

  @Test
  void checkWithDetailedExitCodeExitsTwoWhenStaleAndZeroWhenNot() throws IOException {
    byte[] before = staleOutput();

    assertEquals(2, generate("--check", "--detailed-exitcode").exit());
    assertUntouched(before);
    assertEquals(0, generate().exit());
    assertEquals(0, generate("--check", "--detailed-exitcode").exit());
  }

  // --detailed-exitcode without --check

  @Test
  void detailedExitCodeIsTwoWhenWrittenThenZeroWhenUnchanged() throws IOException {
    CliRun first = generate("--detailed-exitcode");
    CliRun second = generate("--detailed-exitcode");

    assertEquals(2, first.exit(), first.err());
    assertTrue(first.summary().endsWith(output + " changed"), first.summary());
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.summary().endsWith(output + " unchanged"), second.summary());
  }

  @Test
  void detailedExitCodeIsOneOnErrorsAndTheFileStays() throws IOException {
    byte[] before = staleOutput();
    write("snapshot.json", Fixtures.unresolvable());

    CliRun run = generate("--detailed-exitcode");

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("error[reserve-no-interface]"), run.err());
    assertUntouched(before);
  }

  @Test
  void withoutDetailedExitCodeAWrittenFileExitsZero() throws IOException {
    staleOutput();

    CliRun run = generate();

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.summary().endsWith(output + " changed"), run.summary());
  }

  // --diff

  @Test
  void diffPrintsAUnifiedDiffOfTheChangeOnStdout() throws IOException {
    byte[] before = staleOutput();

    CliRun run = generate("--check", "--diff");

    assertEquals(1, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("--- a/" + output.toString().substring(1), lines.get(0));
    assertEquals("+++ b/" + output.toString().substring(1), lines.get(1));
    assertTrue(lines.get(2).startsWith("@@ -"), lines.get(2));
    assertTrue(lines.contains("+        \"subnet\": \"10.0.4.0/24\""), run.out());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("-") && !l.startsWith("---")), "nothing removed");
    assertUntouched(before);
  }

  @Test
  void diffWithoutCheckWritesAndPrintsTheDiff() throws IOException {
    staleOutput();

    CliRun run = generate("--diff");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("--- a/"), run.out());
    assertTrue(Files.readString(output).contains("10.0.4.0/24"));
  }

  @Test
  void diffOfAnUpToDateFileIsEmpty() throws IOException {
    assertEquals(0, generate().exit());

    CliRun run = generate("--check", "--diff");

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void diffAgainstAMissingFileComesFromDevNull() {
    CliRun run = generate("--check", "--diff");

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().startsWith("--- /dev/null\n+++ b/"), run.out());
    assertTrue(run.out().lines().skip(3).allMatch(l -> l.startsWith("+")), run.out());
  }

  // --backup

  @Test
  void backupKeepsTheReplacedFileWithItsPermissions() throws IOException {
    byte[] before = staleOutput();
    Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rw-r-----"));

    CliRun run = generate("--backup");

    assertEquals(0, run.exit(), run.err());
    Path backup = dir.resolve("kea-dhcp4.conf.bak");
    assertArrayEquals(before, Files.readAllBytes(backup));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
    assertTrue(Files.readString(output).contains("10.0.4.0/24"));
    assertEquals(List.of("kea-dhcp4.conf", "kea-dhcp4.conf.bak", "snapshot.json"), files(), "no temporary file");
  }

  @Test
  void noBackupWhenNothingChangesOrWithoutTheOption() throws IOException {
    assertEquals(0, generate("--backup").exit());
    assertEquals(0, generate("--backup").exit());
    write("snapshot.json", Fixtures.snapshot(5));
    assertEquals(0, generate().exit());

    assertEquals(List.of("kea-dhcp4.conf", "snapshot.json"), files());
  }

  // --output-format json

  @Test
  void jsonFormatPrintsOneObjectPerFindingAndASummary() throws IOException {
    write("snapshot.json", Fixtures.snapshot(2).replace("{\"id\": \"d0\", \"name\": \"host0\"}",
        "{\"id\": \"d0\", \"name\": \"host0\", \"ztp_enabled\": false}"));

    CliRun run = generate("--output-format", "json", "--detailed-exitcode");

    assertEquals(2, run.exit(), run.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.errLines()) {
      lines.add(JSON.readTree(line));
    }
    assertEquals(2, lines.size(), run.err());
    JsonNode warning = lines.get(0);
    assertEquals("finding", warning.path("kind").asText());
    assertEquals("warning", warning.path("severity").asText());
    assertEquals("reserve-ztp-disabled", warning.path("code").asText());
    assertTrue(warning.path("object").asText().contains("10.0.0.10/24"), warning.toString());
    assertFalse(warning.path("message").asText().isEmpty());
    assertTrue(warning.has("hint"));
    JsonNode summary = lines.get(1);
    assertEquals("summary", summary.path("kind").asText());
    assertEquals(2, summary.path("subnets").asInt());
    assertEquals(2, summary.path("pools").asInt());
    assertEquals(1, summary.path("reservations").asInt());
    assertEquals(1, summary.path("warnings").asInt());
    assertEquals(0, summary.path("errors").asInt());
    assertEquals(output.toString(), summary.path("output").asText());
    assertTrue(summary.path("changed").asBoolean());
    assertTrue(summary.path("written").asBoolean());
  }

  @Test
  void jsonFormatReportsErrorsAsObjectsAndAFailedSummary() throws IOException {
    write("snapshot.json", Fixtures.unresolvable());

    CliRun run = generate("--output-format=json");

    assertEquals(1, run.exit());
    List<String> lines = run.errLines();
    JsonNode error = JSON.readTree(lines.get(0));
    assertEquals("error", error.path("severity").asText());
    assertEquals("reserve-no-interface", error.path("code").asText());
    JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("summary", summary.path("kind").asText());
    assertEquals(1, summary.path("errors").asInt());
    assertFalse(summary.path("written").asBoolean());
  }

  @Test
  void jsonFormatReportsAUsageErrorAsOneObject() throws IOException {
    CliRun run = CliRun.of("generate", "--output-format", "json", "--snapshot", snapshot.toString(), "--colour");

    assertEquals(64, run.exit());
    assertEquals(1, run.errLines().size(), run.err());
    JsonNode usage = JSON.readTree(run.err());
    assertEquals("usage", usage.path("code").asText());
    assertEquals("keagen generate", usage.path("object").asText());
    assertTrue(usage.path("message").asText().contains("--colour"), usage.toString());
  }

  // usage errors of these modes

  @Test
  void modesThatCompareWithAFileNeedAnOutputFile() {
    for (String mode : List.of("--check", "--diff", "--detailed-exitcode", "--backup")) {
      CliRun run = CliRun.of("generate", "--snapshot", snapshot.toString(), mode);

      assertEquals(64, run.exit(), mode);
      assertTrue(run.err().startsWith(mode + " compares with an output file: give -o FILE"), run.err());
    }
  }

  @Test
  void aUsageErrorPointsToTheCommandsHelp() {
    CliRun run = CliRun.of("generate", "--snapshot", snapshot.toString(), "--check");

    assertEquals("Try 'keagen generate --help' for more information.", run.summary());
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    CliRun run = CliRun.of("generate", "--help");

    assertEquals(0, run.exit());
    assertTrue(run.out().contains("Examples:\n  keagen generate --snapshot snapshot.json -o kea-dhcp4.conf"), run.out());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains(" 2   with --detailed-exitcode"), run.out());
    assertFalse(run.err().contains("WARN"), run.err());
  }
}
