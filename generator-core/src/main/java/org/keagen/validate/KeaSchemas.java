package org.keagen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/**
 * Validates a Kea DHCPv4 config against the JSON Schema of the subset keagen emits for one Kea
 * version ({@code schemas/kea-dhcp4-<version>.schema.json}), reporting each violation with its
 * JSON path. A key the version does not accept (one its schema excludes, or one missing from the
 * keys of a subnet or pool, see {@link org.keagen.kea.KeaKeys}) is reported as {@code key-not-in-version}.
 */
public final class KeaSchemas {
  private static final String BASE = "https://keagen.org/schemas/";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:org/keagen/schemas/")));
  private static final Map<KeaVersion, JsonSchema> SCHEMAS = new EnumMap<>(KeaVersion.class);

  private KeaSchemas() {}

  /** One diagnostic per schema violation of {@code config} (the whole {@code {"Dhcp4": ...}} document). */
  public static List<Diagnostic> check(JsonNode config, KeaVersion version) {
    Findings findings = new Findings(version);
    findings.check(config);
    return findings.diagnostics();
  }

  /**
   * The violations of a config checked part by part: a document, then runs of entries of its
   * top-level {@code Dhcp4} arrays, each entry as if it stood at its index in the document. The schema
   * constrains each entry on its own, so the parts give the findings the whole document would, sorted
   * the same way. One thread at a time.
   */
  static final class Findings {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final KeaVersion version;
    private final JsonSchema schema;
    private final List<Violation> violations = new ArrayList<>();

    Findings(KeaVersion version) {
      this.version = version;
      this.schema = schema(version);
    }

    /** A violation's instance location and message ({@code "<location>: ..."}) and its keyword. */
    private record Violation(String location, String message, String type) {}

    void check(JsonNode config) {
      schema.validate(config).forEach(m ->
          violations.add(new Violation(m.getInstanceLocation().toString(), m.getMessage(), m.getType())));
    }

    /** Checks {@code entries} as the entries of {@code Dhcp4.<key>} from index {@code first} on. */
    void checkEntries(String key, int first, List<JsonNode> entries) {
      ObjectNode document = JSON.objectNode();
      document.putObject("Dhcp4").putArray(key).addAll(entries);
      Set<ValidationMessage> found = schema.validate(document);
      String array = "$.Dhcp4." + key + "[";
      for (ValidationMessage m : found) {
        String location = m.getInstanceLocation().toString();
        int end = location.indexOf(']', array.length());
        if (!location.startsWith(array) || end < 0) {
          throw new IllegalStateException("a violation outside the entries checked: " + location);
        }
        String alone = location.substring(0, end + 1);
        String there = array + (first + Integer.parseInt(location.substring(array.length(), end))) + "]";
        violations.add(new Violation(there + location.substring(alone.length()),
            m.getMessage().replace(alone, there), m.getType()));
      }
    }

    /** Adds what {@code other} found. */
    void addAll(Findings other) {
      violations.addAll(other.violations);
    }

    List<Diagnostic> diagnostics() {
      return violations.stream()
          .sorted(Comparator.comparing(Violation::location).thenComparing(Violation::message))
          .map(v -> "not".equals(v.type()) || "propertyNames".equals(v.type())
              ? Diagnostic.error(DiagnosticCode.KEY_NOT_IN_VERSION, v.location(),
                  "has a key " + version + " does not accept (" + version + " schema)",
                  "use the key this version expects, or target another version with --kea-version")
              : Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, v.location(),
                  v.message().replaceFirst("^\\$[^:]*: ", "") + " (" + version + " schema)",
                  "correct the config at that path"))
          .toList();
    }
  }

  private static synchronized JsonSchema schema(KeaVersion version) {
    return SCHEMAS.computeIfAbsent(version,
        v -> FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(BASE + "kea-dhcp4-" + v.label() + ".schema.json")));
  }
}
