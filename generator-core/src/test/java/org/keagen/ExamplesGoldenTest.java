package org.keagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Golden tests: each {@code examples/<case>/snapshot.json} generates exactly its expected config
 * for every Kea version, byte for byte, and the same bytes on every run: {@code kea-dhcp4.conf}
 * for Kea 2.2 (Debian 12's Kea, which the suite also runs {@code kea-dhcp4 -t} on) and {@code
 * kea-<version>.json} for the others (checked against their version's schema while generating).
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change;
 * review the diff before committing it.
 */
class ExamplesGoldenTest {
  private static final String UPDATE_COMMAND =
      "mvn -B test -pl generator-core -am -Dtest=ExamplesGoldenTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dgolden.update=true";

  /** The expected file of a version in an example's folder. */
  static String expectedFile(KeaVersion version) {
    return version == KeaVersion.V2_2 ? "kea-dhcp4.conf" : "kea-" + version.label() + ".json";
  }

  @TestFactory
  Stream<DynamicTest> everyExampleGeneratesItsExpectedConfigForEveryKeaVersion() {
    assertFalse(ExampleFiles.exampleDirs().isEmpty(), "no examples/*/snapshot.json found");
    return ExampleFiles.exampleDirs().stream().flatMap(dir -> Arrays.stream(KeaVersion.values())
        .map(version -> DynamicTest.dynamicTest(dir.getFileName() + " for " + version, () -> check(dir, version))));
  }

  private static void check(Path dir, KeaVersion version) throws Exception {
    String config = generate(dir, version);
    assertEquals(config, generate(dir, version), "a second run gave different bytes");
    assertTrue(config.endsWith("\n") && !config.contains("\r"), "the config ends in LF and has no CR");

    Path expected = dir.resolve(expectedFile(version));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, config, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.isRegularFile(expected)) {
      fail(expected + " does not exist. Generate it with\n  " + UPDATE_COMMAND
          + "\nthen review it (it must be what Kea should get) and commit it.");
    }
    String want = Files.readString(expected, StandardCharsets.UTF_8);
    JSONAssert.assertEquals(expected + " differs from the generated config", want, config, JSONCompareMode.STRICT);
    assertArrayEquals(want.getBytes(StandardCharsets.UTF_8), config.getBytes(StandardCharsets.UTF_8),
        expected + " has the same JSON but not the same bytes (key order, indentation, line ends?); "
            + "rewrite it with -Dgolden.update=true");
  }

  /** Reads the example's snapshot afresh and generates its config; fails on any error. */
  private static String generate(Path dir, KeaVersion version) throws IOException {
    Path file = dir.resolve("snapshot.json");
    SnapshotJson.ReadResult read = SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    assertTrue(read.ok(), () -> file + " does not read:\n" + lines(read.diagnostics().stream()));
    Snapshot snapshot = read.snapshot();
    Generation generation = Generator.run(snapshot, GenerationOptions.defaults().withKeaVersion(version));
    assertTrue(generation.ok(), () -> file + " does not generate:\n" + lines(generation.diagnostics().stream()));
    return generation.configText();
  }

  private static String lines(Stream<Diagnostic> diagnostics) {
    return diagnostics.map(Diagnostic::toLine).collect(Collectors.joining("\n"));
  }
}
