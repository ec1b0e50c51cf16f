package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/**
 * A global reservation inside a pool is checked against the first subnet, in config order, that
 * contains it: found by binary search when subnets are disjoint, by a scan when they overlap.
 */
class SemanticRulesGlobalReservationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String subnet(String cidr, int id, String pool, boolean outOfPool) {
    return "{\"subnet\": \"" + cidr + "\", \"id\": " + id + ", \"pools\": [{\"pool\": \"" + pool + "\"}],"
        + " \"reservations-global\": true, \"reservations-out-of-pool\": " + outOfPool + "}";
  }

  private static List<Diagnostic> inPool(String subnets, String... addresses) throws Exception {
    StringBuilder reservations = new StringBuilder();
    for (int i = 0; i < addresses.length; i++) {
      reservations.append(i == 0 ? "" : ", ").append("{\"hw-address\": \"00:00:00:00:00:0").append(i)
          .append("\", \"ip-address\": \"").append(addresses[i]).append("\"}");
    }
    JsonNode dhcp4 = MAPPER.readTree("{\"subnet4\": [" + subnets + "], \"reservations\": [" + reservations + "]}");
    return SemanticRules.check(dhcp4, KeaVersion.V2_6).stream()
        .filter(d -> d.code() == DiagnosticCode.RESERVATION_IN_POOL).toList();
  }

  @Test
  void disjointSubnetsInAnyOrder() throws Exception {
    String subnets = String.join(", ",
        subnet("10.0.2.0/24", 3, "10.0.2.10-10.0.2.20", true),
        subnet("10.0.0.0/24", 1, "10.0.0.10-10.0.0.20", false),
        subnet("10.0.1.0/25", 2, "10.0.1.10-10.0.1.20", true));
    List<Diagnostic> found = inPool(subnets, "10.0.2.15", "10.0.0.15", "10.0.1.15", "10.0.1.200", "10.0.3.15",
        "10.0.1.127", "9.255.255.255", "10.0.2.255");
    assertEquals(List.of("10.0.2.15", "10.0.1.15"),
        found.stream().map(d -> d.message().substring(0, d.message().indexOf(' '))).toList());
  }

  @Test
  void overlappingSubnetsUseTheFirstInConfigOrder() throws Exception {
    String first = subnet("10.0.0.0/16", 1, "10.0.0.10-10.0.0.20", false);
    String second = subnet("10.0.0.0/24", 2, "10.0.0.10-10.0.0.20", true);
    assertEquals(0, inPool(first + ", " + second, "10.0.0.15").size());
    assertEquals(1, inPool(second + ", " + first, "10.0.0.15").size());
  }
}
