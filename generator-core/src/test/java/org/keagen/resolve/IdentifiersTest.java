package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void colonHexMacsAreRecognisedWithoutTheLibrary() {
    assertTrue(Identifiers.isColonHexMac("0C:C4:7a:12:34:56"));
    for (String other : List.of("0c-c4-7a-12-34-56", "0cc4.7a12.3456", "0c:c4:7a:12:34", "0c:c4:7a:12:34:5g",
        "0c:c4:7a:12:34:567", "0c:c4:7a:12:34:5", " 0c:c4:7a:12:34:56", "0c:c4:7a:12:34:56:78")) {
      assertFalse(Identifiers.isColonHexMac(other), other);
    }
  }

  @Test
  void theShortPathAndTheLibraryAgree() {
    List<String> texts = new ArrayList<>(List.of("0C:C4:7A:12:34:56", " 00:11:22:33:44:55 ", "0c-c4-7a-12-34-56",
        "0cc4.7a12.3456", "0cc47a123456", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "0c:c4:7a:12:34", "zz"));
    SplittableRandom random = new SplittableRandom(3);
    String hex = "0123456789abcdefABCDEFg";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder mac = new StringBuilder();
      for (int pair = 0; pair < 6; pair++) {
        mac.append(pair == 0 ? "" : random.nextInt(50) == 0 ? "-" : ":");
        mac.append(hex.charAt(random.nextInt(hex.length()))).append(hex.charAt(random.nextInt(hex.length() - 1)));
      }
      texts.add(mac.toString());
    }
    for (String text : texts) {
      assertEquals(Identifiers.libraryCanonicalMac(text), Identifiers.canonicalMac(text), text);
    }
  }
}
