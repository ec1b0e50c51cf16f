package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetboxVersionTest {

  @Test
  void parsesTheFormsNetboxReports() {
    assertEquals(new NetboxVersion(4, 7, "4.7.3"), NetboxVersion.parse("4.7.3"));
    assertEquals(2, NetboxVersion.parse("v4.2.0").minor());
    assertEquals(3, NetboxVersion.parse("4.3.1-Docker-3.2.0").minor());
    assertNull(NetboxVersion.parse("main"));
    assertNull(NetboxVersion.parse(null));
  }

  @Test
  void supportsFourTwoToFourSeven() {
    assertTrue(NetboxVersion.parse("4.1.11").olderThanSupported());
    assertTrue(NetboxVersion.parse("3.7.8").olderThanSupported());
    for (String v : new String[] {"4.2.0", "4.4.9", "4.7.3"}) {
      assertFalse(NetboxVersion.parse(v).olderThanSupported(), v);
      assertFalse(NetboxVersion.parse(v).newerThanSupported(), v);
    }
    assertTrue(NetboxVersion.parse("4.8.0").newerThanSupported());
    assertTrue(NetboxVersion.parse("5.0.0").newerThanSupported());
  }
}
