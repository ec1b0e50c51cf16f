package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} driven by a config file ({@code --config} or {@code KEAGEN_CONFIG}): paths
 * relative to the file, command-line options over its keys, filters, the server template, and
 * usage errors for a bad file.
 */
class GenerateConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  Path site;

  @BeforeEach
  void setUp() throws IOException {
    site = Files.createDirectories(dir.resolve("sites/dc1"));
    Files.writeString(dir.resolve("snapshot.json"), Fixtures.snapshot(4), StandardCharsets.UTF_8);
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(site.resolve("keagen.yaml"), yaml, StandardCharsets.UTF_8);
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static List<String> subnets(JsonNode config) {
    List<String> cidrs = new ArrayList<>();
    config.at("/Dhcp4/subnet4").forEach(s -> cidrs.add(s.path("subnet").asText()));
    return cidrs;
  }

  @Test
  void aConfigFileNamesSourceOutputVersionAndFilterRelativeToItself() throws IOException {
    Path config = config("""
        source: snapshot
        snapshot: ../../snapshot.json
        output: kea-dhcp4.conf
        kea-version: 2.2
        filter:
          location: dc1
        """);

    CliRun run = CliRun.of("generate", "--config", config.toString());

    assertEquals(0, run.exit(), run.err());
    Path output = site.resolve("kea-dhcp4.conf");
    assertEquals("keagen: 2 subnets, 2 pools, 2 reservations, 0 warnings; " + output + " changed", run.summary());
    JsonNode written = read(output);
    assertEquals(List.of("10.0.0.0/24", "10.0.2.0/24"), subnets(written), "only dc1's prefixes");
    assertTrue(written.at("/Dhcp4/control-socket").isObject(), "rendered for Kea 2.2");
  }

  @Test
  void theEnvironmentVariableNamesTheConfigFile() throws IOException {
    Path config = config("snapshot: ../../snapshot.json\noutput: kea-dhcp4.conf\n");

    CliRun run = CliRun.of(CliEnvironment.of(Map.of("KEAGEN_CONFIG", config.toString())), "generate",
        "--detailed-exitcode");

    assertEquals(2, run.exit(), run.err());
    assertTrue(Files.exists(site.resolve("kea-dhcp4.conf")));
  }

  @Test
  void optionsOverrideTheConfigFileKeyByKey() throws IOException {
    Path config = config("""
        snapshot: ../../snapshot.json
        output: kea-dhcp4.conf
        kea-version: "2.2"
        filter:
          location: dc1
        """);
    Path otherConfig = Files.writeString(dir.resolve("other.yaml"), "output: never.conf\n");
    Path output = dir.resolve("elsewhere.conf");

    CliRun run = CliRun.of(CliEnvironment.of(Map.of("KEAGEN_CONFIG", otherConfig.toString())), "generate",
        "--config", config.toString(), "--kea-version", "3.0", "--location", "dc2", "-o", output.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode written = read(output);
    assertEquals(List.of("10.0.1.0/24", "10.0.3.0/24"), subnets(written), "--location dc2 replaced dc1");
    assertTrue(written.at("/Dhcp4/control-sockets").isArray(), "--kea-version 3.0 replaced 2.2");
    assertFalse(Files.exists(site.resolve("kea-dhcp4.conf")), "-o replaced the file's output");
    assertFalse(Files.exists(dir.resolve("never.conf")), "--config replaced KEAGEN_CONFIG");
  }

  @Test
  void aFilterDimensionNotGivenOnTheCommandLineStaysFromTheFile() throws IOException {
    Path config = config("""
        snapshot: ../../snapshot.json
        filter:
          location: dc1
          tenant: nobody
        """);

    CliRun run = CliRun.of("generate", "--config", config.toString(), "--location", "dc2");

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), subnets(JSON.readTree(run.out())), "the file's tenant filter still applies");
  }

  @Test
  void filtersOnTheCommandLineWithoutAConfigFile() throws IOException {
    CliRun run = CliRun.of("generate", "--snapshot", dir.resolve("snapshot.json").toString(), "--location", "dc2",
        "--location", "dc1", "--tenant", "ops");

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), subnets(JSON.readTree(run.out())), "no prefix has tenant ops");

    CliRun both = CliRun.of("generate", "--snapshot", dir.resolve("snapshot.json").toString(), "--location", "dc2",
        "--location", "dc1");
    assertEquals(4, subnets(JSON.readTree(both.out())).size());
  }

  @Test
  void theServerTemplateComesFromTheOptionOrTheConfigFile() throws IOException {
    Files.writeString(site.resolve("site.json.peb"), """
        {# dc1's skeleton #}
        {"Dhcp4": {"interfaces-config": {"interfaces": ["eth1"]}, "valid-lifetime": 600,
                   "lease-database": {"type": "memfile", "persist": false}}}
        """);
    Path config = config("snapshot: ../../snapshot.json\ntemplate: site.json.peb\n");

    CliRun run = CliRun.of("generate", "--config", config.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode written = JSON.readTree(run.out());
    assertEquals(600, written.at("/Dhcp4/valid-lifetime").asInt());
    assertEquals("eth1", written.at("/Dhcp4/interfaces-config/interfaces/0").asText());
    assertEquals(4, subnets(written).size(), "the generated subnets are merged into it");

    Path other = Files.writeString(dir.resolve("other.peb"), "{\"Dhcp4\": {\"valid-lifetime\": 700}}\n");
    CliRun overridden = CliRun.of("generate", "--config", config.toString(), "--template", other.toString());
    assertEquals(700, JSON.readTree(overridden.out()).at("/Dhcp4/valid-lifetime").asInt());
  }

  @Test
  void aTemplateThatIsNotJsonIsADiagnosticWithTheLine() throws IOException {
    Path template = Files.writeString(dir.resolve("broken.peb"), """
        {"Dhcp4": {
          "valid-lifetime": 600,
          "loggers": [ oops ]
        }}
        """);
    Path output = Files.writeString(dir.resolve("kea.conf"), "{\"Dhcp4\": {}}\n");

    CliRun run = CliRun.of("generate", "--snapshot", dir.resolve("snapshot.json").toString(), "--template",
        template.toString(), "-o", output.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error[skeleton-invalid] server template " + template
        + ": does not render to valid JSON at line 3, column "), run.err());
    assertEquals("{\"Dhcp4\": {}}\n", Files.readString(output));
  }

  @Test
  void aMissingTemplateIsAnError() {
    Path missing = dir.resolve("missing.peb");

    CliRun run = CliRun.of("generate", "--snapshot", dir.resolve("snapshot.json").toString(), "--template",
        missing.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("error[file-unreadable] " + missing
        + ": cannot read the server template: no such file or directory"), run.err());
  }

  // usage errors from the config file

  @Test
  void anUnknownKeyIsAUsageErrorNamingKeyAndFile() throws IOException {
    Path config = config("snapshot: ../../snapshot.json\noutptu: kea.conf\n");

    CliRun run = CliRun.of("generate", "--config", config.toString());

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith(config + ": key 'outptu': unknown key; known keys are source, snapshot,"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    Path missing = dir.resolve("nope.yaml");

    CliRun run = CliRun.of(CliEnvironment.of(Map.of("KEAGEN_CONFIG", missing.toString())), "generate");

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith(missing + ": cannot read the config file: no such file or directory"), run.err());
  }

  @Test
  void aConfigWithoutASnapshotSaysWhatIsMissing() throws IOException {
    Path config = config("output: kea-dhcp4.conf\n");

    CliRun run = CliRun.of("generate", "--config", config.toString());

    assertEquals(64, run.exit());
    assertTrue(run.err().startsWith("Missing required option: '--snapshot=FILE' (with --source snapshot; or"
        + " 'snapshot' in the config file)"), run.err());
  }

  @Test
  void inJsonFormEachConfigProblemIsOneFinding() throws IOException {
    Path config = config("colour: blue\nkea-version: 1.0\n");

    CliRun run = CliRun.of("generate", "--config", config.toString(), "--output-format", "json");

    assertEquals(64, run.exit());
    List<String> lines = run.errLines();
    assertEquals(2, lines.size(), run.err());
    for (String line : lines) {
      JsonNode finding = JSON.readTree(line);
      assertEquals("usage", finding.path("code").asText());
      assertTrue(finding.path("message").asText().startsWith(config + ": key '"), line);
    }
  }
}
