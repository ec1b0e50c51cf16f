package org.keagen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.resolve.SubnetIdHistory;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.validate.KeaConfigValidator;

/**
 * Any bytes as a snapshot file, then through the whole pipeline; any bytes as an existing output
 * file. Never an exception, never a hang: only diagnostics, or a config that is JSON.
 */
class SnapshotReaderFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void snapshotBytesGiveDiagnosticsOrAConfig(byte[] input) throws Exception {
    long start = System.nanoTime();
    SnapshotJson.ReadResult read = SnapshotJson.read(input, "fuzz.json");
    if (!read.ok()) {
      assertFalse(read.diagnostics().isEmpty(), "a refused snapshot says why");
      return;
    }
    // the canonical form reads back to the same canonical form
    String canonical = SnapshotJson.write(read.snapshot());
    SnapshotJson.ReadResult again = SnapshotJson.read(canonical, "canonical.json");
    assertTrue(again.ok(), () -> again.diagnostics().toString());
    assertEquals(canonical, SnapshotJson.write(again.snapshot()));

    Generation generation = Generator.run(read.snapshot(), GenerationOptions.defaults());
    if (generation.ok()) {
      JsonNode config = JSON.readTree(generation.configText());
      assertTrue(config.path("Dhcp4").isObject());
      assertTrue(generation.configText().endsWith("\n"));
    } else {
      assertTrue(generation.diagnostics().stream().anyMatch(Diagnostic::isError), "a failed run has an error");
    }
    Slow.check(start, input);
  }

  @FuzzTest
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void existingOutputBytesGiveDiagnosticsOrSubnetIds(byte[] input) {
    long start = System.nanoTime();
    SubnetIdHistory.ReadResult ids = SubnetIdHistory.fromKeaConfig(input, "kea-dhcp4.conf");
    assertNotNull(ids.history());
    String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    List<Diagnostic> findings = KeaConfigValidator.validate(text, "kea-dhcp4.conf", KeaVersion.newest());
    assertNotNull(findings);
    Slow.check(start, input);
  }
}
