package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plain form is exactly what a strict pattern accepts, and its number gives the text back. */
class PlainIpv4Test {
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern PLAIN = Pattern.compile(OCTET + "(\\." + OCTET + "){3}(/(3[0-2]|[12]?[0-9]))?");
  private static final String[] PIECES = {"0", "1", "9", "10", "25", "255", "256", "00", "01", "999", "1000", ".", "/",
      "/0", "/32", "/33", "/08", " ", "a", "-"};

  @Test
  void randomTextsAreReadAsThePatternSaysFromAStringOrFromARangeOfCharacters() {
    Random random = new Random(20261123);
    int plain = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      boolean shaped = random.nextBoolean(); // four octets and maybe a length, or any pieces
      for (int part = 0; part < (shaped ? 4 : random.nextInt(9)); part++) {
        text.append(shaped && part > 0 ? "." : "").append(PIECES[random.nextInt(shaped ? 7 : PIECES.length)]);
      }
      if (shaped && random.nextBoolean()) {
        text.append('/').append(random.nextInt(40));
      }
      String s = text.toString();
      long parsed = PlainIpv4.parse(s);
      assertEquals(PLAIN.matcher(s).matches(), parsed >= 0, s);
      char[] around = ("x\"" + s + "\"y").toCharArray();
      assertEquals(parsed, PlainIpv4.parse(around, 2, 2 + s.length()), s);
      if (parsed >= 0) {
        plain++;
        assertEquals(s, PlainIpv4.text(parsed));
      }
    }
    assertTrue(plain > 20_000, "plain texts among them: " + plain);
  }
}
