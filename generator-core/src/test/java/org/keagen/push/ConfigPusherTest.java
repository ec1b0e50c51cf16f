package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigPusherTest {
  static final String SOCKET = "'control-socket':{'socket-type':'unix','socket-name':'/run/kea/kea4-ctrl-socket'}";
  static final String HOOKS = "'hooks-libraries':[{'library':'/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so'}]";
  static final String RUNNING = "{'Dhcp4':{" + SOCKET + "," + HOOKS + ",'subnet4':[]}}";
  static final String NEW = "{'Dhcp4':{" + SOCKET + "," + HOOKS + ","
      + "'reservations':[{'hw-address':'02:00:5e:00:02:10','ip-address':'192.0.2.10'},"
      + "{'client-id':'00:4c:45:41:46','ip-address':'192.0.2.11'}],"
      + "'subnet4':[{'id':42,'subnet':'192.0.2.0/24','pools':[{'pool':'192.0.2.100-192.0.2.110'}],"
      + "'option-data':[{'name':'routers','data':'192.0.2.1'}]}]}}";

  private static ObjectNode config(String json) {
    return (ObjectNode) FakeKea.parse(json);
  }

  @Test
  void goodPushRunsTheStepsInOrderAndLeavesTheNewConfigRunningAndWritten() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertTrue(outcome.ok(), outcome.toLine());
    assertEquals(List.of("config-get", "list-commands", "config-test", "config-set", "config-write", "config-get"),
        kea.sent);
    assertEquals(config(NEW), kea.running());
    assertEquals(config(NEW), kea.written);
    assertTrue(outcome.changed());
    assertNull(outcome.hash(), "Kea without config-hash-get gives no hash");
    assertTrue(outcome.message().contains("/etc/kea/kea-dhcp4.conf"), outcome.message());
  }

  @Test
  void pushingTheRunningConfigAgainSucceedsAndReportsNoChange() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    assertTrue(ConfigPusher.over(kea).push(config(NEW)).changed());
    PushOutcome again = ConfigPusher.over(kea).push(config(NEW));
    assertTrue(again.ok(), again.toLine());
    assertFalse(again.changed());
    assertTrue(again.message().contains("already this config"), again.message());
  }

  @Test
  void aConfigWithoutTheControlSocketIsRefusedBeforeAnythingIsSent() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    PushOutcome outcome = ConfigPusher.over(kea).push(config("{'Dhcp4':{" + HOOKS + ",'subnet4':[]}}"));
    assertEquals(PushStep.GUARD, outcome.failedStep());
    assertTrue(outcome.message().contains("unix socket /run/kea/kea4-ctrl-socket"), outcome.message());
    assertEquals(List.of("config-get", "list-commands"), kea.sent, "only reads before the refusal");
    assertEquals(config(RUNNING), kea.running());
  }

  @Test
  void aConfigWithAnotherSocketPathIsRefused() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    String moved = "{'Dhcp4':{'control-socket':{'socket-type':'unix','socket-name':'/tmp/elsewhere'}," + HOOKS + "}}";
    PushOutcome outcome = ConfigPusher.over(kea).push(config(moved));
    assertEquals(PushStep.GUARD, outcome.failedStep());
  }

  @Test
  void aConfigDroppingAHookTheServerLoadsIsRefused() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    PushOutcome outcome = ConfigPusher.over(kea).push(config("{'Dhcp4':{" + SOCKET + ",'subnet4':[]}}"));
    assertEquals(PushStep.GUARD, outcome.failedStep());
    assertTrue(outcome.message().contains("libdhcp_lease_cmds.so"), outcome.message());
    assertFalse(kea.sent.contains("config-test"));
  }

  @Test
  void aConfigKeaRejectsInConfigTestIsNeverSet() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.failNext("config-test", 1);
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.CONFIG_TEST, outcome.failedStep());
    assertTrue(outcome.message().contains("config-test failed on purpose"), outcome.message());
    assertFalse(kea.sent.contains("config-set"));
    assertEquals(config(RUNNING), kea.running());
  }

  @Test
  void aFailedConfigSetPutsThePreviousConfigBack() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.failNext("config-set", 1);
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.CONFIG_SET, outcome.failedStep());
    assertTrue(outcome.message().endsWith("the previous config was restored"), outcome.message());
    assertEquals(config(RUNNING), kea.running());
    assertEquals(0, kea.writes);
  }

  @Test
  void aFailedConfigWriteRestoresTheRunningConfigSoItMatchesTheFileAgain() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.failNext("config-write", 1);
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.CONFIG_WRITE, outcome.failedStep());
    assertTrue(outcome.message().contains("previous config was restored"), outcome.message());
    assertEquals(config(RUNNING), kea.running());
  }

  @Test
  void aRunningConfigThatDiffersFromWhatWasSentIsRolledBackAndRewritten() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.rewrite = running -> {
      ((ObjectNode) running.get("Dhcp4")).remove("reservations");
      return running;
    };
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.VERIFY, outcome.failedStep());
    assertTrue(outcome.message().contains("Dhcp4.reservations: sent list of 2, missing from the running config"),
        outcome.message());
    assertEquals(config(RUNNING), kea.running());
    assertEquals(2, kea.writes, "the new config was written, so the restored one is written again");
    assertEquals(config(RUNNING), kea.written);
  }

  @Test
  void whatKeaRewritesDoesNotCountAsADifference() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.rewrite = running -> {
      ObjectNode dhcp4 = (ObjectNode) running.get("Dhcp4");
      dhcp4.put("valid-lifetime", 7200);
      if (!dhcp4.has("reservations")) {
        return running;
      }
      ArrayNode reservations = (ArrayNode) dhcp4.get("reservations");
      JsonNode first = reservations.remove(0);
      reservations.add(first);
      for (JsonNode r : reservations) {
        ObjectNode reservation = (ObjectNode) r;
        reservation.put("boot-file-name", "");
        if (reservation.has("client-id")) {
          reservation.put("client-id", reservation.get("client-id").asText().replace(":", "").toUpperCase());
        }
      }
      ObjectNode subnet = (ObjectNode) dhcp4.get("subnet4").get(0);
      ((ObjectNode) subnet.get("pools").get(0)).put("pool", "192.0.2.100 - 192.0.2.110");
      ObjectNode option = (ObjectNode) subnet.get("option-data").get(0);
      option.put("code", 3).put("space", "dhcp4").put("always-send", false).put("csv-format", true);
      return running;
    };
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertTrue(outcome.ok(), outcome.toLine());
  }

  @Test
  void aRestoreThatFailsTooSaysSoLoudly() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.failNext("config-set", 2);
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.CONFIG_SET, outcome.failedStep());
    assertTrue(outcome.message().contains("RESTORING THE PREVIOUS CONFIG FAILED"), outcome.message());
  }

  @Test
  void anUnreachableServerFailsAtTheFirstStepWithTheChannelsReason() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.unreachable.add("config-get");
    PushOutcome outcome = ConfigPusher.over(kea).push(config(NEW));
    assertEquals(PushStep.CONFIG_GET, outcome.failedStep());
    assertEquals("push to kea failed at config-get: connection reset by kea", outcome.toLine());
  }

  @Test
  void withConfigHashGetTheHashTellsWhetherAnythingChanged() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.hashes = true;
    PushOutcome first = ConfigPusher.over(kea).push(config(NEW));
    assertTrue(first.ok(), first.toLine());
    assertNotNull(first.hash());
    assertTrue(first.changed());
    PushOutcome again = ConfigPusher.over(kea).push(config(NEW));
    assertFalse(again.changed());
    assertEquals(first.hash(), again.hash());
  }

  @Test
  void aConfigChangedByOthersBetweenCheckAndApplyIsNotOverwritten() {
    FakeKea kea = new FakeKea("kea", RUNNING);
    kea.hashes = true;
    String others = "{'Dhcp4':{" + SOCKET + "," + HOOKS + ",'valid-lifetime':60}}";
    ConfigPusher pusher = ConfigPusher.over(kea);
    ConfigPusher.CheckResult checked = pusher.check(config(NEW));
    assertTrue(checked.ok());
    kea.replaceRunning(others);
    PushOutcome outcome = pusher.apply(checked.checked());
    assertEquals(PushStep.CONFIG_HASH_GET, outcome.failedStep());
    assertFalse(kea.sent.contains("config-set"));
    assertEquals(config(others), kea.running());
  }
}
