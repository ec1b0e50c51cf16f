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

  @Test
  void theChunkedCheckReportsWhatDecodeReports() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
        "é".getBytes(StandardCharsets.UTF_8), "✓".getBytes(StandardCharsets.UTF_8),
        "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), bytes(0xff), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80),
        bytes(0xe4, 0xb8), bytes(0x80)};
    for (int n = 0; n < 3_000; n++) {
      java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
      // every other text mostly ASCII, so that whole chunks are, and their line feeds are counted as such
      int common = n % 2 == 0 ? 5 : 2;
      int length = random.nextInt(n % 2 == 0 ? 40 : 120);
      for (int i = 0; i < length; i++) {
        byte[] piece = pieces[random.nextInt(random.nextInt(20) == 0 ? pieces.length : common)];
        text.write(piece, 0, piece.length);
      }
      byte[] all = text.toByteArray();
      for (int chunk : new int[] {4, 5, 7, 16, 29, 64 * 1024}) {
        assertEquals(StrictUtf8.decode(all).problem(), StrictUtf8.problem(new java.io.ByteArrayInputStream(all), chunk),
            java.util.Arrays.toString(all) + " in chunks of " + chunk);
      }
    }
  }
}
