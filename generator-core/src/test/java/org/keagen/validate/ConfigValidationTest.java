package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;

/**
 * Validating a config whose subnets and global reservations are handed over one by one gives the
 * findings, in the same order, that validating the whole tree gives.
 */
class ConfigValidationTest {
  private static final List<String> STREAMED = List.of("reservations", "subnet4");

  /** The findings when entries from {@code kept} on of each streamed array are handed over one by one. */
  private static List<Diagnostic> streamed(JsonNode config, KeaVersion version, int kept) {
    ObjectNode head = config.deepCopy();
    ObjectNode dhcp4 = (ObjectNode) head.get("Dhcp4");
    List<List<JsonNode>> later = new ArrayList<>();
    for (String key : STREAMED) {
      List<JsonNode> rest = new ArrayList<>();
      if (dhcp4.get(key) instanceof ArrayNode array) {
        while (array.size() > kept) {
          rest.add(array.remove(kept));
        }
      }
      later.add(rest);
    }
    ConfigValidation validation = ConfigValidation.start(head, version);
    later.get(0).forEach(validation::reservation);
    later.get(1).forEach(validation::subnet);
    return validation.finish();
  }

  private static void assertSameAsWhole(JsonNode config, KeaVersion version, String name) {
    List<Diagnostic> whole = KeaConfigValidator.validate(config, version);
    for (int kept = 0; kept <= 1; kept++) {
      assertEquals(whole, streamed(config, version, kept), name + " (" + version + ", " + kept + " kept)");
    }
  }

  @Test
  void everyCorpusConfigGivesTheFindingsOfItsWholeTree() throws Exception {
    int compared = 0;
    for (JsonNode testCase : InvalidConfigCorpusTest.corpus()) {
      JsonNode config = testCase.get("config");
      if (config.path("Dhcp4").isObject()) {
        assertSameAsWhole(config, InvalidConfigCorpusTest.version(testCase), testCase.get("name").asText());
        compared++;
      }
    }
    assertTrue(compared >= 40, compared + " configs compared");
  }

  /** Entries are checked in runs; a finding on either side of a run's end names its own entry. */
  @Test
  void findingsAcrossManyRunsNameTheirEntries() throws Exception {
    List<Integer> bad = List.of(0, 255, 256, 511, 512, 999);
    StringBuilder subnets = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      subnets.append(i == 0 ? "" : ", ").append("{\"subnet\": \"10.").append(i >> 8).append('.').append(i & 255)
          .append(".0/24\", \"id\": ").append(bad.contains(i) ? "\"x\"" : String.valueOf(i + 1)).append('}');
    }
    JsonNode config = InvalidConfigCorpusTest.MAPPER.readTree("{\"Dhcp4\": {\"subnet4\": [" + subnets + "]}}");
    List<Diagnostic> whole = KeaConfigValidator.validate(config, KeaVersion.V2_2);
    assertEquals(bad.stream().map(i -> "$.Dhcp4.subnet4[" + i + "].id").sorted().toList(),
        whole.stream().map(Diagnostic::object).toList());
    assertSameAsWhole(config, KeaVersion.V2_2, "1000 subnets");

    JsonNode duplicate = config.deepCopy();
    for (int i = 0; i < 1000; i++) {
      ((ObjectNode) duplicate.at("/Dhcp4/subnet4/" + i)).put("id", i == 700 ? 101 : i + 1);
    }
    List<Diagnostic> rules = KeaConfigValidator.validate(duplicate, KeaVersion.V2_2);
    assertEquals(List.of("subnet 10.2.188.0/24"), rules.stream().map(Diagnostic::object).toList());
    assertSameAsWhole(duplicate, KeaVersion.V2_2, "1000 subnets, one id twice");
  }

  /** The structural errors hide the rules' findings, so the corpus is merged with and without them. */
  @Test
  void theWholeCorpusInOneConfigGivesTheFindingsOfItsWholeTreeInTheirOrder() throws Exception {
    for (KeaVersion version : KeaVersion.values()) {
      for (boolean structurallyValidOnly : List.of(false, true)) {
        merged(version, structurallyValidOnly);
      }
    }
  }

  private static void merged(KeaVersion version, boolean structurallyValidOnly) throws Exception {
    {
      ObjectNode merged = (ObjectNode) InvalidConfigCorpusTest.MAPPER.readTree("{\"Dhcp4\": {}}");
      ObjectNode dhcp4 = (ObjectNode) merged.get("Dhcp4");
      for (JsonNode testCase : InvalidConfigCorpusTest.corpus()) {
        if (structurallyValidOnly && !KeaSchemas.check(testCase.get("config"), version).isEmpty()) {
          continue;
        }
        JsonNode other = testCase.get("config").path("Dhcp4");
        for (String key : STREAMED) {
          if (other.get(key) instanceof ArrayNode entries) {
            dhcp4.withArray(key).addAll(entries.deepCopy());
          }
        }
        if (other.get("option-def") instanceof ArrayNode definitions && !dhcp4.has("option-def")) {
          dhcp4.set("option-def", definitions.deepCopy());
        }
      }
      List<Diagnostic> whole = KeaConfigValidator.validate(merged, version);
      assertTrue(whole.size() > 10, whole.size() + " findings");
      assertSameAsWhole(merged, version, "merged corpus" + (structurallyValidOnly ? ", no schema errors" : ""));
    }
  }
}
