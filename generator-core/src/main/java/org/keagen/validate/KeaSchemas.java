package org.keagen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    return schema(version).validate(config).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage))
        .map(m -> "not".equals(m.getType()) || "propertyNames".equals(m.getType())
            ? Diagnostic.error(DiagnosticCode.KEY_NOT_IN_VERSION, m.getInstanceLocation().toString(),
                "has a key " + version + " does not accept (" + version + " schema)",
                "use the key this version expects, or target another version with --kea-version")
            : Diagnostic.error(DiagnosticCode.SCHEMA_INVALID, m.getInstanceLocation().toString(),
                m.getMessage().replaceFirst("^\\$[^:]*: ", "") + " (" + version + " schema)",
                "correct the config at that path"))
        .toList();
  }

  private static synchronized JsonSchema schema(KeaVersion version) {
    return SCHEMAS.computeIfAbsent(version,
        v -> FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(BASE + "kea-dhcp4-" + v.label() + ".schema.json")));
  }
}
