package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keagen.kea.KeaVersion;
import org.keagen.kea.OptionDefinition;
import org.keagen.kea.StandardOptions;

/** A single-valued option whose value has a bare comma would be cut there by Kea: an error. */
class OptionCommaTest {
  private static OptionDefinition standard(String name) {
    return StandardOptions.instance().byName("dhcp4", name, KeaVersion.newest()).orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "boot-file-name|http://10.0.0.5/a,b|http://10.0.0.5/a",
      "domain-name|a.example,b.example|a.example",
      "host-name|leaf\"1,x|leaf\"1",
      "dhcp-lease-time|3600,7200|3600",
  })
  void aBareCommaInASingleValuedOptionIsAnError(String option, String data, String kept) {
    Optional<String> problem = OptionValues.problem(standard(option), data, true);

    assertTrue(problem.isPresent(), option + " " + data);
    assertEquals("'" + data + "' has a comma that is not escaped, so Kea would keep only '" + kept
        + "' (write \\, for a comma inside the value)", problem.get());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "boot-file-name|\\,full-config\\,",
      "boot-file-name|http://10.0.0.5/a\\,b",
      "ntp-servers|10.0.0.5, 10.0.0.6",
      "domain-search|a.example, b.example",
  })
  void escapedCommasAndArraysAreFine(String option, String data) {
    assertEquals(Optional.empty(), OptionValues.problem(standard(option), data, true));
  }

  @Test
  void rawHexDataIsNotSplit() {
    assertEquals(Optional.empty(), OptionValues.problem(standard("boot-file-name"), "61:62", false));
  }
}
