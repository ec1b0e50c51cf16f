package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaKeys;
import org.keagen.kea.KeaVersion;

/**
 * The per-version key table ({@link KeaKeys}, derived from Kea's grammar by {@code
 * scripts/kea-keys.py}): the version schemas carry the same keys, the validator names the subnet,
 * the key and the version, and the real {@code kea-dhcp4 -t} 2.2 agrees key by key.
 */
class KeaKeysTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode resource(String path) {
    try (InputStream in = KeaKeysTest.class.getResourceAsStream(path)) {
      return MAPPER.readTree(in);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every key of the table for {@code kind}, in any version. */
  private static Set<String> allKeys(String kind) {
    Set<String> keys = new TreeSet<>();
    try (InputStream in = KeaKeysTest.class.getResourceAsStream("/org/keagen/kea/dhcp4-keys-by-version.tsv")) {
      new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#") && l.startsWith(kind + "\t")).forEach(l -> keys.add(l.split("\t")[1]));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  private static Set<String> enumOf(JsonNode node) {
    Set<String> values = new TreeSet<>();
    node.path("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> accepted(String kind, KeaVersion version) {
    Set<String> keys = new TreeSet<>(allKeys(kind));
    keys.removeIf(k -> !KeaKeys.instance().accepts(kind, k, version));
    return keys;
  }

  @Test
  void theVersionSchemasListTheTablesKeys() {
    for (KeaVersion version : KeaVersion.values()) {
      JsonNode schema = resource("/org/keagen/schemas/kea-dhcp4-" + version.label() + ".schema.json");
      assertEquals(accepted(KeaKeys.SUBNET4, version), enumOf(schema.at("/$defs/subnet4Keys")), version.toString());
      assertEquals(accepted(KeaKeys.POOL, version), enumOf(schema.at("/$defs/poolKeys")), version.toString());
    }
  }

  @Test
  void everyReservationKeyOfTheCommonSchemaIsOneEveryVersionAccepts() {
    JsonNode common = resource("/org/keagen/schemas/kea-dhcp4-common.schema.json");
    List<String> keys = new ArrayList<>();
    common.at("/$defs/reservation/properties").fieldNames().forEachRemaining(keys::add);
    assertFalse(keys.isEmpty());
    for (String key : keys) {
      assertEquals(EnumSet.allOf(KeaVersion.class), KeaKeys.instance().versionsWith(KeaKeys.RESERVATION, key), key);
    }
  }

  @Test
  void theTableKnowsWhatKeagenItselfEmits() {
    for (KeaVersion version : KeaVersion.values()) {
      for (String key : List.of("subnet", "id", "pools", "option-data", "reservations", "valid-lifetime",
          "reservations-in-subnet", "reservations-out-of-pool", "user-context")) {
        assertTrue(KeaKeys.instance().accepts(KeaKeys.SUBNET4, key, version), key + " in " + version);
      }
    }
    assertEquals(EnumSet.of(KeaVersion.V2_2, KeaVersion.V2_4),
        KeaKeys.instance().versionsWith(KeaKeys.SUBNET4, "reservation-mode"));
    assertEquals(Set.of(), KeaKeys.instance().versionsWith(KeaKeys.SUBNET4, "no-such-param"));
  }

  @Test
  void anUnknownSubnetKeyNamesTheSubnetTheKeyAndTheVersion() throws Exception {
    JsonNode config = MAPPER.readTree("""
        {"Dhcp4": {"subnet4": [{"id": 7, "subnet": "10.0.0.0/24", "no-such-param": 1, "offer-lifetime": 60,
          "pools": [{"pool": "10.0.0.100-10.0.0.200", "pool-id": 3}]}]}}""");

    List<Diagnostic> findings = KeaConfigValidator.validate(config, KeaVersion.V2_2);

    assertEquals(List.of(
        "error[key-not-in-version] subnet 10.0.0.0/24: \"no-such-param\" is not accepted by Kea 2.2 (fix: no Kea"
            + " version keagen knows (2.2, 2.4, 2.6, 3.0) has this subnet4 key: check its spelling, or remove it (from"
            + " subnet_config, if it comes from there))",
        "error[key-not-in-version] subnet 10.0.0.0/24: \"offer-lifetime\" is not accepted by Kea 2.2 (fix: only Kea"
            + " 2.4, Kea 2.6, Kea 3.0 accept it in a subnet4: target one of them with --kea-version, or remove it)",
        "error[key-not-in-version] subnet 10.0.0.0/24 pool 10.0.0.100-10.0.0.200: \"pool-id\" is not accepted by"
            + " Kea 2.2 (fix: only Kea 2.4, Kea 2.6, Kea 3.0 accept it in a pool: target one of them with"
            + " --kea-version, or remove it)"),
        findings.stream().map(Diagnostic::toLine).toList());
    assertEquals(List.of(), KeaConfigValidator.validate(MAPPER.readTree(config.toString()
        .replace(",\"no-such-param\":1", "")), KeaVersion.V2_4), "offer-lifetime and pool-id are Kea 2.4 keys");
    assertTrue(KeaSchemas.check(config, KeaVersion.V2_2).stream()
        .allMatch(d -> d.code() == DiagnosticCode.KEY_NOT_IN_VERSION), "the schema refuses them too");
    assertEquals(3, KeaSchemas.check(config, KeaVersion.V2_2).size());
  }

  /**
   * Each key of the table in a subnet (or its pool) alone, with a value of the wrong type: Kea 2.2
   * must complain about the value (so it knows the key) for the keys the table gives 2.2, and say
   * "got unexpected keyword" for the others.
   */
  @TestFactory
  Stream<DynamicTest> kea22KnowsExactlyTheKeysTheTableGivesIt() {
    Optional<KeaCheck> kea = KeaCheck.find().filter(k -> k.version().filter(KeaVersion.V2_2::equals).isPresent());
    if (kea.isEmpty()) {
      System.err.println("*** SKIPPED: kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    }
    assumeTrue(kea.isPresent(), "kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : List.of(KeaKeys.SUBNET4, KeaKeys.POOL)) {
      for (String key : allKeys(kind)) {
        boolean known = KeaKeys.instance().accepts(kind, key, KeaVersion.V2_2);
        tests.add(DynamicTest.dynamicTest(kind + " " + key + (known ? " (2.2 has it)" : " (2.2 lacks it)"), () -> {
          // a list of lists is the wrong type for every one of these keys
          String entry = "\"" + key + "\": [[1]]";
          String pool = "{\"pool\": \"10.0.0.10-10.0.0.20\", " + entry + "}";
          String subnet = kind.equals(KeaKeys.POOL)
              ? "{\"id\": 1, \"subnet\": \"10.0.0.0/24\", \"pools\": [" + pool + "]}"
              : "{\"id\": 1, \"subnet\": \"10.0.0.0/24\", " + entry + "}";
          KeaCheck.Result result = kea.get().check("{\"Dhcp4\": {\"subnet4\": [" + subnet + "]}}");
          assertFalse(result.accepted(), "a list of lists is no valid value for " + key);
          assertEquals(!known, result.output().contains("got unexpected keyword \"" + key + "\""), result::reason);
        }));
      }
    }
    return tests.stream();
  }
}
