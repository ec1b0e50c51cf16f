package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;

/** {@code keagen validate} on a broken file names where it broke, not the secret it broke at. */
class ValidatorEchoTest {
  @Test
  void aPasswordThatLostItsQuotesIsNotEchoed() {
    String config = "{\"Dhcp4\": {\"lease-database\": {\"type\": \"mysql\", \"password\": hunter2hunter2}}}";

    List<Diagnostic> findings = KeaConfigValidator.validate(config, "kea.conf", KeaVersion.newest());

    assertEquals(1, findings.size(), findings::toString);
    assertEquals(DiagnosticCode.SCHEMA_INVALID, findings.get(0).code());
    assertFalse(findings.get(0).toLine().contains("hunter2"), findings.get(0).toLine());
  }
}
