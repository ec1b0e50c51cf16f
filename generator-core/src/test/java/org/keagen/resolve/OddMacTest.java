package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MACs in odd notations: the usual ones are read, anything else is refused, never thrown. */
class OddMacTest {
  @ParameterizedTest
  @ValueSource(strings = {"1*", "1*\n", "*", "*:*:*:*:*:*", "00:11:22:*:44:55", "00:11:22:33:44:00-ff",
      "0x001122334455", "00:11:22:33:44:55/48", "", " ", "zz", "00:11:22:33:44", "00:11:22:33:44:55:66"})
  void anythingButAMacIsRefused(String text) {
    assertNull(Identifiers.canonicalMac(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:11:22:33:44:55", "00-11-22-33-44-55", "0011.2233.4455", "001122334455",
      "00:11:22:33:44:55 ", "00 11 22 33 44 55"})
  void theUsualNotationsAreRead(String text) {
    assertEquals("00:11:22:33:44:55", Identifiers.canonicalMac(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:11:22:AA:BB:CC", "0011.22aa.BBcc"})
  void upperCaseIsLowered(String text) {
    assertEquals("00:11:22:aa:bb:cc", Identifiers.canonicalMac(text));
  }
}
