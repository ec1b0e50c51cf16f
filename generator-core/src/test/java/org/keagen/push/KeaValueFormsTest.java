package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeaValueFormsTest {

  @Test
  void identifiersAgreeWhateverTheCaseAndSeparators() {
    assertEquals("004c4541", KeaValueForms.identifier("00:4C:45:41"));
    assertEquals("004c4541", KeaValueForms.identifier("004C4541"));
    assertEquals("004c4541", KeaValueForms.identifier("00-4c-45-41"));
    assertEquals("004c4541", KeaValueForms.identifier("0x004C4541"));
  }

  @Test
  void quotedTextIdentifiersBecomeTheirBytes() {
    assertEquals("4c45", KeaValueForms.identifier("'LE'"));
  }

  @Test
  void poolsAgreeAsRangesOrPrefixes() {
    assertEquals("192.0.2.100-192.0.2.110", KeaValueForms.pool("192.0.2.100 - 192.0.2.110"));
    assertEquals("192.0.2.0-192.0.2.15", KeaValueForms.pool("192.0.2.0/28"));
    assertEquals("192.0.2.0-192.0.2.15", KeaValueForms.pool("192.0.2.7/28"));
    assertEquals("not a pool", KeaValueForms.pool(" not a pool "));
  }

  @Test
  void optionDataIgnoresBlanksAroundCommasAndHexSeparators() {
    assertEquals("192.0.2.1,192.0.2.2", KeaValueForms.optionData("192.0.2.1, 192.0.2.2", true));
    assertEquals("0a0b", KeaValueForms.optionData("0A:0B", false));
    assertEquals("http://x/y", KeaValueForms.optionData("http://x/y", true), "CSV text keeps its colons");
  }

  @Test
  void aBareFileNameMatchesAFullPathEndingInIt() {
    assertTrue(KeaValueForms.sameFile("libdhcp_ha.so", "/usr/lib/kea/hooks/libdhcp_ha.so"));
    assertTrue(KeaValueForms.sameFile("/a/libdhcp_ha.so", "/a/libdhcp_ha.so"));
    assertFalse(KeaValueForms.sameFile("/a/libdhcp_ha.so", "/b/libdhcp_ha.so"), "two full paths must be equal");
    assertFalse(KeaValueForms.sameFile("libdhcp_ha.so", "/a/libdhcp_lease_cmds.so"));
  }
}
