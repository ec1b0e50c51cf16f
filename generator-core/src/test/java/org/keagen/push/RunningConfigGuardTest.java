package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunningConfigGuardTest {
  private static final String RUNNING_2X = "{'control-socket':{'socket-type':'unix','socket-name':'/run/kea/s'},"
      + "'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_ha.so'},"
      + "{'library':'/usr/lib/kea/hooks/libdhcp_lease_cmds.so'}]}";

  private static List<String> problems(String next, String running) {
    return RunningConfigGuard.problems(FakeKea.parse(next), FakeKea.parse(running));
  }

  @Test
  void keepingTheSocketAndHooksIsAllowed() {
    assertEquals(List.of(), problems(RUNNING_2X, RUNNING_2X));
  }

  @Test
  void addingHooksIsAllowed() {
    assertEquals(List.of(), problems(RUNNING_2X, "{'control-socket':{'socket-name':'/run/kea/s'}}"));
  }

  @Test
  void droppingTheSocketOrAHookIsNamed() {
    List<String> found = problems("{'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_lease_cmds.so'}]}",
        RUNNING_2X);
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).contains("control unix socket /run/kea/s"), found.get(0));
    assertTrue(found.get(1).contains("hook library /usr/lib/kea/hooks/libdhcp_ha.so"), found.get(1));
  }

  @Test
  void kea3SocketListsAndBareNamesCountAsTheSame() {
    String running = "{'control-sockets':[{'socket-type':'unix','socket-name':'/run/kea/kea4-ctrl-socket'},"
        + "{'socket-type':'http','socket-address':'127.0.0.1','socket-port':8004}],"
        + "'hooks-libraries':[{'library':'/usr/lib/kea/hooks/libdhcp_ha.so'}]}";
    String next = "{'control-sockets':[{'socket-type':'unix','socket-name':'kea4-ctrl-socket'},"
        + "{'socket-type':'http','socket-address':'127.0.0.1','socket-port':8004}],"
        + "'hooks-libraries':[{'library':'libdhcp_ha.so'}]}";
    assertEquals(List.of(), problems(next, running));
    String otherPort = next.replace("8004", "8005");
    assertEquals(1, problems(otherPort, running).size());
  }
}
