package org.keagen.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;
import org.keagen.snapshot.SnapshotJson;

/**
 * Validates any Kea DHCPv4 config, generated or hand-written, for one Kea version: the JSON
 * Schema of the subset keagen emits, then the semantic rules. Running {@code kea-dhcp4 -t} is the
 * caller's further choice ({@link KeaCheck}).
 */
public final class KeaConfigValidator {
  private KeaConfigValidator() {}

  /** Every finding for the config tree {@code {"Dhcp4": ...}}. */
  public static List<Diagnostic> validate(JsonNode config, KeaVersion version) {
    List<Diagnostic> findings = new ArrayList<>(KeaSchemas.check(config, version));
    if (config.path("Dhcp4").isObject()) {
      findings.addAll(SemanticRules.check(config.get("Dhcp4"), version));
    }
    return findings;
  }

  /** Every finding for config text; {@code origin} names the file. */
  public static List<Diagnostic> validate(String text, String origin, KeaVersion version) {
    JsonNode config;
    try {
      config = SnapshotJson.newMapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      return List.of(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, origin, "is not valid JSON" + where + ": "
          + e.getOriginalMessage(), "fix the JSON syntax (Kea's own comments are not supported by keagen validate)"));
    }
    if (config == null || !config.path("Dhcp4").isObject()) {
      return List.of(Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, origin, "has no \"Dhcp4\" object",
          "validate a kea-dhcp4 config: {\"Dhcp4\": {...}}"));
    }
    return validate(config, version);
  }
}
