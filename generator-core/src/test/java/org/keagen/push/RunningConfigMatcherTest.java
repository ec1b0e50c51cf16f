package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunningConfigMatcherTest {

  private static List<String> differences(String sent, String running) {
    return RunningConfigMatcher.differences(FakeKea.parse(sent), FakeKea.parse(running), "Dhcp4");
  }

  @Test
  void defaultsKeaAddsAreIgnored() {
    assertEquals(List.of(), differences("{'valid-lifetime':100}", "{'valid-lifetime':100,'renew-timer':50}"));
  }

  @Test
  void aChangedValueIsNamedByItsPath() {
    assertEquals(List.of("Dhcp4.valid-lifetime: sent 100, running 200"),
        differences("{'valid-lifetime':100}", "{'valid-lifetime':200}"));
  }

  @Test
  void numbersCompareByValue() {
    assertEquals(List.of(), differences("{'t1-percent':0.5}", "{'t1-percent':0.50}"));
  }

  @Test
  void reservationsMatchByIdentifierWhateverTheOrderAndForm() {
    String sent = "{'reservations':[{'hw-address':'02:00:5E:00:02:10','ip-address':'192.0.2.10'},"
        + "{'client-id':'00:4c:45','ip-address':'192.0.2.11'}]}";
    String running = "{'reservations':[{'client-id':'004C45','ip-address':'192.0.2.11','hostname':''},"
        + "{'hw-address':'02:00:5e:00:02:10','ip-address':'192.0.2.10'}]}";
    assertEquals(List.of(), differences(sent, running));
  }

  @Test
  void aReservationWithAnotherAddressIsADifference() {
    String sent = "{'reservations':[{'hw-address':'02:00:5e:00:02:10','ip-address':'192.0.2.10'}]}";
    String running = "{'reservations':[{'hw-address':'02:00:5e:00:02:10','ip-address':'192.0.2.12'}]}";
    assertEquals(List.of("Dhcp4.reservations[hw-address=02:00:5e:00:02:10].ip-address: sent \"192.0.2.10\","
        + " running \"192.0.2.12\""), differences(sent, running));
  }

  @Test
  void aMissingListEntryAndAnExtraOneAreDifferences() {
    String sent = "{'subnet4':[{'id':1,'subnet':'192.0.2.0/24'}]}";
    String running = "{'subnet4':[{'id':2,'subnet':'192.0.2.0/24'},{'id':3,'subnet':'198.51.100.0/24'}]}";
    assertEquals(List.of("Dhcp4.subnet4: sent 1 entry, running 2", "Dhcp4.subnet4[id=1]: sent, missing from the"
        + " running config"), differences(sent, running));
  }

  @Test
  void optionsMatchByNameOrCodeAndKeaAddsTheOther() {
    String sent = "{'option-data':[{'name':'routers','data':'192.0.2.1'},{'code':239,'data':'http://x/y'}]}";
    String running = "{'option-data':[{'code':239,'name':'cumulus-provision-url','space':'dhcp4','data':'http://x/y',"
        + "'always-send':false,'csv-format':true},{'code':3,'name':'routers','space':'dhcp4','data':'192.0.2.1'}]}";
    assertEquals(List.of(), differences(sent, running));
  }

  @Test
  void aCommentMayComeBackInsideTheUserContext() {
    assertEquals(List.of(), differences("{'comment':'lab'}", "{'user-context':{'comment':'lab'}}"));
  }

  @Test
  void hooksAndSocketsGivenByFileNameMatchKeasFullPaths() {
    String sent = "{'hooks-libraries':[{'library':'libdhcp_lease_cmds.so'}],"
        + "'control-sockets':[{'socket-type':'unix','socket-name':'kea4-ctrl-socket'}]}";
    String running = "{'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_lease_cmds.so'}],"
        + "'control-sockets':[{'socket-type':'unix','socket-name':'/run/kea/kea4-ctrl-socket'}]}";
    assertEquals(List.of(), differences(sent, running));
  }

  @Test
  void secretValuesAreNeverShown() {
    List<String> found = differences("{'lease-database':{'type':'mysql','password':'hunter2'}}",
        "{'lease-database':{'type':'mysql','password':'other'}}");
    assertEquals(List.of("Dhcp4.lease-database.password: sent <redacted>, running <redacted>"), found);
    List<String> missing = differences("{'lease-database':{'password':'hunter2'}}", "{'lease-database':{}}");
    assertFalse(missing.get(0).contains("hunter2"), missing.get(0));
  }

  @Test
  void anEmptyListKeaLeavesOutIsNoDifference() {
    assertEquals(List.of(), differences("{'option-data':[]}", "{}"));
    assertTrue(differences("{'option-data':[{'name':'routers','data':'192.0.2.1'}]}", "{}").get(0)
        .contains("missing from the running config"));
  }
}
