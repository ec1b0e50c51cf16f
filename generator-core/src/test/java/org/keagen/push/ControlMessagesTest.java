package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command and answer forms, and credentials that never show their password. */
class ControlMessagesTest {

  @Test
  void commandsNameTheServiceOnlyWhenAsked() {
    ObjectNode config = (ObjectNode) FakeKea.parse("{'Dhcp4':{}}");
    assertEquals(FakeKea.parse("{'command':'config-test','arguments':{'Dhcp4':{}}}"),
        ControlCommand.configTest(config).toJson(List.of()));
    assertEquals(FakeKea.parse("{'command':'config-get','service':['dhcp4']}"),
        ControlCommand.configGet().toJson(List.of("dhcp4")));
  }

  @Test
  void answersComeAsAnObjectOrAListOfOne() throws ControlChannelException {
    ControlResponse plain = ControlResponse.parse(FakeKea.parse("{'result':1,'text':'bad'}"));
    assertEquals(1, plain.result());
    assertEquals("bad", plain.describe());
    ControlResponse listed = ControlResponse.parse(FakeKea.parse("[{'result':0,'arguments':{'hash':'AB'}}]"));
    assertTrue(listed.ok());
    assertEquals("AB", listed.arguments().path("hash").asText());
    assertEquals("result 0 without a message", listed.describe());
  }

  @Test
  void somethingElseIsNotAnAnswer() {
    assertThrows(ControlChannelException.class, () -> ControlResponse.parse(FakeKea.parse("{'text':'x'}")));
    assertThrows(ControlChannelException.class,
        () -> ControlResponse.parse(FakeKea.parse("[{'result':0},{'result':0}]")));
  }

  @Test
  void credentialsNeverShowThePassword() {
    BasicCredentials credentials = new BasicCredentials("admin", "hunter2");
    assertFalse(credentials.toString().contains("hunter2"));
    assertFalse(ChannelSettings.defaults().withCredentials(credentials).toString().contains("hunter2"));
    assertEquals("Basic YWRtaW46aHVudGVyMg==", credentials.header());
  }
}
