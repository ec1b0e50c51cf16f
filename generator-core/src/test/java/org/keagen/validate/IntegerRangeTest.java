package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/** Kea refuses a config with any integer beyond 64 bits; the validator says so before Kea does. */
class IntegerRangeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"valid-lifetime\": 1180591620717411303424|$.Dhcp4.subnet4[0].valid-lifetime",
      "\"user-context\": {\"a\": [1, -9223372036854775809]}|$.Dhcp4.subnet4[0].user-context.a[1]",
  })
  void anIntegerBeyond64BitsIsAnError(String entry, String path) {
    String config = "{\"Dhcp4\": {\"subnet4\": [{\"id\": 1, \"subnet\": \"10.0.0.0/24\", " + entry + "}]}}";

    List<Diagnostic> findings = KeaConfigValidator.validate(config, "kea.conf", KeaVersion.newest());

    List<Diagnostic> range = findings.stream().filter(d -> d.message().contains("64-bit")).toList();
    assertEquals(1, range.size(), findings::toString);
    assertEquals(DiagnosticCode.SCHEMA_INVALID, range.get(0).code());
    assertEquals(path, range.get(0).object());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"9223372036854775807", "-9223372036854775808"})
  void theEdgesOf64BitsAreFine(String value) {
    String config = "{\"Dhcp4\": {\"subnet4\": [{\"id\": 1, \"subnet\": \"10.0.0.0/24\", \"user-context\": {\"a\": "
        + value + "}}]}}";

    assertEquals(List.of(), KeaConfigValidator.validate(config, "kea.conf", KeaVersion.newest()));
  }
}
