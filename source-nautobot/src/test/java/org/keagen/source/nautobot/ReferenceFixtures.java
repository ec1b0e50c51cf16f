package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.resolve.SubnetIdHistory;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.snapshot.SourceInfo;
import org.keagen.source.SourceException;

/**
 * The reference's test resources, read in place from the shared folder ({@code keagen.shared.dir},
 * set by Maven) and never copied into this repository, and the inputs its tests build from them.
 */
final class ReferenceFixtures {
  static final String AUTO_SUBNETS = "auto_dhcp_subnets.json";
  static final String AUTO_SUBNETS_ERRORS = "auto_dhcp_subnets_errors.json";
  static final String CONTEXTS = "dhcp_contexts.json";
  static final String CONTEXTS_ERRORS = "dhcp_contexts_errors.json";
  static final String STATIC_DATA = "static_data.json";
  static final String SITE_OPTIONS = "site_dhcp_options.json";
  static final String EXPECTED = "expected_dhcp4_config.json";

  private static final ObjectMapper MAPPER = SnapshotJson.newMapper();

  private ReferenceFixtures() {}

  static Path dir() {
    String shared = System.getProperty("keagen.shared.dir");
    assertNotNull(shared, "system property keagen.shared.dir is not set; run the tests through Maven");
    Path dir = Path.of(shared, "conformance", "nv-config-manager", "resources");
    if (!Files.isDirectory(dir)) {
      String missing = "the reference resources are not at " + dir + ": keagen's repository is expected next to"
          + " the shared reference folder (../shared), or give its place with mvn -Dkeagen.shared.dir=DIR";
      // CI has the folder: there, its absence is a failure, not a skip
      assertFalse("1".equals(System.getenv("KEAGEN_REQUIRE_SHARED")), missing);
      Assumptions.assumeTrue(false, missing);
    }
    return dir;
  }

  static String text(String file) {
    try {
      return Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String file) {
    return parse(text(file));
  }

  /** The {@code data} object of a recorded GraphQL response. */
  static JsonNode data(String file) {
    return json(file).get("data");
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected config, {@code {"Dhcp4": ...}} including {@code lease-database}. */
  static JsonNode expectedConfig() {
    return json(EXPECTED);
  }

  /**
   * The full-fixture snapshot, mapped as the reference's test mock feeds its loader: {@code
   * auto_dhcp_subnets.json} answers all three auto-subnet queries.
   */
  static Snapshot referenceSnapshot() {
    return map(data(AUTO_SUBNETS), data(CONTEXTS), data(STATIC_DATA), data(SITE_OPTIONS));
  }

  static Snapshot map(JsonNode autoSubnets, JsonNode contexts, JsonNode staticData, JsonNode optionDefs) {
    try {
      return NautobotResponses.toSnapshot(SourceInfo.of("nautobot"),
          NautobotDocuments.of(autoSubnets, contexts, staticData, optionDefs));
    } catch (SourceException e) {
      throw new AssertionError("the reference fixture does not map: " + e.getMessage(), e);
    }
  }

  /**
   * The reference's tests use the expected file's {@code subnet4} as the previous config (their
   * Redis mock), so keagen gets the ids of that file.
   */
  static GenerationOptions options() {
    SubnetIdHistory.ReadResult previous = SubnetIdHistory.fromKeaConfig(text(EXPECTED), EXPECTED);
    assertEquals(List.of(), previous.diagnostics());
    return GenerationOptions.defaults().withSubnetIds(previous.history());
  }

  static Generation run(Snapshot snapshot) {
    return Generator.run(snapshot, options());
  }

  /** The generated config tree; fails listing the diagnostics when there is none. */
  static JsonNode config(Generation generation) {
    assertTrue(generation.ok(), () -> "keagen produced no config:\n" + lines(generation.diagnostics()));
    return parse(generation.configText());
  }

  static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.isEmpty() ? "(no diagnostics)"
        : diagnostics.stream().map(Diagnostic::toLine).collect(Collectors.joining("\n"));
  }
}
