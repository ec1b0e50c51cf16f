package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keagen.source.nautobot.KeaConfigComparison.comparable;
import static org.keagen.source.nautobot.KeaConfigComparison.differences;
import static org.keagen.source.nautobot.KeaConfigComparison.lowerCaseHwAddresses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison the conformance test relies on, checked on the reference's own expected file. */
class KeaConfigComparisonTest {

  @Test
  void keepsOnlyTheComparedKeys() {
    JsonNode dhcp4 = comparable(ReferenceFixtures.expectedConfig()).get("Dhcp4");
    assertEquals(List.of("option-def", "reservations-global", "reservations", "subnet4"),
        names(dhcp4.fieldNames()));
  }

  @Test
  void normalisationMakesOrderIrrelevant() {
    JsonNode config = ReferenceFixtures.parse("""
        {"Dhcp4": {"reservations": [{"ip-address": "10.0.0.9", "option-data": [{"name": "b"}, {"name": "a"}]},
                                    {"ip-address": "10.0.0.10"}],
                   "subnet4": [{"subnet": "10.1.0.0/24", "pools": [{"pool": "10.1.0.9-10.1.0.9"}, {"pool": "10.1.0.10-10.1.0.10"}],
                                "reservations": [{"hw-address": "bb"}, {"client-id": "aa"}]},
                               {"subnet": "10.0.0.0/24"}],
                   "loggers": []}}
        """);
    JsonNode reordered = ReferenceFixtures.parse("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24"},
                               {"subnet": "10.1.0.0/24", "reservations": [{"client-id": "aa"}, {"hw-address": "bb"}],
                                "pools": [{"pool": "10.1.0.10-10.1.0.10"}, {"pool": "10.1.0.9-10.1.0.9"}]}],
                   "reservations": [{"ip-address": "10.0.0.10"},
                                    {"ip-address": "10.0.0.9", "option-data": [{"name": "a"}, {"name": "b"}]}]}}
        """);

    assertEquals(comparable(config), comparable(reordered));
    assertEquals("10.0.0.10", comparable(config).at("/Dhcp4/reservations/0/ip-address").asText(),
        "sorted as strings, like the reference's test");
  }

  @Test
  void expectedFileEqualsItself() {
    JsonNode expected = comparable(ReferenceFixtures.expectedConfig());
    assertEquals(List.of(), differences(expected, expected));
  }

  @Test
  void differencesNameTheFieldByKeyWithBothValues() {
    JsonNode expected = comparable(ReferenceFixtures.expectedConfig());
    JsonNode lowered = comparable(lowerCaseHwAddresses(ReferenceFixtures.expectedConfig()));

    assertEquals(ConformanceTest.HW_ADDRESS_CASE_DIFFERENCES, differences(expected, lowered));
  }

  @Test
  void missingAndExtraElementsAreListed() {
    JsonNode expected = ReferenceFixtures.parse("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24", "id": 1}, {"subnet": "10.1.0.0/24", "id": 2}]}}
        """);
    JsonNode actual = ReferenceFixtures.parse("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24", "id": 1, "pools": []}, {"subnet": "10.2.0.0/24", "id": 3}]}}
        """);

    assertEquals(List.of(
        "Dhcp4.subnet4[subnet=10.0.0.0/24].pools: keagen has [], expected none",
        "Dhcp4.subnet4[subnet=10.1.0.0/24]: expected {\"subnet\":\"10.1.0.0/24\",\"id\":2}, keagen has none",
        "Dhcp4.subnet4[subnet=10.2.0.0/24]: keagen has {\"subnet\":\"10.2.0.0/24\",\"id\":3}, expected none"),
        differences(expected, actual));
  }

  private static <T> List<T> names(java.util.Iterator<T> iterator) {
    List<T> list = new java.util.ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
