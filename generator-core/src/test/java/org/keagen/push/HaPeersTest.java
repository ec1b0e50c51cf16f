package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaPeersTest {
  static final String HA = "{'Dhcp4':{'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_lease_cmds.so'},"
      + "{'library':'/usr/lib/kea/hooks/libdhcp_ha.so','parameters':{'high-availability':[{"
      + "'this-server-name':'server1','mode':'hot-standby','peers':[{'name':'server1','role':'primary'},"
      + "{'name':'server2','role':'standby'}]}]}}]}}";

  @Test
  void eachPeerGetsItsOwnServerName() {
    ObjectNode config = (ObjectNode) FakeKea.parse(HA);
    ObjectNode second = HaPeers.forPeer(config, "server2");
    assertEquals("server2", second.at("/Dhcp4/hooks-libraries/1/parameters/high-availability/0/this-server-name")
        .asText());
    assertEquals("server1", config.at("/Dhcp4/hooks-libraries/1/parameters/high-availability/0/this-server-name")
        .asText(), "the original is untouched");
  }

  @Test
  void anUnknownPeerNameIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HaPeers.forPeer((ObjectNode) FakeKea.parse(HA), "server3"));
    assertTrue(e.getMessage().contains("[server1, server2]"), e.getMessage());
  }

  @Test
  void aConfigWithoutTheHaHookHasNoPeers() {
    assertFalse(HaPeers.usesHa(FakeKea.parse("{'Dhcp4':{}}")));
    assertEquals(List.of("server1", "server2"), HaPeers.peerNames(FakeKea.parse(HA)));
  }
}
