package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;

/** {@code keagen snapshot}: canonical rewriting, filtering, writing only on change, and its errors. */
class SnapshotCommandTest {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static Snapshot read(String text) {
    SnapshotJson.ReadResult read = SnapshotJson.read(text, "test");
    assertTrue(read.ok(), read.diagnostics().toString());
    return read.snapshot();
  }

  @Test
  void rewritesASnapshotCanonicallyOnStdout() throws IOException {
    String messy = Fixtures.snapshot(2);
    Path input = write("in.json", messy);

    CliRun run = CliRun.of("snapshot", "--snapshot", input.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(SnapshotJson.write(read(messy)), run.out());
    assertTrue(!messy.equals(run.out()), "the fixture is not canonical to begin with");
    assertEquals("keagen: snapshot of 2 prefixes, 22 pool addresses, 2 reserved addresses, 2 devices; written to"
        + " stdout", run.summary());
  }

  @Test
  void writesAFileOnlyWhenItChangesAndCanRewriteInPlace() throws IOException {
    Path file = write("snap.json", Fixtures.snapshot(2));

    CliRun first = CliRun.of("snapshot", "--snapshot", file.toString(), "-o", file.toString());
    Files.setLastModifiedTime(file, LONG_AGO);
    CliRun second = CliRun.of("snapshot", "--snapshot", file.toString(), "-o", file.toString());

    assertEquals(0, first.exit(), first.err());
    assertTrue(first.summary().endsWith(file + " changed"), first.summary());
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.summary().endsWith(file + " unchanged"), second.summary());
    assertEquals(LONG_AGO, Files.getLastModifiedTime(file));
    try (var files = Files.list(dir)) {
      assertEquals(java.util.List.of(file), files.toList(), "the new text, compared in a temporary file, is gone");
    }
  }

  @Test
  void filtersKeepOnlyTheSelectedPart() throws IOException {
    Path input = write("all.json", Fixtures.snapshot(4));
    Path config = write("keagen.yaml", "snapshot: all.json\nfilter: {location: dc2}\noutput: kea.conf\n");

    CliRun run = CliRun.of("snapshot", "--config", config.toString(), "-o", dir.resolve("dc2.json").toString());

    assertEquals(0, run.exit(), run.err());
    Snapshot dc2 = read(Files.readString(dir.resolve("dc2.json")));
    assertEquals(2, dc2.prefixes().size());
    assertTrue(dc2.prefixes().stream().allMatch(p -> p.location().equals("dc2")));
    assertEquals(2, dc2.devices().size());
    assertTrue(!Files.exists(dir.resolve("kea.conf")), "the config's output is the Kea config's, not used here");
  }

  @Test
  void anInvalidSnapshotIsAnErrorAndNothingIsWritten() throws IOException {
    Path input = write("bad.json", "{\"format\": \"keagen-snapshot/1\", \"prefixes\": [{}]}");
    Path out = dir.resolve("out.json");

    CliRun run = CliRun.of("snapshot", "--snapshot", input.toString(), "-o", out.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error[snapshot-invalid] " + input + " $.prefixes[0].id"), run.err());
    assertEquals("keagen: 2 errors, nothing written", run.summary());
    assertTrue(!Files.exists(out));
  }

  @Test
  void usageErrors() {
    assertEquals(64, CliRun.of("snapshot").exit(), "no snapshot file");
    CliRun netbox = CliRun.of(CliEnvironment.of(java.util.Map.of("NETBOX_TOKEN", "t")), "snapshot", "--source",
        "netbox", "--url", "https://nb.example.net", "--parallelism", "500");
    assertEquals(64, netbox.exit());
    assertTrue(netbox.err().contains("parallelism"), netbox.err());
  }
}
