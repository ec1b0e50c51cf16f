package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CidrsTest {

  @Test
  void plainDottedQuadsTakeTheShortPath() {
    assertEquals(0x0A000005L, Cidrs.plainAddressValue("10.0.0.5"));
    assertEquals(0x0A000005L, Cidrs.plainAddressValue("10.0.0.5/24"));
    assertEquals(0xFFFFFFFDL, Cidrs.plainAddressValue("255.255.255.253/30"));
    assertEquals(0x0A000000L, Cidrs.plainAddressValue("10.0.0.0/32"));
  }

  @Test
  void everythingElseGoesToTheLibrary() {
    for (String text : List.of("010.0.0.5", "10.1", "0x0a.0.0.1", "10.0.0.256", "10.0.0.5/33", "10.0.0.5/08",
        "10.0.0.0/24", "10.0.1.0/24", "0.0.0.0/0", "10.0.0.5/255.255.255.0", "::1", "10.0.0.5/", "10.0.0.5.",
        "1000.0.0.5", "10..0.5", "", "10.0.0.5/24x")) {
      assertEquals(-1, Cidrs.plainAddressValue(text), text);
    }
  }

  @Test
  void shortPathAndLibraryAgreeOnEveryText() {
    List<String> texts = new ArrayList<>(List.of("10.0.0.5", " 10.0.0.5/24 ", "10.0.1.0/24", "10.0.0.0/24",
        "010.0.0.5", "10.1", "0x0a.0.0.1", "10.0.0.5/0", "10.0.0.0/32", "1.2.3.4/08", "10.0.0.256", "2001:db8::1",
        "2001:db8::/64", "192.168.1.255/24", "192.168.1.128/25", "not an address"));
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int octet = 0; octet < 4; octet++) {
        int value = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(256);
        text.append(octet == 0 ? "" : ".").append(random.nextInt(20) == 0 ? "0" : "").append(value);
      }
      if (random.nextBoolean()) {
        text.append('/').append(random.nextInt(20) == 0 ? "0" : "").append(random.nextInt(35));
      }
      texts.add(text.toString());
    }
    for (int i = 0; i < 3_000; i++) { // networks with their host bits zero, as sources write prefixes
      int length = random.nextInt(33);
      long network = random.nextLong(1L << 32) & (length == 0 ? 0 : 0xffffffffL << (32 - length) & 0xffffffffL);
      texts.add((network >>> 24) + "." + (network >>> 16 & 255) + "." + (network >>> 8 & 255) + "." + (network & 255)
          + "/" + length);
    }
    int shortPath = 0;
    int prefixes = 0;
    for (String text : texts) {
      IPv4Address fast = Cidrs.parseAddress(text);
      IPv4Address library = Cidrs.libraryParseAddress(text);
      assertEquals(describe(library), describe(fast), text);
      assertEquals(new IPAddressString(text.trim()).isIPv6(), Cidrs.isIpv6(text), text);
      IPv4Address prefix = Cidrs.parsePrefix(text);
      IPv4Address libraryPrefix = Cidrs.libraryParsePrefix(text);
      assertEquals(describe(libraryPrefix), describe(prefix), "prefix " + text);
      assertEquals(libraryPrefix, prefix, "prefix " + text);
      if (prefix != null) {
        assertEquals(Cidrs.toText(libraryPrefix), Cidrs.toText(prefix), "prefix " + text);
        assertEquals(libraryPrefix.getUpper().longValue(), prefix.getUpper().longValue(), "prefix " + text);
        assertEquals(libraryPrefix.hashCode(), prefix.hashCode(), "prefix " + text);
        prefixes++;
      }
      if (Cidrs.plainAddressValue(text.trim()) >= 0) {
        shortPath++;
      }
    }
    assertTrue(shortPath > 10_000, "most random texts are plain: " + shortPath);
    assertTrue(prefixes > 3_000, "many random texts are prefixes: " + prefixes);
  }

  @Test
  void aShortPathAddressEqualsTheLibrarysOne() {
    IPv4Address fast = Cidrs.parseAddress("10.20.30.40/22");
    IPv4Address library = Cidrs.libraryParseAddress("10.20.30.40/22");
    assertNotNull(fast);
    assertEquals(library, fast);
    assertEquals(library.hashCode(), fast.hashCode());
    assertFalse(fast.isPrefixed());
  }

  private static String describe(IPv4Address address) {
    return address == null ? "null" : address.toNormalizedString() + " value=" + address.longValue()
        + " multiple=" + address.isMultiple() + " prefix=" + Objects.toString(address.getNetworkPrefixLength());
  }
}
