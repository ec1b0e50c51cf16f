package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerPushTest {
  private static final String HOOKS_HA = "'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_lease_cmds.so'},"
      + "{'library':'/usr/lib/kea/hooks/libdhcp_ha.so','parameters':{'high-availability':[{"
      + "'this-server-name':'server1','mode':'hot-standby','peers':[{'name':'server1','role':'primary'},"
      + "{'name':'server2','role':'standby'}]}]}}]";
  private static final String RUNNING = "{'Dhcp4':{" + ConfigPusherTest.SOCKET + "," + HOOKS_HA + "}}";
  private static final String NEW = "{'Dhcp4':{" + ConfigPusherTest.SOCKET + "," + HOOKS_HA + ",'valid-lifetime':600}}";

  private static PeerPush.Target target(String spec, FakeKea kea) {
    return new PeerPush.Target(ControlEndpoint.parse(spec), kea);
  }

  @Test
  void everyPeerGetsTheConfigInOrderWithItsOwnName() {
    FakeKea one = new FakeKea("one", RUNNING);
    FakeKea two = new FakeKea("two", RUNNING);
    List<PushOutcome> outcomes = PeerPush.push(List.of(target("server1=unix:/run/kea/a", one),
        target("server2=unix:/run/kea/b", two)), (ObjectNode) FakeKea.parse(NEW));
    assertTrue(outcomes.stream().allMatch(PushOutcome::ok), outcomes.toString());
    assertEquals("server1 (unix:/run/kea/a)", outcomes.get(0).endpoint());
    assertEquals(600, one.running().at("/Dhcp4/valid-lifetime").asInt());
    assertEquals("server1", one.running().at("/Dhcp4/hooks-libraries/1/parameters/high-availability/0/this-server-name")
        .asText());
    assertEquals("server2", two.running().at("/Dhcp4/hooks-libraries/1/parameters/high-availability/0/this-server-name")
        .asText());
  }

  @Test
  void aPeerFailingItsChecksMeansNoPeerIsChanged() {
    FakeKea one = new FakeKea("one", RUNNING);
    FakeKea two = new FakeKea("two", RUNNING);
    two.failNext("config-test", 1);
    List<PushOutcome> outcomes = PeerPush.push(List.of(target("server1=/run/kea/a", one),
        target("server2=/run/kea/b", two)), (ObjectNode) FakeKea.parse(NEW));
    assertEquals(PushOutcome.Status.NOT_PUSHED, outcomes.get(0).status());
    assertEquals(PushStep.CONFIG_TEST, outcomes.get(1).failedStep());
    assertFalse(one.sent.contains("config-set"));
    assertFalse(two.sent.contains("config-set"));
  }

  @Test
  void theFirstFailureWhileApplyingStopsTheRest() {
    FakeKea one = new FakeKea("one", RUNNING);
    FakeKea two = new FakeKea("two", RUNNING);
    FakeKea three = new FakeKea("three", RUNNING);
    String noHa = "{'Dhcp4':{" + ConfigPusherTest.SOCKET + "," + ConfigPusherTest.HOOKS + "}}";
    for (FakeKea kea : List.of(one, two, three)) {
      kea.replaceRunning(noHa);
    }
    two.failNext("config-write", 1);
    String next = "{'Dhcp4':{" + ConfigPusherTest.SOCKET + "," + ConfigPusherTest.HOOKS + ",'valid-lifetime':600}}";
    List<PushOutcome> outcomes = PeerPush.push(List.of(target("/run/kea/a", one), target("/run/kea/b", two),
        target("/run/kea/c", three)), (ObjectNode) FakeKea.parse(next));
    assertTrue(outcomes.get(0).ok());
    assertEquals(PushStep.CONFIG_WRITE, outcomes.get(1).failedStep());
    assertEquals(PushOutcome.Status.NOT_PUSHED, outcomes.get(2).status());
    assertTrue(outcomes.get(2).message().contains("servers before it run the new config"), outcomes.get(2).message());
    assertFalse(three.sent.contains("config-set"), "the third server was checked but not changed");
    assertEquals(FakeKea.parse(noHa), two.running(), "the failing peer was restored");
  }

  @Test
  void unnamedPeersOfAnHaConfigAreRefusedBeforeAnythingIsSent() {
    FakeKea one = new FakeKea("one", RUNNING);
    FakeKea two = new FakeKea("two", RUNNING);
    List<PushOutcome> outcomes = PeerPush.push(List.of(target("/run/kea/a", one), target("/run/kea/b", two)),
        (ObjectNode) FakeKea.parse(NEW));
    assertEquals(PushStep.PEER_CONFIG, outcomes.get(0).failedStep());
    assertTrue(one.sent.isEmpty() && two.sent.isEmpty());
  }
}
