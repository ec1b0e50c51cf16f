package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the conformance test compares a Kea config with the reference's expected one: only the keys
 * the generator produces, ordered as the reference's own test normalises them, and differences
 * listed field by field.
 */
final class KeaConfigComparison {

  /**
   * The {@code Dhcp4} keys compared. The others (interfaces-config, control-socket, loggers,
   * hooks-libraries, lease-database) are server-level settings keagen takes from its template.
   */
  static final List<String> COMPARED_KEYS =
      List.of("option-def", "reservations-global", "reservations", "subnet4");

  private static final List<String> ARRAY_KEYS = List.of("ip-address", "subnet", "pool", "name");

  private KeaConfigComparison() {}

  /**
   * {@code {"Dhcp4": {...}}} with only {@link #COMPARED_KEYS}, normalised like the reference's
   * test: reservations by {@code ip-address}, subnets by {@code subnet}, option-data by {@code
   * name}, pools by {@code pool}, in-subnet reservations by client-id else hw-address.
   */
  static ObjectNode comparable(JsonNode config) {
    JsonNode dhcp4 = config.path("Dhcp4");
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (String key : COMPARED_KEYS) {
      if (dhcp4.has(key)) {
        kept.set(key, dhcp4.get(key).deepCopy());
      }
    }
    if (kept.has("reservations")) {
      sortReservations(kept, r -> r.path("ip-address").asText(""));
    }
    if (kept.has("subnet4")) {
      sortBy((ArrayNode) kept.get("subnet4"), s -> s.path("subnet").asText(""));
      for (JsonNode subnet : kept.get("subnet4")) {
        ObjectNode s = (ObjectNode) subnet;
        if (s.has("option-data")) {
          sortBy((ArrayNode) s.get("option-data"), o -> o.path("name").asText(""));
        }
        if (s.has("pools")) {
          sortBy((ArrayNode) s.get("pools"), p -> p.path("pool").asText(""));
        }
        if (s.has("reservations")) {
          sortReservations(s, r -> r.has("client-id") ? r.get("client-id").asText()
              : r.path("hw-address").asText(""));
        }
      }
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("Dhcp4", kept);
    return root;
  }

  /** A copy of a config with every reservation's {@code hw-address} in lower case. */
  static JsonNode lowerCaseHwAddresses(JsonNode config) {
    JsonNode copy = config.deepCopy();
    JsonNode dhcp4 = copy.path("Dhcp4");
    lowerCaseHwAddressesIn(dhcp4.path("reservations"));
    for (JsonNode subnet : dhcp4.path("subnet4")) {
      lowerCaseHwAddressesIn(subnet.path("reservations"));
    }
    return copy;
  }

  /**
   * Every difference between two trees, one line each, e.g. {@code
   * Dhcp4.reservations[ip-address=10.0.0.5].hw-address: expected "AA:..", keagen "aa:.."}. Arrays of
   * objects that share a unique key ({@code ip-address}, {@code subnet}, {@code pool}, {@code name})
   * are matched by that key, others by position.
   */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, out);
    return out;
  }

  private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compareChild(path.isEmpty() ? name : path + "." + name, expected.get(name), actual.get(name), out);
      }
    } else if (expected.isArray() && actual.isArray()) {
      String key = matchingKey(expected, actual);
      if (key == null) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
          compareChild(path + "[" + i + "]", expected.get(i), actual.get(i), out);
        }
      } else {
        Map<String, JsonNode> byKeyExpected = byKey(expected, key);
        Map<String, JsonNode> byKeyActual = byKey(actual, key);
        Set<String> keys = new LinkedHashSet<>(byKeyExpected.keySet());
        keys.addAll(byKeyActual.keySet());
        for (String value : keys) {
          compareChild(path + "[" + key + "=" + value + "]", byKeyExpected.get(value),
              byKeyActual.get(value), out);
        }
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + ", keagen " + actual);
    }
  }

  private static void compareChild(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (actual == null) {
      out.add(path + ": expected " + expected + ", keagen has none");
    } else if (expected == null) {
      out.add(path + ": keagen has " + actual + ", expected none");
    } else {
      diff(path, expected, actual, out);
    }
  }

  private static String matchingKey(JsonNode expected, JsonNode actual) {
    for (String key : ARRAY_KEYS) {
      if (uniqueKey(expected, key) && uniqueKey(actual, key)) {
        return key;
      }
    }
    return null;
  }

  private static boolean uniqueKey(JsonNode array, String key) {
    Set<String> seen = new HashSet<>();
    for (JsonNode element : array) {
      if (!element.path(key).isTextual() || !seen.add(element.get(key).asText())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, JsonNode> byKey(JsonNode array, String key) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    array.forEach(element -> map.put(element.get(key).asText(), element));
    return map;
  }

  private static void sortReservations(ObjectNode scope, java.util.function.Function<JsonNode, String> key) {
    ArrayNode reservations = (ArrayNode) scope.get("reservations");
    sortBy(reservations, key);
    for (JsonNode reservation : reservations) {
      if (reservation.has("option-data")) {
        sortBy((ArrayNode) reservation.get("option-data"), o -> o.path("name").asText(""));
      }
    }
  }

  /** Sorts in place, stably, like Python's {@code sorted}. */
  private static void sortBy(ArrayNode array, java.util.function.Function<JsonNode, String> key) {
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    elements.sort(Comparator.comparing(key));
    array.removeAll();
    elements.forEach(array::add);
  }

  private static void lowerCaseHwAddressesIn(JsonNode reservations) {
    for (JsonNode reservation : reservations) {
      if (reservation.path("hw-address").isTextual()) {
        ((ObjectNode) reservation).put("hw-address",
            reservation.get("hw-address").asText().toLowerCase(Locale.ROOT));
      }
    }
  }
}
