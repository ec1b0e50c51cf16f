package org.keagen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

class KeaDialectTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode adapt(String dhcp4, KeaVersion version, List<Diagnostic> report) throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(dhcp4.replace('\'', '"'));
    KeaDialect.adapt(node, version, report::add);
    return node;
  }

  private static ObjectNode adapt(String dhcp4, KeaVersion version) throws Exception {
    List<Diagnostic> report = new ArrayList<>();
    ObjectNode node = adapt(dhcp4, version, report);
    assertEquals(List.of(), report);
    return node;
  }

  private static final String TWO_X = "{'control-socket':{'socket-type':'unix','socket-name':'/run/kea/kea4-ctrl-socket'},"
      + "'hooks-libraries':[{'library':'/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so'}],"
      + "'loggers':[{'name':'kea-dhcp4','output_options':[{'output':'stdout'}]}],"
      + "'subnet4':[{'id':1,'subnet':'10.0.0.0/24','client-class':'voip','require-client-classes':['late'],"
      + "'pools':[{'pool':'10.0.0.10-10.0.0.20','client-class':'voip'}]}]}";

  @Test
  void kea30TakesListsNewNamesAndBareFileNames() throws Exception {
    ObjectNode dhcp4 = adapt(TWO_X, KeaVersion.V3_0);
    assertEquals("[{\"socket-type\":\"unix\",\"socket-name\":\"kea4-ctrl-socket\"}]", dhcp4.get("control-sockets").toString());
    assertTrue(!dhcp4.has("control-socket"));
    assertEquals("libdhcp_lease_cmds.so", dhcp4.at("/hooks-libraries/0/library").asText());
    assertTrue(dhcp4.at("/loggers/0").has("output-options"));
    assertEquals("[\"voip\"]", dhcp4.at("/subnet4/0/client-classes").toString());
    assertEquals("[\"late\"]", dhcp4.at("/subnet4/0/evaluate-additional-classes").toString());
    assertEquals("[\"voip\"]", dhcp4.at("/subnet4/0/pools/0/client-classes").toString());
  }

  @Test
  void kea22KeepsTheOldKeysAndFullPaths() throws Exception {
    ObjectNode dhcp4 = adapt(TWO_X, KeaVersion.V2_2);
    assertEquals(MAPPER.readTree(TWO_X.replace('\'', '"')), dhcp4);
  }

  @Test
  void aThreeZeroConfigRendersBackForKea22() throws Exception {
    ObjectNode dhcp4 = adapt("{'control-sockets':[{'socket-type':'unix','socket-name':'/run/kea/s'}],"
        + "'loggers':[{'name':'kea-dhcp4','output-options':[{'output':'stdout'}]}],"
        + "'subnet4':[{'id':1,'subnet':'10.0.0.0/24','client-classes':['voip'],'evaluate-additional-classes':['late']}]}",
        KeaVersion.V2_2);
    assertEquals("/run/kea/s", dhcp4.at("/control-socket/socket-name").asText());
    assertTrue(dhcp4.at("/loggers/0").has("output_options"));
    assertEquals("voip", dhcp4.at("/subnet4/0/client-class").asText());
    assertEquals("[\"late\"]", dhcp4.at("/subnet4/0/require-client-classes").toString());
  }

  @Test
  void reservationModeBecomesTheThreeFlagsForEveryVersion() throws Exception {
    for (KeaVersion version : KeaVersion.values()) {
      ObjectNode dhcp4 = adapt("{'reservation-mode':'global','subnet4':[{'id':1,'subnet':'10.0.0.0/24',"
          + "'reservation-mode':'out-of-pool'}]}", version);
      assertTrue(!dhcp4.has("reservation-mode") && !dhcp4.at("/subnet4/0").has("reservation-mode"));
      assertEquals(true, dhcp4.get("reservations-global").asBoolean());
      assertEquals(false, dhcp4.get("reservations-in-subnet").asBoolean());
      assertEquals(true, dhcp4.at("/subnet4/0/reservations-out-of-pool").asBoolean());
      assertEquals(true, dhcp4.at("/subnet4/0/reservations-in-subnet").asBoolean());
    }
  }

  @Test
  void twoControlSocketsCannotBeExpressedBeforeKea30() throws Exception {
    List<Diagnostic> report = new ArrayList<>();
    adapt("{'control-sockets':[{'socket-type':'unix','socket-name':'a'},{'socket-type':'http','socket-port':8000}]}",
        KeaVersion.V2_6, report);
    assertEquals(1, report.size());
    assertEquals(DiagnosticCode.KEY_NOT_IN_VERSION, report.get(0).code());
    assertTrue(report.get(0).hint().contains("3.0"), report.get(0)::toLine);
  }
}
