package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/** A finding names a reservation by its hostname, address and first identifier, as far as it has them. */
class SemanticRulesDescriptionTest {
  @Test
  void aReservationIsNamedByWhatItHas() throws Exception {
    String reservations = String.join(", ",
        "{\"hostname\": \"h1\", \"ip-address\": \"10.0.0.10\", \"client-id\": \"01:02:03:04\"}",
        "{\"hostname\": \"h2\", \"ip-address\": \"10.0.0.11\", \"client-id\": \"01:02:03:04\"}",
        "{\"ip-address\": \"10.0.0.12\", \"hw-address\": \"00:00:00:00:00:01\", \"client-id\": \"05:06\"}",
        "{\"hw-address\": \"00:00:00:00:00:01\"}",
        "{\"ip-address\": \"10.0.0.12\"}");
    List<Diagnostic> found = SemanticRules.check(new ObjectMapper().readTree("{\"reservations\": [" + reservations + "]}"),
        KeaVersion.V2_6).stream().filter(d -> d.code() != DiagnosticCode.SCHEMA_INVALID).toList();
    assertEquals(List.of(
            "global reservations: h2 10.0.0.11 client-id 01:02:03:04 | has the same client-id 01:02:03:04 as"
                + " h1 10.0.0.10 client-id 01:02:03:04",
            "global reservations: hw-address 00:00:00:00:00:01 | has the same hw-address 00:00:00:00:00:01 as"
                + " 10.0.0.12 hw-address 00:00:00:00:00:01",
            "global reservations: 10.0.0.12 | reserves 10.0.0.12 like 10.0.0.12 hw-address 00:00:00:00:00:01"),
        found.stream().map(d -> d.object() + " | " + d.message().substring(0, d.message().indexOf(';') < 0
            ? d.message().length() : d.message().indexOf(';'))).toList());
  }
}
