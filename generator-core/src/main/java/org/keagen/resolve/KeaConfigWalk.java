package org.keagen.resolve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.keagen.snapshot.SnapshotJson;

/**
 * Walks an existing Kea DHCPv4 config's subnets and reservations one element at a time, without
 * building the tree of the whole file: an existing output of 50 MB would otherwise take several
 * hundred MB as a tree while the new config is generated. The document is read as strictly as
 * {@code SnapshotJson.newMapper().readTree} reads it (duplicate keys, nesting depth, trailing
 * tokens), and an element is what the tree would hold at its place. Lists that are not arrays (Kea
 * refuses them) are skipped.
 */
public final class KeaConfigWalk {
  private static final ObjectReader ONE_VALUE = SnapshotJson.newMapper().reader()
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private KeaConfigWalk() {}

  /** What the walk reports, element by element, in document order. */
  public interface Visitor {
    /** An element of {@code Dhcp4.reservations}. */
    default void globalReservation(JsonNode reservation) {}

    /** An element of {@code Dhcp4.subnet4}, or of a {@code subnet4} in {@code Dhcp4.shared-networks}. */
    void subnet(JsonNode subnet, boolean inSharedNetwork);
  }

  /** Why a text could not be walked; a visitor may have seen elements before the problem showed. */
  public enum Problem {
    /** The text is not one JSON value. */
    NOT_JSON,
    /** The text is JSON but not an object with a {@code Dhcp4} object. */
    NO_DHCP4
  }

  /** Walks {@code text}; {@code null} when it is a config with a {@code Dhcp4} object, else the problem. */
  public static Problem walk(String text, Visitor visitor) {
    try (JsonParser parser = ONE_VALUE.createParser(text)) {
      boolean dhcp4 = false;
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Problem.NO_DHCP4; // no value at all, as the tree read finds it
      }
      if (first == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("Dhcp4")) {
            dhcp4 = true;
            dhcp4(parser, visitor);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        return Problem.NOT_JSON; // what follows the value
      }
      return dhcp4 ? null : Problem.NO_DHCP4;
    } catch (JsonProcessingException e) {
      return Problem.NOT_JSON;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // text in memory does not fail to be read
    }
  }

  private static void dhcp4(JsonParser parser, Visitor visitor) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "reservations" -> elements(parser, visitor::globalReservation);
        case "subnet4" -> elements(parser, subnet -> visitor.subnet(subnet, false));
        case "shared-networks" -> elements(parser, network -> {
          for (JsonNode subnet : network.path("subnet4")) {
            visitor.subnet(subnet, true);
          }
        });
        default -> parser.skipChildren();
      }
    }
  }

  /** Each element of the array at the parser, as a tree; a value that is not an array has none. */
  private static void elements(JsonParser parser, Consumer<JsonNode> each) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      each.accept(value(parser));
    }
  }

  private static JsonNode value(JsonParser parser) throws IOException {
    JsonNode tree = ONE_VALUE.readTree(parser);
    return tree == null ? NullNode.getInstance() : tree;
  }
}
