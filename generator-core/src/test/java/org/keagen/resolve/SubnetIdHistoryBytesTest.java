package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;

class SubnetIdHistoryBytesTest {
  private static final String CONFIG = "{\"Dhcp4\": {\"subnet4\": [{\"id\": 42, \"subnet\": \"10.0.0.0/24\", "
      + "\"user-context\": {\"site\": \"Zürich\"}}]}}";

  @Test
  void readsIdsFromUtf8Bytes() {
    SubnetIdHistory.ReadResult read = SubnetIdHistory.fromKeaConfig(CONFIG.getBytes(StandardCharsets.UTF_8), "kea.conf");

    assertEquals(List.of(), read.diagnostics());
    assertEquals(Map.of("10.0.0.0/24", 42L), read.history().asMap());
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNotARepairedText() {
    SubnetIdHistory.ReadResult read =
        SubnetIdHistory.fromKeaConfig(CONFIG.getBytes(StandardCharsets.ISO_8859_1), "kea.conf");

    assertEquals(1, read.diagnostics().size());
    Diagnostic d = read.diagnostics().get(0);
    assertEquals(DiagnosticCode.PREVIOUS_CONFIG_INVALID, d.code());
    assertEquals("kea.conf", d.object());
    assertEquals("the existing output file is not UTF-8 text: invalid byte 0xfc at line 1 (byte offset "
        + CONFIG.indexOf('ü') + ")", d.message());
  }
}
