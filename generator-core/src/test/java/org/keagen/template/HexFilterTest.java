package org.keagen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class HexFilterTest {
  @Test
  void eachCodePointIsAtLeastTwoLowerCaseHexDigitsJoinedByColons() {
    assertEquals("4d:54:32", HexFilter.hex("MT2"));
    assertEquals("", HexFilter.hex(""));
    assertEquals("00:0a:7f:ff:100:263a:1f600", HexFilter.hex("\u0000\n\u007f\u00ff\u0100\u263a\uD83D\uDE00"));
  }

  @Test
  void sameAsFormattingEachCodePointWithPercent02x() {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp < 0x3000; cp += 7) {
      all.appendCodePoint(cp);
    }
    all.appendCodePoint(0x1F600).appendCodePoint(0x10FFFF);
    StringJoiner expected = new StringJoiner(":");
    all.codePoints().forEach(cp -> expected.add(String.format("%02x", cp)));
    assertEquals(expected.toString(), HexFilter.hex(all.toString()));
  }
}
