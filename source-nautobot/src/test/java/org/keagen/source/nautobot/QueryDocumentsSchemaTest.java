package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ParseAndValidate;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keagen.source.nautobot.fake.NautobotSchema;

/**
 * keagen's query documents against Nautobot's real schema (the committed introspection result of
 * a Nautobot 3.2 server): a field Nautobot renames or drops fails this build, not a production run.
 */
class QueryDocumentsSchemaTest {

  private static List<ValidationError> errors(QueryDocument document) {
    return errors(NautobotSchema.VERSION, document);
  }

  private static List<ValidationError> errors(String version, QueryDocument document) {
    return ParseAndValidate.parseAndValidate(NautobotSchema.get(version),
        graphql.ExecutionInput.newExecutionInput(document.text()).build()).getErrors().stream()
        .filter(ValidationError.class::isInstance).map(ValidationError.class::cast).toList();
  }

  private static void assertValid(String version, QueryDocument document) {
    List<ValidationError> errors = errors(version, document);
    assertTrue(errors.isEmpty(), () -> document.operationName() + " does not validate against Nautobot "
        + version + ":\n" + errors.stream().map(ValidationError::getMessage).collect(Collectors.joining("\n")));
  }

  static List<String> versions() {
    return NautobotSchema.VERSIONS;
  }

  @ParameterizedTest
  @MethodSource("versions")
  void defaultDocumentsValidate(String version) {
    NautobotQueries queries = NautobotQueries.of(NautobotSourceConfig.builder("http://x", () -> "t").build());
    assertValid(version, queries.prefixes());
    assertValid(version, queries.addresses());
    assertValid(version, queries.configContexts());
  }

  @ParameterizedTest
  @MethodSource("versions")
  void documentsWithEveryOptionalFieldValidate(String version) {
    NautobotQueries queries = NautobotQueries.of("prefix_to_gateway", "ztp_enabled", "kea_subnet_id");
    assertValid(version, queries.prefixes());
    assertValid(version, queries.addresses());
    assertTrue(queries.prefixes().text().contains("subnet_id: cf_kea_subnet_id"));
  }

  @ParameterizedTest
  @MethodSource("versions")
  void documentsWithoutOptionalFieldsValidate(String version) {
    NautobotQueries queries = NautobotQueries.of(null, null, null);
    assertValid(version, queries.prefixes());
    assertValid(version, queries.addresses());
    assertFalse(queries.prefixes().text().contains("rel_"));
    assertFalse(queries.addresses().text().contains("cf_"));
  }

  @Test
  void aFieldNautobotDoesNotHaveFailsValidation() {
    QueryDocument renamed = QueryDocument.of(QueryDocument.load("ip_addresses").text()
        .replace("mac_address", "mac"));

    List<ValidationError> errors = errors(renamed);

    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).getMessage().contains("'mac'"), errors.get(0).getMessage());
  }

  @Test
  void aConfiguredKeyNautobotDoesNotHaveFailsValidation() {
    NautobotQueries queries = NautobotQueries.of("prefix_to_router", "ztp_enabled", null);

    assertEquals(1, errors(queries.prefixes()).size());
  }

  @Test
  void withFieldRewritesOnlyTheAliasedLine() {
    QueryDocument document = QueryDocument.of("""
        query q {
          prefixes {
            gateway: rel_prefix_to_gateway { address }
            other: rel_prefix_to_gateway_extra
          }
        }
        """);

    assertEquals("""
        query q {
          prefixes {
            gateway: rel_uplink { address }
            other: rel_prefix_to_gateway_extra
          }
        }
        """, document.withField("gateway", "rel_prefix_to_gateway", "rel_uplink").text());
    assertEquals("""
        query q {
          prefixes {
            other: rel_prefix_to_gateway_extra
          }
        }
        """, document.withField("gateway", "rel_prefix_to_gateway", null).text());
    assertThrows(IllegalArgumentException.class, () -> document.withField("ztp", "cf_ztp", "cf_x"));
    assertEquals("q", document.operationName());
  }

  @Test
  void operationNamesAreKeagens() {
    NautobotQueries queries = NautobotQueries.of(null, null, null);
    assertEquals("keagen_dhcp_prefixes", queries.prefixes().operationName());
    assertEquals("keagen_dhcp_addresses", queries.addresses().operationName());
    assertEquals("keagen_dhcp_config_contexts", queries.configContexts().operationName());
  }
}
