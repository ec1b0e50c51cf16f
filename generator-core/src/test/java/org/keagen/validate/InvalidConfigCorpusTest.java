package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;

/**
 * The corpus of invalid Kea configs ({@code invalid-configs.json}): one per rule and per version
 * difference, each with the exact diagnostic code keagen must report.
 */
class InvalidConfigCorpusTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode corpus() throws Exception {
    try (InputStream in = InvalidConfigCorpusTest.class.getResourceAsStream("invalid-configs.json")) {
      return MAPPER.readTree(in);
    }
  }

  static KeaVersion version(JsonNode testCase) {
    return KeaVersion.parse(testCase.get("kea-version").asText()).orElseThrow();
  }

  @Test
  void theCorpusCoversAtLeastFortyCases() throws Exception {
    assertTrue(corpus().size() >= 40, "corpus has " + corpus().size() + " cases");
  }

  @Test
  void theBaseConfigIsValidForEveryVersion() throws Exception {
    JsonNode valid;
    try (InputStream in = getClass().getResourceAsStream("valid-config.json")) {
      valid = MAPPER.readTree(in);
    }
    for (KeaVersion version : KeaVersion.values()) {
      assertEquals(List.of(), KeaConfigValidator.validate(valid, version), version.toString());
    }
  }

  @TestFactory
  Stream<DynamicTest> eachInvalidConfigGivesExactlyItsCode() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode testCase : corpus()) {
      tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> {
        List<Diagnostic> findings = KeaConfigValidator.validate(testCase.get("config"), version(testCase));
        Set<String> codes = new TreeSet<>();
        findings.stream().filter(Diagnostic::isError).forEach(d -> codes.add(d.code().id()));
        assertEquals(Set.of(testCase.get("expect").asText()), codes, () -> "findings: " + findings);
      }));
    }
    return tests.stream();
  }
}
