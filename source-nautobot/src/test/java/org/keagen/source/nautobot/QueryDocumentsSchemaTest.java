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
import org.keagen.source.nautobot.fake.NautobotSchema;

/**
 * keagen's query documents against Nautobot's real schema (the committed introspection result of
 * a Nautobot 3.2 server): a field Nautobot renames or drops fails this build, not a production run.
 */
class QueryDocumentsSchemaTest {

  private static List<ValidationError> errors(QueryDocument document) {
    return ParseAndValidate.parseAndValidate(NautobotSchema.get(),
        graphql.ExecutionInput.newExecutionInput(document.text()).build()).getErrors().stream()
        .filter(ValidationError.class::isInstance).map(ValidationError.class::cast).toList();
  }

  private static void assertValid(QueryDocument document) {
    List<ValidationError> errors = errors(document);
    assertTrue(errors.isEmpty(), () -> document.operationName() + " does not validate against Nautobot "
        + NautobotSchema.VERSION + ":\n" + errors.stream().map(ValidationError::getMessage)
        .collect(Collectors.joining("\n")));
  }

  @Test
  void defaultDocumentsValidate() {
    NautobotQueries queries = NautobotQueries.of(NautobotSourceConfig.builder("http://x", () -> "t").build());
    assertValid(queries.prefixes());
    assertValid(queries.addresses());
    assertValid(queries.configContexts());
  }

  @Test
  void documentsWithEveryOptionalFieldValidate() {
    NautobotQueries queries = NautobotQueries.of("prefix_to_gateway", "ztp_enabled", "kea_subnet_id");
    assertValid(queries.prefixes());
    assertValid(queries.addresses());
    assertTrue(queries.prefixes().text().contains("subnet_id: cf_kea_subnet_id"));
  }

  @Test
  void documentsWithoutOptionalFieldsValidate() {
    NautobotQueries queries = NautobotQueries.of(null, null, null);
    assertValid(queries.prefixes());
    assertValid(queries.addresses());
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
