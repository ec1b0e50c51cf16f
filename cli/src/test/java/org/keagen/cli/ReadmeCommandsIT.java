package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell and CI commands, run as they are by bash in a copy of the repository's
 * examples, with {@code ./keagen} running this build's jar.
 */
class ReadmeCommandsIT {
  static final String SET_UP = "./keagen generate --source snapshot --snapshot"
      + " examples/cumulus-ztp-fabric/snapshot.json --kea-version 2.2";
  static final String MKDIR = "mkdir -p out";
  static final String GENERATE = "./keagen generate --config examples/keagen.yaml";
  static final String CHECK = "./keagen generate --config examples/keagen.yaml --check --diff";
  static final String DETAILED = "./keagen generate --config examples/keagen.yaml --detailed-exitcode";
  static final String COMPLETION = "source <(./keagen completion)";
  static final String CI = "./keagen generate --config examples/keagen.yaml --check --diff --output-format json"
      + " 2> keagen-findings.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  Path home;
  Path golden;

  @BeforeEach
  void copyOfTheExamples() throws IOException {
    RealTools.require("bash");
    home = Files.createDirectories(work.resolve("home"));
    Path repo = RealTools.repoDir();
    for (String file : List.of("examples/keagen.yaml", "examples/cumulus-ztp-fabric/snapshot.json")) {
      Files.createDirectories(work.resolve(file).getParent());
      Files.copy(repo.resolve(file), work.resolve(file));
    }
    golden = repo.resolve("examples/cumulus-ztp-fabric/kea-dhcp4.conf");
    RealTools.keagenWrapper(work, "keagen");
  }

  private RealTools.Result sh(String command) throws IOException, InterruptedException {
    assertTrue(RealTools.readme().contains(command), "the README shows: " + command);
    return RealTools.run(work, List.of(), home, Map.of(), 2, "bash", "-c", command);
  }

  /** Moves one leaf's reservation to another address: what a change in NetBox does. */
  private void changeTheSource() throws IOException {
    Path snapshot = work.resolve("examples/cumulus-ztp-fabric/snapshot.json");
    String text = Files.readString(snapshot);
    assertTrue(text.contains("10.40.0.21/24"));
    Files.writeString(snapshot, text.replace("10.40.0.21/24", "10.40.0.31/24"));
  }

  @Test
  void theSetUpCommandPrintsTheExamplesConfig() throws IOException, InterruptedException {
    RealTools.Result run = RealTools.run(work, List.of(), home, Map.of(), 2, "bash", "-c", SET_UP + " 2>/dev/null");

    assertTrue(RealTools.readme().contains(SET_UP));
    assertEquals(0, run.exit(), run.output());
    assertEquals(Files.readString(golden), run.output());
  }

  @Test
  void theShellCommandsWriteCheckAndReportChanges() throws IOException, InterruptedException {
    assertEquals(0, sh(MKDIR).exit());
    RealTools.Result generate = sh(GENERATE);
    assertEquals(0, generate.exit(), generate.output());
    Path output = work.resolve("out/kea-dhcp4.conf");
    assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(output));

    RealTools.Result upToDate = sh(CHECK);
    assertEquals(0, upToDate.exit(), upToDate.output());
    assertTrue(upToDate.output().endsWith("; out/kea-dhcp4.conf unchanged\n"), upToDate.output());

    changeTheSource();
    RealTools.Result stale = sh(CHECK);
    assertEquals(1, stale.exit(), stale.output());
    assertTrue(stale.output().contains("--- a/out/kea-dhcp4.conf\n+++ b/out/kea-dhcp4.conf\n"), stale.output());
    assertTrue(stale.output().lines().anyMatch(l -> l.startsWith("-") && l.contains("\"ip-address\": \"10.40.0.21\"")),
        stale.output());
    assertTrue(stale.output().lines().anyMatch(l -> l.startsWith("+") && l.contains("\"ip-address\": \"10.40.0.31\"")),
        stale.output());

    RealTools.Result changed = sh(DETAILED);
    assertEquals(2, changed.exit(), changed.output());
    assertTrue(Files.exists(work.resolve("out/kea-dhcp4.conf.bak")), "examples/keagen.yaml keeps a backup");
    assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(work.resolve("out/kea-dhcp4.conf.bak")));
    assertEquals(0, sh(DETAILED).exit());
  }

  @Test
  void completionLoadsIntoBash() throws IOException, InterruptedException {
    assertTrue(RealTools.readme().contains(COMPLETION));
    RealTools.Result run = RealTools.run(work, List.of(), home, Map.of(), 2, "bash", "-c",
        COMPLETION + "; complete -p keagen");

    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("-F _complete_keagen keagen"), run.output());
  }

  @Test
  void theCiCommandFailsOnDriftWithJsonFindings() throws IOException, InterruptedException {
    assertEquals(0, sh(MKDIR).exit());
    assertEquals(0, sh(GENERATE).exit());
    RealTools.Result clean = sh(CI);
    assertEquals(0, clean.exit(), clean.output());
    List<String> cleanLines = Files.readAllLines(work.resolve("keagen-findings.jsonl"));
    JsonNode cleanSummary = JSON.readTree(cleanLines.get(cleanLines.size() - 1));
    assertEquals("summary", cleanSummary.path("kind").asText());
    assertEquals(false, cleanSummary.path("changed").asBoolean());

    changeTheSource();
    RealTools.Result drift = sh(CI);
    assertEquals(1, drift.exit(), drift.output());
    assertTrue(drift.output().startsWith("--- a/out/kea-dhcp4.conf\n"), "the diff is on stdout: " + drift.output());
    List<String> lines = Files.readAllLines(work.resolve("keagen-findings.jsonl"));
    JsonNode warning = JSON.readTree(lines.get(0));
    assertEquals("reserve-ztp-disabled", warning.path("code").asText());
    JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("summary", summary.path("kind").asText());
    assertTrue(summary.path("changed").asBoolean());
    assertEquals(false, summary.path("written").asBoolean());
  }
}
