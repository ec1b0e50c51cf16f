package org.keagen.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.json.JsonErrors;
import org.keagen.kea.KeaVersion;
import org.keagen.snapshot.SnapshotJson;

/**
 * Validates any Kea DHCPv4 config, generated or hand-written, for one Kea version: the JSON
 * Schema of the subset keagen emits, then the semantic rules. Running {@code kea-dhcp4 -t} is the
 * caller's further choice ({@link KeaCheck}).
 */
public final class KeaConfigValidator {
  private KeaConfigValidator() {}

  /** Every finding for the config tree {@code {"Dhcp4": ...}}; see {@link ConfigValidation#finish}. */
  public static List<Diagnostic> validate(JsonNode config, KeaVersion version) {
    if (config.path("Dhcp4").isObject()) {
      return ConfigValidation.start(config, version).finish();
    }
    List<Diagnostic> structure = new ArrayList<>(KeaSchemas.check(config, version));
    outOfRangeIntegers(config, () -> "$", structure);
    return combine(structure, List.of());
  }

  /**
   * The findings of a config from those of its structure (schema, integer range) and its semantic
   * rules: when the structure has errors, only they are reported (with the version-key findings,
   * which the semantic rules phrase better than the schema), since rules over a malformed tree mislead.
   */
  static List<Diagnostic> combine(List<Diagnostic> structure, List<Diagnostic> semantic) {
    List<Diagnostic> versionKeys = semantic.stream().filter(d -> d.code() == DiagnosticCode.KEY_NOT_IN_VERSION).toList();
    List<Diagnostic> findings = new ArrayList<>(structure.stream()
        .filter(d -> versionKeys.isEmpty() || d.code() != DiagnosticCode.KEY_NOT_IN_VERSION).toList());
    if (findings.stream().noneMatch(Diagnostic::isError)) {
      return semantic;
    }
    findings.addAll(versionKeys);
    return findings;
  }

  /**
   * Kea reads every JSON integer into a signed 64-bit value and refuses the whole config when one
   * does not fit, wherever it is (even in a {@code user-context}): one finding for each in {@code
   * node}, which is at {@code path}.
   */
  static void outOfRangeIntegers(JsonNode node, Supplier<String> path, List<Diagnostic> out) {
    if (hasOutOfRangeInteger(node)) {
      outOfRangeIntegersAt(node, path.get(), out);
    }
  }

  /** Whether {@link #outOfRangeIntegersAt} has anything to report; walks the tree without building paths. */
  private static boolean hasOutOfRangeInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return !node.canConvertToLong();
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (hasOutOfRangeInteger(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void outOfRangeIntegersAt(JsonNode node, String path, List<Diagnostic> out) {
    if (node.isIntegralNumber() && !node.canConvertToLong()) {
      out.add(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, path,
          "the integer " + node.bigIntegerValue() + " is outside the signed 64-bit range Kea reads",
          "correct the config at that path"));
    } else if (node.isObject()) {
      node.fields().forEachRemaining(field -> outOfRangeIntegersAt(field.getValue(), path + "." + field.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        outOfRangeIntegersAt(node.get(i), path + "[" + i + "]", out);
      }
    }
  }

  /** Every finding for config text; {@code origin} names the file. */
  public static List<Diagnostic> validate(String text, String origin, KeaVersion version) {
    JsonNode config;
    try {
      config = SnapshotJson.newMapper().readTree(text);
    } catch (JsonProcessingException e) {
      return List.of(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, origin, "is not valid JSON" + JsonErrors.describe(e),
          "fix the JSON syntax (Kea's own comments are not supported by keagen validate)"));
    }
    if (config == null || !config.path("Dhcp4").isObject()) {
      return List.of(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, origin, "has no \"Dhcp4\" object",
          "validate a kea-dhcp4 config: {\"Dhcp4\": {...}}"));
    }
    return validate(config, version);
  }
}
