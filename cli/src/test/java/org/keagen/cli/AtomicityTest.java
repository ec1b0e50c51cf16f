package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.cli.source.SnapshotProvider;
import org.keagen.cli.source.SourceFactory;
import org.keagen.cli.source.SourceKind;
import org.keagen.cli.source.SourceSettings;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.source.SourceAdapter;
import org.keagen.source.SourceException;

/**
 * The output stays untouched whenever a run fails: the source failing after it sent part of its
 * data, a snapshot cut short, a generation error, a failed rename. And what the source seam
 * receives from the command line and the config file, with the token never printed.
 */
class AtomicityTest {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
  private static final String TOKEN = "0123456789abcdef0123-super-secret";

  @TempDir
  Path dir;

  Path output;
  byte[] before;

  @BeforeEach
  void existingOutput() throws IOException {
    Path snapshot = Files.writeString(dir.resolve("good.json"), Fixtures.snapshot(3), StandardCharsets.UTF_8);
    output = dir.resolve("kea-dhcp4.conf");
    assertEquals(0, CliRun.of("generate", "--snapshot", snapshot.toString(), "-o", output.toString()).exit());
    Files.setLastModifiedTime(output, LONG_AGO);
    before = Files.readAllBytes(output);
  }

  private void assertUntouched() throws IOException {
    assertArrayEquals(before, Files.readAllBytes(output));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(output));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(),
          "no temporary file is left");
    }
  }

  /**
   * A NetBox that answers some pages, then drops the connection: the adapter has read part of the
   * data when it fails, as a real one does on a connection reset in the middle of paging.
   */
  private static final class FailingMidway implements SourceAdapter {
    final List<String> pagesRead = new ArrayList<>();

    @Override
    public org.keagen.snapshot.Snapshot fetch() throws SourceException {
      String partial = Fixtures.snapshot(1);
      pagesRead.add(partial);
      pagesRead.add(partial);
      throw new SourceException("connection reset while reading page 3 of 7 of /api/ipam/ip-addresses/",
          "check the server and run again");
    }
  }

  private CliEnvironment withNetbox(SourceAdapter adapter, AtomicReference<SourceSettings> seen) {
    SourceFactory factory = settings -> {
      seen.set(settings);
      if (settings.kind() != SourceKind.netbox) {
        return SourceFactory.standard().open(settings);
      }
      return SnapshotProvider.of(adapter, settings.describe());
    };
    return new CliEnvironment(Map.of("NETBOX_TOKEN", TOKEN)::get, factory);
  }

  @Test
  void aSourceFailingAfterPartialDataLeavesTheOutputUntouched() throws IOException {
    FailingMidway adapter = new FailingMidway();
    AtomicReference<SourceSettings> seen = new AtomicReference<>();

    CliRun run = CliRun.of(withNetbox(adapter, seen), "generate", "--source", "netbox", "--url",
        "https://netbox.example.net", "-o", output.toString(), "--detailed-exitcode", "--force");

    assertEquals(1, run.exit(), run.err());
    assertEquals(2, adapter.pagesRead.size(), "the source had sent part of its data");
    assertEquals(List.of("error[source-failed] netbox https://netbox.example.net: connection reset while reading"
        + " page 3 of 7 of /api/ipam/ip-addresses/ (fix: check the server and run again)",
        "keagen: 1 errors, nothing written"), run.errLines());
    assertUntouched();
    assertFalse(run.err().contains(TOKEN));
  }

  @Test
  void aSnapshotCutShortLeavesTheOutputUntouched() throws IOException {
    String whole = Fixtures.snapshot(6);
    Path cut = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.length() / 2));

    CliRun run = CliRun.of("generate", "--snapshot", cut.toString(), "-o", output.toString(), "--force");

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error[snapshot-invalid] " + cut + ": not valid JSON at line "), run.err());
    assertUntouched();
  }

  @Test
  void aGenerationErrorLeavesTheOutputUntouched() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), Fixtures.unresolvable());

    CliRun run = CliRun.of("generate", "--snapshot", bad.toString(), "-o", output.toString(), "--force", "--backup");

    assertEquals(1, run.exit());
    assertUntouched();
    assertFalse(Files.exists(dir.resolve("kea-dhcp4.conf.bak")));
  }

  @Test
  void aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws IOException {
    // a non-empty directory cannot be replaced by a file: the rename fails after the bytes are written
    Path target = Files.createDirectory(dir.resolve("target"));
    Files.writeString(target.resolve("inside"), "kept");

    assertThrows(IOException.class, () -> AtomicWrite.ifChanged(target, "new".getBytes(StandardCharsets.UTF_8),
        "old".getBytes(StandardCharsets.UTF_8), warning -> { }));

    assertEquals("kept", Files.readString(target.resolve("inside")));
    assertUntouched();
  }

  // what reaches the source seam

  @Test
  void theSeamGetsEverySettingFromTheConfigFileAndTheCommandLine() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("netbox.token"), TOKEN + "\n");
    Path config = Files.writeString(dir.resolve("keagen.yaml"), """
        source: netbox
        url: https://netbox.example.net/
        token-file: netbox.token
        tags: {subnet: kea-subnet, pool: kea-pool}
        custom-fields: {gateway: gw, ztp-enabled: ""}
        page-size: 200
        parallelism: 2
        filter: {vrf: red}
        """);
    AtomicReference<SourceSettings> seen = new AtomicReference<>();
    SourceAdapter snapshotOfThree = () -> SnapshotJson.read(Fixtures.snapshot(3), "netbox").snapshot();

    CliRun run = CliRun.of(withNetbox(snapshotOfThree, seen), "snapshot", "--config", config.toString(),
        "--reserve-tag", "kea-reserve", "--insecure", "--location", "dc1");

    assertEquals(0, run.exit(), run.err());
    SourceSettings settings = seen.get();
    assertEquals(SourceKind.netbox, settings.kind());
    assertEquals("https://netbox.example.net/", settings.url());
    assertEquals(TOKEN, settings.token().supplier().get());
    assertEquals("the token file " + tokenFile, settings.token().origin());
    assertEquals(new SourceSettings.Tags("kea-subnet", "kea-pool", "kea-reserve"), settings.tags());
    assertEquals(new SourceSettings.CustomFields("gw", null, "", null), settings.fields());
    assertEquals(200, settings.pageSize());
    assertEquals(2, settings.parallelism());
    assertTrue(settings.insecure());
    assertEquals("location dc1, vrf red", settings.filter().describe());
    assertFalse(settings.toString().contains(TOKEN), settings.toString());
    assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN));
  }

  @Test
  void theTokenComesFromTheEnvironmentWhenNoFileIsGiven() {
    AtomicReference<SourceSettings> seen = new AtomicReference<>();

    CliRun run = CliRun.of(withNetbox(() -> SnapshotJson.read(Fixtures.snapshot(1), "n").snapshot(), seen),
        "snapshot", "--source", "netbox", "--url", "http://127.0.0.1:8000");

    assertEquals(0, run.exit(), run.err());
    assertEquals("$NETBOX_TOKEN", seen.get().token().origin());
  }

  @Test
  void missingOrMalformedSourceSettingsAreUsageErrorsThatEchoNoSecret() throws IOException {
    CliEnvironment noToken = CliEnvironment.of(Map.of());
    CliEnvironment token = CliEnvironment.of(Map.of("NAUTOBOT_TOKEN", TOKEN));

    assertUsage(CliRun.of(noToken, "generate", "--source", "nautobot"), "--source nautobot needs --url URL");
    assertUsage(CliRun.of(noToken, "generate", "--source", "nautobot", "--url", "https://n.example.net"),
        "--source nautobot needs an API token: set NAUTOBOT_TOKEN or give --token-file FILE");
    assertUsage(CliRun.of(token, "generate", "--source", "nautobot", "--url", "ftp://n.example.net"),
        "--url ftp://n.example.net: expected http:// or https://");
    CliRun credentials = CliRun.of(token, "generate", "--source", "nautobot", "--url",
        "https://admin:" + TOKEN + "@n.example.net");
    assertUsage(credentials, "--url: the URL carries credentials; give the token with --token-file or NAUTOBOT_TOKEN");
    assertFalse(credentials.err().contains(TOKEN), credentials.err());
    assertUsage(CliRun.of(token, "generate", "--source", "nautobot", "--url", "https://n.example.net",
        "--parallelism", "65"), "--parallelism: expected 1 to 64");
    assertUsage(CliRun.of(token, "generate", "--source", "nautobot", "--url", "https://n.example.net",
        "--gateway-relationship", "prefix-to-gw"), "--gateway-relationship: expected a field name");
    CliRun badTag = CliRun.of(token, "generate", "--source", "nautobot", "--url", "https://n.example.net",
        "--page-size", "20000");
    assertEquals(64, badTag.exit(), badTag.err());
    assertTrue(badTag.err().startsWith("nautobot https://n.example.net: pageSize must be 1 to 10000"), badTag.err());
    assertFalse(badTag.err().contains(TOKEN), badTag.err());
  }

  @Test
  void anUnreadableOrEmptyTokenFileIsAnError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.token"), "\n");
    Path missing = dir.resolve("missing.token");

    CliRun emptyRun = CliRun.of("generate", "--source", "netbox", "--url", "https://nb.example.net", "--token-file",
        empty.toString(), "-o", output.toString());
    CliRun missingRun = CliRun.of("generate", "--source", "netbox", "--url", "https://nb.example.net",
        "--token-file", missing.toString());

    assertEquals(1, emptyRun.exit());
    assertTrue(emptyRun.err().startsWith("error[file-unreadable] " + empty + ": the token file is empty"),
        emptyRun.err());
    assertEquals(1, missingRun.exit());
    assertTrue(missingRun.err().startsWith("error[file-unreadable] " + missing
        + ": cannot read the token file: no such file or directory"), missingRun.err());
    assertUntouched();
  }

  private static void assertUsage(CliRun run, String start) {
    assertEquals(64, run.exit(), run.err());
    assertTrue(run.err().startsWith(start), run.err());
  }
}
