package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.ExampleFiles;
import org.keagen.snapshot.SnapshotJson;

/**
 * The element-by-element walk sees what a walk over the whole tree sees: the same verdict for the
 * document and the same subnets and reservations in the same order.
 */
class KeaConfigWalkTest {

  private static final String DEEP = "[".repeat(300) + "]".repeat(300);

  @Test
  void theWalkSeesWhatTheTreeHolds() {
    List<String> texts = new ArrayList<>(List.of("", " ", "[]", "{}", "null", "7", "{\"Dhcp4\": []}",
        "{\"Dhcp4\": {}}", "{\"Dhcp4\": {}} x", "{\"Dhcp4\": {}} {}", "{\"Dhcp4\": {}, \"Dhcp4\": {}}",
        "{\"Dhcp4\": {\"subnet4\": [{\"id\": 1, \"subnet\": \"10.0.0.0/24\", \"id\": 2}]}}",
        "{\"Dhcp4\": {\"subnet4\": {\"a\": {\"id\": 1, \"subnet\": \"10.0.0.0/24\"}}}}",
        "{\"Dhcp4\": {\"subnet4\": [1, null, {\"subnet\": \"10.0.0.0/24\"}], \"reservations\": [{\"hw-address\": \"x\"}],"
            + " \"shared-networks\": [{\"name\": \"n\", \"subnet4\": [{\"id\": 9, \"subnet\": \"10.9.0.0/24\"}]}, 3],"
            + " \"other\": {\"subnet4\": [{\"subnet\": \"10.8.0.0/24\"}]}}, \"Control-agent\": {}}",
        "{\"Dhcp4\": {\"subnet4\": [" + DEEP + "]}}", "{\"Dhcp4\": {\"subnet4\": [{]}}", "{\"Dhcp4\": {\"subnet4\": [1,]}}"));
    for (Path example : ExampleFiles.exampleDirs()) {
      texts.add(ExampleFiles.read(example.resolve("kea-dhcp4.conf")));
    }
    int walkedSubnets = 0;
    for (String text : texts) {
      List<String> walked = new ArrayList<>();
      KeaConfigWalk.Problem problem = KeaConfigWalk.walk(text, new KeaConfigWalk.Visitor() {
        @Override
        public void globalReservation(JsonNode reservation) {
          walked.add("reservation " + reservation);
        }

        @Override
        public void subnet(JsonNode subnet, boolean inSharedNetwork) {
          walked.add((inSharedNetwork ? "shared subnet " : "subnet ") + subnet);
        }
      });
      JsonNode root;
      try {
        root = SnapshotJson.newMapper().readTree(text);
      } catch (Exception e) {
        assertEquals(KeaConfigWalk.Problem.NOT_JSON, problem, text);
        continue;
      }
      if (root == null || !root.path("Dhcp4").isObject()) {
        assertEquals(KeaConfigWalk.Problem.NO_DHCP4, problem, text);
        continue;
      }
      assertEquals(null, problem, text);
      assertEquals(treeWalk(root.get("Dhcp4")), walked, text);
      walkedSubnets += walked.size();
    }
    assertTrue(walkedSubnets > 10, "the examples' subnets were walked: " + walkedSubnets);
  }

  /** The order the walk reports in: Dhcp4's keys in document order, each list's elements in order. */
  private static List<String> treeWalk(JsonNode dhcp4) {
    List<String> seen = new ArrayList<>();
    dhcp4.fields().forEachRemaining(field -> {
      if (!field.getValue().isArray()) {
        return;
      }
      for (JsonNode element : field.getValue()) {
        switch (field.getKey()) {
          case "reservations" -> seen.add("reservation " + element);
          case "subnet4" -> seen.add("subnet " + element);
          case "shared-networks" -> element.path("subnet4").forEach(s -> seen.add("shared subnet " + s));
          default -> { }
        }
      }
    });
    return seen;
  }
}
