package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keagen.ExampleFiles;
import org.keagen.diagnostic.Diagnostic;

/**
 * {@code schemas/snapshot.schema.json} and {@link SnapshotJson#read} agree: the examples pass both,
 * and each malformed snapshot below fails both, at the same place. Also checks the examples'
 * config contexts against {@code schemas/dhcp-context.schema.json}.
 */
class SnapshotSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
  private static final JsonSchema SNAPSHOT = schema("snapshot.schema.json");
  private static final JsonSchema CONTEXT = schema("dhcp-context.schema.json");

  private static JsonSchema schema(String name) {
    return FACTORY.getSchema(parse(ExampleFiles.read(ExampleFiles.schema(name))), CONFIG);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("test JSON does not parse: " + json, e);
    }
  }

  private static Set<ValidationMessage> validate(JsonSchema schema, JsonNode node) {
    return schema.validate(node);
  }

  private static String lines(Set<ValidationMessage> messages) {
    return messages.stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).sorted()
        .collect(Collectors.joining("\n"));
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toLine).collect(Collectors.joining("\n"));
  }

  @Test
  void bothSchemasAreValidDraft202012Schemas() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (String name : List.of("snapshot.schema.json", "dhcp-context.schema.json")) {
      Set<ValidationMessage> errors = meta.validate(parse(ExampleFiles.read(ExampleFiles.schema(name))));
      assertTrue(errors.isEmpty(), () -> name + ":\n" + lines(errors));
    }
  }

  @Test
  void thereAreExamplesToCheck() {
    assertTrue(ExampleFiles.exampleDirs().size() >= 3, "examples/*/snapshot.json: " + ExampleFiles.exampleDirs());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesTheSchemaAndIsReadBySnapshotJson() {
    return ExampleFiles.exampleDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Path file = dir.resolve("snapshot.json");
      String text = ExampleFiles.read(file);
      Set<ValidationMessage> errors = validate(SNAPSHOT, parse(text));
      assertTrue(errors.isEmpty(), () -> file + " against the schema:\n" + lines(errors));
      SnapshotJson.ReadResult read = SnapshotJson.read(text, file.toString());
      assertTrue(read.ok(), () -> file + " by SnapshotJson:\n" + lines(read.diagnostics()));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleConfigContextMatchesTheContextSchema() {
    return ExampleFiles.exampleDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      JsonNode snapshot = parse(ExampleFiles.read(dir.resolve("snapshot.json")));
      int checked = 0;
      for (JsonNode device : snapshot.path("devices")) {
        JsonNode context = device.path("config_context");
        if (context.isObject()) {
          Set<ValidationMessage> errors = validate(CONTEXT, context);
          assertTrue(errors.isEmpty(), () -> dir + " device " + device.path("name").asText() + ":\n" + lines(errors));
          checked++;
        }
      }
      assertTrue(checked > 0, dir + " has no device with a config context");
    }));
  }

  /** A malformed snapshot and the JSON path both checkers must name. */
  private record Bad(String name, String json, String path) {}

  private static final String HEAD = "{\"format\": \"keagen-snapshot/1\", ";

  private static List<Bad> malformed() {
    return List.of(
        new Bad("root is a list", "[]", "$"),
        new Bad("format missing", "{\"prefixes\": []}", "$.format"),
        new Bad("another format version", "{\"format\": \"keagen-snapshot/2\"}", "$.format"),
        new Bad("unknown top-level key", HEAD + "\"prefixs\": []}", "$.prefixs"),
        new Bad("source without kind", HEAD + "\"source\": {\"url\": \"https://netbox.example.net\"}}", "$.source.kind"),
        new Bad("prefix missing its prefix", HEAD + "\"prefixes\": [{\"id\": \"p1\"}]}", "$.prefixes[0].prefix"),
        new Bad("prefix id blank", HEAD + "\"prefixes\": [{\"id\": \" \", \"prefix\": \"10.0.0.0/24\"}]}",
            "$.prefixes[0].id"),
        new Bad("subnet_id as a string",
            HEAD + "\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"subnet_id\": \"100\"}]}",
            "$.prefixes[0].subnet_id"),
        new Bad("gateway as a number",
            HEAD + "\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"gateway\": 1}]}",
            "$.prefixes[0].gateway"),
        new Bad("prefixes an object", HEAD + "\"prefixes\": {\"id\": \"p1\"}}", "$.prefixes"),
        new Bad("null list element", HEAD + "\"pool_addresses\": [null]}", "$.pool_addresses[0]"),
        new Bad("interface without device_id",
            HEAD + "\"reserved_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [{\"name\": \"eth0\"}]}]}",
            "$.reserved_addresses[0].interfaces[0].device_id"),
        new Bad("unknown interface key",
            HEAD + "\"reserved_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [{\"name\": \"eth0\","
                + " \"device_id\": \"d1\", \"mac\": \"00:11:22:33:44:55\"}]}]}",
            "$.reserved_addresses[0].interfaces[0].mac"),
        new Bad("ztp_enabled as a string",
            HEAD + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"ztp_enabled\": \"true\"}]}",
            "$.devices[0].ztp_enabled"),
        new Bad("config_context as a list",
            HEAD + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"config_context\": [{\"dhcp\": {}}]}]}",
            "$.devices[0].config_context"),
        new Bad("device without name", HEAD + "\"devices\": [{\"id\": \"d1\"}]}", "$.devices[0].name"),
        new Bad("option definition a string", HEAD + "\"option_definitions\": [\"cumulus-provision-url\"]}",
            "$.option_definitions[0]"),
        new Bad("static reservations an object",
            HEAD + "\"static_config\": [{\"name\": \"legacy\", \"reservations\": {\"hw-address\": \"00:11:22:33:44:55\"}}]}",
            "$.static_config[0].reservations"),
        new Bad("static fragment without name", HEAD + "\"static_config\": [{\"subnets\": []}]}",
            "$.static_config[0].name"));
  }

  @TestFactory
  Stream<DynamicTest> malformedSnapshotsAreRejectedByTheSchemaAndTheReaderAtTheSamePath() {
    return malformed().stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
      Set<ValidationMessage> schemaErrors = validate(SNAPSHOT, parse(bad.json()));
      assertFalse(schemaErrors.isEmpty(), "the schema accepts " + bad.json());
      assertTrue(schemaErrors.stream().anyMatch(m -> names(m, bad.path())),
          () -> "the schema does not name " + bad.path() + ":\n" + lines(schemaErrors));
      SnapshotJson.ReadResult read = SnapshotJson.read(bad.json(), "bad.json");
      assertFalse(read.ok(), "SnapshotJson accepts " + bad.json());
      assertTrue(read.diagnostics().stream().anyMatch(d -> d.object().equals("bad.json " + bad.path())),
          () -> "SnapshotJson does not name " + bad.path() + ":\n" + lines(read.diagnostics()));
    }));
  }

  /**
   * True when a schema message is about {@code path}: at it, or (for a missing required or an
   * unknown key) at its parent object naming the key.
   */
  private static boolean names(ValidationMessage message, String path) {
    String at = message.getInstanceLocation().toString();
    if (at.equals(path)) {
      return true;
    }
    int dot = path.lastIndexOf('.');
    return dot > 0 && at.equals(path.substring(0, dot)) && path.substring(dot + 1).equals(message.getProperty());
  }

  private static List<String> wellFormed() {
    return List.of(
        "{\"format\": \"keagen-snapshot/1\"}",
        HEAD + "\"source\": null, \"prefixes\": null, \"pool_addresses\": null, \"reserved_addresses\": null,"
            + " \"devices\": null, \"option_definitions\": null, \"static_config\": null}",
        HEAD + "\"source\": {\"kind\": \"fixture\", \"url\": null, \"version\": null},"
            + " \"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"vrf\": null, \"location\": null,"
            + " \"tenant\": null, \"gateway\": null, \"subnet_id\": null}],"
            + " \"pool_addresses\": [{\"address\": \"10.0.0.50\"}],"
            + " \"reserved_addresses\": [{\"id\": null, \"address\": \"10.0.0.5\", \"vrf\": null, \"interfaces\":"
            + " [{\"name\": \"eth0\", \"role\": null, \"mac_address\": null, \"device_id\": \"d1\"}]}],"
            + " \"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"serial\": null, \"platform\": null,"
            + " \"role\": null, \"location\": null, \"ztp_enabled\": null, \"config_context\": null}],"
            + " \"option_definitions\": [{}],"
            + " \"static_config\": [{\"name\": \"legacy\", \"reservations\": null, \"subnets\": null}]}");
  }

  @TestFactory
  Stream<DynamicTest> minimalAndAllNullSnapshotsAreAcceptedByBoth() {
    return wellFormed().stream().map(json -> DynamicTest.dynamicTest(json.length() > 60 ? json.substring(0, 60) : json, () -> {
      Set<ValidationMessage> errors = validate(SNAPSHOT, parse(json));
      assertTrue(errors.isEmpty(), () -> lines(errors));
      SnapshotJson.ReadResult read = SnapshotJson.read(json, "ok.json");
      assertTrue(read.ok(), () -> lines(read.diagnostics()));
    }));
  }

  @Test
  void contextSchemaRejectsRoutersReservedSubnetKeysAndNonStringOptions() {
    List<String> bad = List.of(
        "{\"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"subnet_options\": {\"routers\": \"10.0.0.1\"}}}}}}",
        "{\"dhcp\": {\"options\": {\"interface_roles\": {\"mgmt\": {\"subnet_config\": {\"pools\": []}}}}}}",
        "{\"dhcp\": {\"options\": {\"interface_roles\": {\"mgmt\": {\"subnet_config\": {\"option-data\": []}}}}}}",
        "{\"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"reservation_options\": {\"ntp-servers\": [\"10.0.0.5\"]}}}}}}",
        "{\"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"subnet_option\": {}}}}}}",
        "{\"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"subnet_config\": {\"reservations-global\": \"no\"}}}}}}",
        "{\"ztp\": {\"ipv4\": \"10.0.0.5\"}}",
        "{\"ztp\": {\"ipv4\": [\"not-an-address\"]}}");
    for (String json : bad) {
      assertFalse(validate(CONTEXT, parse(json)).isEmpty(), "the context schema accepts " + json);
    }
    ObjectNode good = (ObjectNode) parse("{\"dhcp\": {\"options\": {\"client_id_template\": \"00:{{ serial | hex }}\","
        + " \"interface_names\": {\"eth0\": {\"subnet_config\": {\"valid-lifetime\": 600, \"reservations-global\": false}}}}},"
        + " \"ztp\": {\"ipv4\": [\"192.0.2.5\"], \"ipv6\": [\"2001:db8::5\"]}, \"ntp\": {\"servers\": []}}");
    assertEquals(Set.of(), validate(CONTEXT, good));
  }
}
