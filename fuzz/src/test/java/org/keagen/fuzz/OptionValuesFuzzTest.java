package org.keagen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.keagen.kea.OptionDefinition;
import org.keagen.resolve.Identifiers;
import org.keagen.validate.OptionValues;

/**
 * Any option value against any definition, and any text as a MAC or client-id: an answer, never
 * an exception, and the canonical forms are stable.
 */
class OptionValuesFuzzTest {
  private static final String[] TYPES = {"empty", "binary", "boolean", "int8", "int16", "int32", "uint8",
      "uint16", "uint32", "ipv4-address", "ipv6-address", "ipv6-prefix", "psid", "record", "string", "tuple",
      "fqdn", "internal", "no-such-type"};
  private static final String[] FIELD_TYPES = {"boolean", "int8", "uint8", "uint16", "uint32", "ipv4-address",
      "ipv6-address", "fqdn", "string", "binary"};
  private static final Pattern CANONICAL_MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  @FuzzTest
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anyValueGetsAnAnswer(FuzzedDataProvider data) {
    long start = System.nanoTime();
    String type = data.pickValue(TYPES);
    boolean array = data.consumeBoolean();
    List<String> fields = new ArrayList<>();
    if (type.equals("record")) {
      int count = data.consumeInt(1, 4);
      for (int i = 0; i < count; i++) {
        fields.add(data.pickValue(FIELD_TYPES));
      }
    }
    boolean csv = data.consumeBoolean();
    String value = data.consumeRemainingAsString();
    OptionDefinition definition = new OptionDefinition("dhcp4", "fuzz-option", 240, type, array, fields);

    Optional<String> problem = OptionValues.problem(definition, value, csv);

    assertEquals(problem, OptionValues.problem(definition, value, csv), "the same answer twice");
    Slow.check(start, value);
  }

  @FuzzTest
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void identifiersAreCanonicalOrRefused(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();

    String mac = Identifiers.canonicalMac(text);
    if (mac != null) {
      assertTrue(CANONICAL_MAC.matcher(mac).matches(), mac);
      assertEquals(mac, Identifiers.canonicalMac(mac), "canonical is a fixed point");
    }
    String clientId = Identifiers.canonicalClientId(text);
    if (clientId != null) {
      assertEquals(clientId, Identifiers.canonicalClientId(clientId), "canonical is a fixed point");
      int bytes = clientId.startsWith("'") ? clientId.getBytes(StandardCharsets.UTF_8).length - 2
          : (clientId.length() + 1) / 3;
      assertTrue(bytes >= 2 && bytes <= 255, clientId);
    }
  }
}
