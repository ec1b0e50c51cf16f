package org.keagen.source.nautobot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.source.nautobot.NautobotSource;
import org.keagen.source.nautobot.NautobotSourceConfig;
import org.keagen.source.nautobot.ProgressSink;

/**
 * Against a real Nautobot 3.2 (or 2.4: {@code KEAGEN_NAUTOBOT_VERSION=2.4.44}) installed and seeded
 * with {@code scripts/site/realistic-site.json} by {@code scripts/nautobot/setup.sh}: what {@code
 * keagen generate --source nautobot} (the defaults) produces for Kea 2.2 equals the golden config
 * and passes the
 * real {@code kea-dhcp4 -t}. Runs when {@code KEAGEN_NAUTOBOT_URL} and {@code
 * KEAGEN_NAUTOBOT_TOKEN_FILE} are set, and skips loudly otherwise.
 */
class NautobotIntegrationTest {
  static final String GOLDEN = "nautobot/integration/realistic-site.kea-2.2.conf";
  private LiveServers.Server server;

  @BeforeEach
  void requireNautobot() {
    server = LiveServers.nautobot();
  }

  /** The defaults ({@code keagen generate --source nautobot --url URL}), in pages of 10. */
  static NautobotSourceConfig config(LiveServers.Server server, ProgressSink sink) {
    return NautobotSourceConfig.builder(server.url(), server.token()).pageSize(10).progress(sink).build();
  }

  @Test
  void generatesTheGoldenConfigAcceptedByKea() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ProgressSink sink = new ProgressSink() {
      @Override
      public void progress(String stage, long done, boolean finished) {
        lines.add(stage + " " + done);
      }

      @Override
      public void warning(String message) {
        lines.add("warning " + message);
      }
    };
    Snapshot snapshot = NautobotSource.of(config(server, sink)).fetch();

    assertEquals("nautobot", snapshot.source().kind());
    assertTrue(snapshot.source().version().matches("(2\\.[3-9]|[3-9]\\.\\d+)\\..*"),
        "Nautobot 2.3 or later: " + snapshot.source().version());
    assertEquals(3, snapshot.prefixes().size(), "three prefixes are tagged dhcp-subnet");
    assertEquals(6, snapshot.reservedAddresses().size());
    assertEquals(43, snapshot.poolAddresses().size(), "pages of 10: several pages per list");
    assertEquals(6, snapshot.devices().size());
    Device leaf02 = device(snapshot, "leaf02");
    assertEquals("[\"10.10.0.52\"]", leaf02.configContext().at("/ztp/ipv4").toString(),
        "the rendered config context includes the device's local context data");
    assertEquals(Boolean.FALSE, device(snapshot, "leaf03").ztpEnabled());
    assertEquals("hall-a", device(snapshot, "server01").location());

    Generation generation = Generator.run(snapshot, GenerationOptions.defaults().withKeaVersion(KeaVersion.V2_2));
    assertNotNull(generation.configText(), () -> text(generation.diagnostics()));
    assertTrue(generation.warnings().stream().anyMatch(d -> d.code() == DiagnosticCode.RESERVE_ZTP_DISABLED
        && d.toString().contains("leaf03")), () -> text(generation.warnings()));
    Golden.assertMatches(GOLDEN, generation.configText());

    Path kea = KeaDhcp4Check.binary();
    if (kea == null) {
      System.err.println("*** NautobotIntegrationTest: kea-dhcp4 is not installed; the -t check is skipped ***");
    } else {
      KeaDhcp4Check.Result result = KeaDhcp4Check.check(kea, generation.configText());
      assertTrue(result.accepted(), "kea-dhcp4 -t rejected the config:\n" + result.output());
    }

    String token = Files.readString(server.tokenFile()).strip();
    assertFalse(String.join("\n", lines).contains(token), "progress output holds the token");
    assertFalse(SnapshotJson.write(snapshot).contains(token), "the snapshot holds the token");
  }

  private static Device device(Snapshot snapshot, String name) {
    return snapshot.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  static String text(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toLine).collect(Collectors.joining("\n"));
  }
}
