package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keagen.kea.OptionDefinition;
import org.keagen.validate.OptionValues;

/**
 * Texts on which the IP address library throws (an ArrayIndexOutOfBoundsException for a prefix
 * length beyond int, found by the fuzzer) are refused like any other non-address.
 */
class AddressLibraryThrowsTest {
  @ParameterizedTest
  @ValueSource(strings = {"8/5555555555555555555553", "10.0.0.0/5555555555555555555553",
      "2001:db8::/5555555555555555555553"})
  void isRefusedNotThrown(String text) {
    assertFalse(Cidrs.isIpv6(text));
    assertFalse(Cidrs.isIpv4(text));
    assertNull(Cidrs.parsePrefix(text));
    assertNull(Cidrs.parseAddress(text));
    for (String type : new String[] {"ipv4-address", "ipv6-address", "ipv6-prefix"}) {
      assertTrue(OptionValues.problem(OptionDefinition.of("dhcp4", "x", 240, type, false), text, true).isPresent(), type);
    }
  }
}
