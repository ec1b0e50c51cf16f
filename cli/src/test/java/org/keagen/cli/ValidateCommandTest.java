package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String err) {}

  private static Run keagen(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = KeagenCommand.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Run(commandLine.execute(args), err.toString());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("kea-dhcp4.conf"), text, StandardCharsets.UTF_8);
  }

  private static final String VALID = """
      {"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/24", "pools": [{"pool": "10.0.0.100-10.0.0.200"}],
        "option-data": [{"name": "routers", "data": "10.0.0.1"}]}]}}
      """;

  @Test
  void aValidConfigExitsZeroAndSaysSo() throws IOException {
    Run run = keagen("validate", write(VALID).toString(), "--kea-version", "2.2");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("is valid for Kea 2.2"), run.err());
  }

  @Test
  void eachFindingIsOneLineAndAnInvalidConfigExitsOne() throws IOException {
    Run run = keagen("validate", write(VALID.replace("10.0.0.100-10.0.0.200", "10.0.1.100-10.0.1.200")
        .replace("\"10.0.0.1\"", "\"10.0.0.1\"}, {\"name\": \"default-ip-ttl\", \"data\": \"300\"")).toString(),
        "--kea-version", "2.6");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("error[pool-outside-its-subnet] subnet 10.0.0.0/24 pool")), run.err());
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("error[option-data-invalid]") && l.contains("default-ip-ttl")),
        run.err());
  }

  @Test
  void aKeyTheTargetVersionLacksIsAFinding() throws IOException {
    Run run = keagen("validate", write(VALID.replace("{\"Dhcp4\": {", "{\"Dhcp4\": {\"reservation-mode\": \"all\", "))
        .toString(), "--kea-version", "3.0");
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("error[key-not-in-version] Dhcp4: \"reservation-mode\" is not accepted by Kea 3.0"), run.err());
  }

  @Test
  void aFileThatIsNoJsonIsOneFindingNotAStackTrace() throws IOException {
    Run run = keagen("validate", write("Dhcp4 {").toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("error[schema-invalid]") && !run.err().contains("Exception"), run.err());
  }

  @Test
  void aMissingFileExitsOneAndAnUnknownVersionIsAUsageError() {
    assertEquals(1, keagen("validate", dir.resolve("absent.conf").toString()).exit());
    assertEquals(64, keagen("validate", "x.conf", "--kea-version", "1.9").exit());
  }

  @Test
  void jsonFormatPrintsOneObjectPerFindingAndASummary() throws IOException {
    Run run = keagen("validate", write(VALID.replace("10.0.0.100-10.0.0.200", "10.0.1.100-10.0.1.200")).toString(),
        "--kea-version", "2.6", "--output-format", "json");

    assertEquals(1, run.exit(), run.err());
    java.util.List<String> lines = run.err().lines().toList();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode finding = json.readTree(lines.get(0));
    assertEquals("pool-outside-its-subnet", finding.path("code").asText());
    assertEquals("error", finding.path("severity").asText());
    com.fasterxml.jackson.databind.JsonNode summary = json.readTree(lines.get(lines.size() - 1));
    assertEquals("summary", summary.path("kind").asText());
    assertEquals(false, summary.path("valid").asBoolean());
    assertEquals("2.6", summary.path("kea_version").asText());
    for (String line : lines) {
      json.readTree(line);
    }
  }
}
