package org.keagen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keagen.snapshot.SnapshotJson;

class JsonErrorsTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef01234567";

  private static String describe(String json) {
    try {
      SnapshotJson.newMapper().readTree(json);
    } catch (JsonProcessingException e) {
      return JsonErrors.describe(e);
    }
    throw new AssertionError("parsed: " + json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"token\": " + SECRET + "}",
      "{\"token\": " + SECRET + "",
      "{\"token\": \"x\" " + SECRET + "}",
      "[" + SECRET + "]",
      SECRET,
      "{\"n\": 1" + SECRET + "}",
  })
  void aSecretThatLostItsQuotesIsNotRepeated(String json) {
    String description = describe(json);

    assertFalse(description.contains(SECRET.substring(0, 8)), description);
    assertTrue(description.startsWith(" at line 1, column "), description);
  }

  @Test
  void aDuplicateFieldIsNamed() {
    assertTrue(describe("{\"format\": 1, \"format\": 2}").endsWith(": Duplicate field 'format'"));
  }

  @Test
  void oneQuotedCharacterIsKept() {
    assertTrue(describe("{\"a\" 1}").contains("Unexpected character ('1' (code 49))"), describe("{\"a\" 1}"));
  }

  @Test
  void aMissingMessageIsStillDescribed() {
    assertEquals("malformed JSON", JsonErrors.redact(null));
  }
}
