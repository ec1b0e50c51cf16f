package org.keagen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void decodesUtf8IncludingCharactersBeyondTheBasicPlane() {
    String text = "leaf-é-中-\uD83D\uDE00\n";
    assertEquals(text, StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8)).text());
  }

  @Test
  void aStrayByteIsReportedWithItsLineAndOffset() {
    StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes('{', '\n', 'a', 0xff, 'b'));

    assertFalse(decoded.ok());
    assertNull(decoded.text());
    assertEquals("is not UTF-8 text: invalid byte 0xff at line 2 (byte offset 3)", decoded.problem());
  }

  @Test
  void anOverlongFormIsRefused() {
    assertFalse(StrictUtf8.decode(bytes('a', 0xc0, 0xaf)).ok());
  }

  @Test
  void anEncodedSurrogateIsRefused() {
    assertFalse(StrictUtf8.decode(bytes(0xed, 0xa0, 0x80)).ok());
  }

  @Test
  void aTruncatedSequenceAtTheEndIsRefused() {
    assertFalse(StrictUtf8.decode(bytes('a', 0xe4, 0xb8)).ok());
  }

  @Test
  void utf16TextIsRefused() {
    assertFalse(StrictUtf8.decode("{}".getBytes(StandardCharsets.UTF_16)).ok());
  }
}
