package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.pipeline.Generation;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.source.SourceException;

/**
 * Against a real NetBox 4.7 installed and seeded by {@code scripts/netbox/setup.sh}: what {@code
 * keagen generate --source netbox} would produce equals the golden config, passes {@code kea-dhcp4
 * -t}, and equals what the recorded snapshot of the same data produces. Runs when
 * {@code KEAGEN_NETBOX_URL} and {@code KEAGEN_NETBOX_TOKEN_FILE} are set, and skips loudly otherwise.
 */
class NetboxIntegrationTest {
  private static final String GOLDEN = "netbox/integration/kea-dhcp4.conf";
  private static final String SETUP_HINT = "run scripts/netbox/setup.sh, then"
      + " 'source /var/tmp/keagen-netbox/env' (it sets KEAGEN_NETBOX_URL and KEAGEN_NETBOX_TOKEN_FILE)";

  private static String url;
  private static String token;

  static {
    url = System.getenv("KEAGEN_NETBOX_URL");
    String tokenFile = System.getenv("KEAGEN_NETBOX_TOKEN_FILE");
    if (url == null || url.isBlank() || tokenFile == null || tokenFile.isBlank()) {
      url = null;
      System.err.println("""

          ************************************************************************************
          * SKIPPING NetboxIntegrationTest: no real NetBox configured.                         *
          * To run it: bash scripts/netbox/setup.sh && source /var/tmp/keagen-netbox/env      *
          ************************************************************************************
          """);
    } else {
      try {
        token = Files.readString(Path.of(tokenFile)).strip();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read KEAGEN_NETBOX_TOKEN_FILE " + tokenFile, e);
      }
    }
  }

  @BeforeEach
  void requireNetbox() {
    Assumptions.assumeTrue(url != null, "no NetBox: " + SETUP_HINT);
  }

  private static NetboxSourceConfig.Builder config(String tokenText, RecordingSink sink) {
    return NetboxSourceConfig.builder(url, () -> tokenText).progress(sink);
  }

  @Test
  void generatesTheGoldenConfigAcceptedByKea() throws Exception {
    RecordingSink sink = new RecordingSink();
    NetboxSource source = NetboxSource.of(config(token, sink).build());
    Snapshot snapshot = source.fetch();

    assertEquals("netbox", snapshot.source().kind());
    // the live server gives exactly what the recorded 4.7 fixture of the unit tests gives
    Golden.assertMatches("netbox/expected/snapshot-4.7.json",
        NetboxSourceTest.normalized(snapshot, "https://netbox.example.net"));
    assertTrue(snapshot.source().version().startsWith("4.7"), snapshot.source().version());
    assertEquals(3, snapshot.prefixes().size(), "three prefixes are tagged dhcp-subnet");
    assertEquals(6, snapshot.reservedAddresses().size());
    assertEquals(43, snapshot.poolAddresses().size());
    assertEquals(6, snapshot.devices().size());
    Device leaf03 = snapshot.devices().stream().filter(d -> d.name().equals("leaf03")).findFirst().orElseThrow();
    assertEquals(Boolean.FALSE, leaf03.ztpEnabled());
    Device leaf02 = snapshot.devices().stream().filter(d -> d.name().equals("leaf02")).findFirst().orElseThrow();
    assertEquals("[\"10.10.0.52\"]", leaf02.configContext().at("/ztp/ipv4").toString(),
        "the rendered config context includes the device's local context data");

    Generation generation = Generator.run(snapshot, GenerationOptions.defaults().withKeaVersion(KeaVersion.V2_2));
    assertTrue(generation.ok(), () -> lines(generation.diagnostics()));
    assertTrue(generation.warnings().stream().anyMatch(d -> d.code() == DiagnosticCode.RESERVE_ZTP_DISABLED
        && d.object().contains("leaf03")), () -> lines(generation.warnings()));
    Golden.assertMatches(GOLDEN, generation.configText());

    if (KeaCheck.binary() != null) {
      KeaCheck.Result kea = KeaCheck.check(generation.configText());
      assertTrue(kea.ok(), "kea-dhcp4 -t rejected the config:\n" + kea.output());
    } else {
      System.err.println("NetboxIntegrationTest: kea-dhcp4 not installed, -t check skipped");
    }

    // the recorded snapshot gives the same config: 'keagen snapshot' then '--source snapshot'
    String recorded = SnapshotJson.write(snapshot);
    SnapshotJson.ReadResult replay = SnapshotJson.read(recorded, "recorded.json");
    assertTrue(replay.ok(), () -> lines(replay.diagnostics()));
    assertEquals(snapshot, replay.snapshot());
    assertEquals(generation.configText(), Generator.run(replay.snapshot(), GenerationOptions.defaults().withKeaVersion(KeaVersion.V2_2)).configText());

    assertFalse(recorded.contains(token), "the snapshot holds the token");
    assertFalse(sink.all().contains(token), "progress, warning or debug output holds the token");
    assertTrue(source.lastStats().requests() <= 6,
        "status, three tagged lists, one interface batch, one device batch; made " + source.lastStats());
  }

  @Test
  void aV1TokenReadsTheSameData() throws Exception {
    String v1File = System.getenv("KEAGEN_NETBOX_TOKEN_V1_FILE");
    Assumptions.assumeTrue(v1File != null && Files.exists(Path.of(v1File)),
        "KEAGEN_NETBOX_TOKEN_V1_FILE not set (setup.sh writes it)");
    String v1 = Files.readString(Path.of(v1File)).strip();
    Snapshot viaV1 = NetboxSource.of(config(v1, new RecordingSink()).build()).fetch();
    Snapshot viaV2 = NetboxSource.of(config(token, new RecordingSink()).build()).fetch();
    assertEquals(SnapshotJson.write(viaV2), SnapshotJson.write(viaV1));
  }

  @Test
  void smallPagesAndOneWorkerReadTheSameData() throws Exception {
    RecordingSink sink = new RecordingSink();
    NetboxSource paged = NetboxSource.of(config(token, sink).pageSize(7).parallelism(1).build());
    Snapshot small = paged.fetch();
    Snapshot normal = NetboxSource.of(config(token, new RecordingSink()).build()).fetch();
    assertEquals(SnapshotJson.write(normal), SnapshotJson.write(small));
    assertTrue(paged.lastStats().requests() > 10, "43 pool addresses in pages of 7 need 7 requests alone");
  }

  @Test
  void aWrongTokenIsRefusedWithTheUrlAndStatusButNotTheToken() {
    String wrong = "nbt_AAAAAAAAAAAA.thisIsNotTheRightSecretAtAll0123456789";
    RecordingSink sink = new RecordingSink();
    SourceException e = assertThrows(SourceException.class,
        () -> NetboxSource.of(config(wrong, sink).build()).fetch());
    assertTrue(e.getMessage().contains("401") || e.getMessage().contains("403"), e.getMessage());
    assertTrue(e.getMessage().contains(url), e.getMessage());
    assertFalse((e.getMessage() + e.hint() + sink.all()).contains("thisIsNotTheRightSecret"));
  }

  @Test
  void anUnknownTagIsAClearError() {
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(
        config(token, new RecordingSink()).subnetTag("no-such-tag").build()).fetch());
    assertTrue(e.getMessage().contains("400"), e.getMessage());
    assertTrue(e.getMessage().contains("no-such-tag"), e.getMessage());
    assertNotNull(e.hint());
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return String.join("\n", diagnostics.stream().map(Diagnostic::toLine).toList());
  }
}
