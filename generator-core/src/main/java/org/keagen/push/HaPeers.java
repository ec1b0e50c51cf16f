package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one difference between the configs of HA peers: each names itself in the HA hook's {@code
 * this-server-name}. Gives each peer its copy of the config.
 */
public final class HaPeers {
  private static final String HA_LIBRARY = "libdhcp_ha.so";

  private HaPeers() {}

  /** True when the config loads the HA hook. */
  public static boolean usesHa(JsonNode config) {
    return !relationships(config).isEmpty();
  }

  /** The peer names of every HA relationship in the config. */
  public static List<String> peerNames(JsonNode config) {
    List<String> names = new ArrayList<>();
    for (ObjectNode relationship : relationships(config)) {
      for (JsonNode peer : relationship.path("peers")) {
        names.add(peer.path("name").asText());
      }
    }
    return names;
  }

  /**
   * A copy of {@code config} in which every HA relationship names {@code peer} as this server.
   *
   * @throws IllegalArgumentException when a relationship has no peer of that name
   */
  public static ObjectNode forPeer(ObjectNode config, String peer) {
    ObjectNode copy = config.deepCopy();
    for (ObjectNode relationship : relationships(copy)) {
      boolean listed = false;
      for (JsonNode entry : relationship.path("peers")) {
        listed |= entry.path("name").asText().equals(peer);
      }
      if (!listed) {
        throw new IllegalArgumentException("the HA hook's peers are " + peerNames(config) + "; no peer is named \""
            + peer + "\"");
      }
      relationship.put("this-server-name", peer);
    }
    return copy;
  }

  private static List<ObjectNode> relationships(JsonNode config) {
    List<ObjectNode> relationships = new ArrayList<>();
    for (JsonNode hook : config.path("Dhcp4").path("hooks-libraries")) {
      if (KeaValueForms.fileName(hook.path("library").asText()).equals(HA_LIBRARY)) {
        for (JsonNode relationship : hook.path("parameters").path("high-availability")) {
          if (relationship instanceof ObjectNode object) {
            relationships.add(object);
          }
        }
      }
    }
    return relationships;
  }
}
