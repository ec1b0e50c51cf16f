package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PrefixIndexTest {
  private static long value(String address) {
    return Cidrs.parseAddress(address).longValue();
  }

  @Test
  void theLongestPrefixOfTheAddresssVrfWins() {
    PrefixIndex<String> index = new PrefixIndex<>();
    index.put(null, Cidrs.parsePrefix("10.0.0.0/8"), "global /8");
    index.put(null, Cidrs.parsePrefix("10.1.0.0/16"), "global /16");
    index.put(null, Cidrs.parsePrefix("10.1.2.0/24"), "global /24");
    index.put("blue", Cidrs.parsePrefix("10.1.0.0/16"), "blue /16");
    index.put("blue", Cidrs.parsePrefix("0.0.0.0/0"), "blue default");
    assertEquals("global /24", index.longestMatch(null, value("10.1.2.3")));
    assertEquals("global /16", index.longestMatch(null, value("10.1.3.3")));
    assertEquals("global /8", index.longestMatch(null, value("10.200.0.1")));
    assertNull(index.longestMatch(null, value("11.0.0.1")));
    assertEquals("blue /16", index.longestMatch("blue", value("10.1.2.3")));
    assertEquals("blue default", index.longestMatch("blue", value("192.168.0.1")));
    assertNull(index.longestMatch("red", value("10.1.2.3")));
    assertEquals("global /8", index.put(null, Cidrs.parsePrefix("10.0.0.0/8"), "again"), "the first value stays");
  }

  @Test
  void eachLookUpProbesAtMostOncePerLengthInItsVrf() {
    PrefixIndex<String> index = new PrefixIndex<>();
    for (int i = 0; i < 256; i++) {
      index.put(null, Cidrs.parsePrefix("10.0." + i + ".0/24"), "subnet " + i);
    }
    index.put(null, Cidrs.parsePrefix("10.1.0.0/16"), "big");
    index.longestMatch(null, value("10.0.7.1"));
    index.longestMatch(null, value("10.1.7.1"));
    index.longestMatch(null, value("10.2.7.1"));
    assertEquals(3, index.lookups());
    assertEquals(2, index.maxLengths());
    assertEquals(1 + 2 + 2, index.probes(), "a /24 hit takes one probe, a /16 hit or a miss two");
  }
}
