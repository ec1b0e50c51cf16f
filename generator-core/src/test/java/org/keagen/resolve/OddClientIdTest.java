package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quoted client-ids from odd serials: control characters and over-long UTF-8 are refused. */
class OddClientIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"'MT\u0000X'", "'MT\tX'", "'MT\nX'", "'\u007f\u007f'"})
  void aControlCharacterIsRefused(String quoted) {
    assertNull(Identifiers.canonicalClientId(quoted));
  }

  @Test
  void theLengthIsCountedInUtf8Bytes() {
    String fits = "'" + "中".repeat(85) + "'"; // 255 bytes
    String tooLong = "'" + "中".repeat(86) + "'"; // 258 bytes, though only 86 characters

    assertEquals(fits, Identifiers.canonicalClientId(fits));
    assertNull(Identifiers.canonicalClientId(tooLong));
  }

  @Test
  void printableUnicodeIsKept() {
    assertEquals("'MTé中'", Identifiers.canonicalClientId("'MTé中'"));
  }
}
