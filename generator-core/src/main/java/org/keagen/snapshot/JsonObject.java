package org.keagen.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An immutable JSON object: free-form data (config contexts, verbatim Kea objects) inside the
 * otherwise typed snapshot. It holds a private copy and hands out copies.
 */
public final class JsonObject {
  private static final JsonObject EMPTY = new JsonObject(JsonNodeFactory.instance.objectNode());

  private final ObjectNode node;

  private JsonObject(ObjectNode node) {
    this.node = node;
  }

  public static JsonObject of(ObjectNode node) {
    return new JsonObject(node.deepCopy());
  }

  public static JsonObject empty() {
    return EMPTY;
  }

  /** A copy of the object, free to modify. */
  public ObjectNode toNode() {
    return node.deepCopy();
  }

  /** The object itself, not a copy: for this package's own reads only, never to be modified. */
  ObjectNode unsharedView() {
    return node;
  }

  /** The value at a JSON Pointer such as {@code /dhcp/options}; missing node when absent. */
  public JsonNode at(String pointer) {
    return node.at(pointer).deepCopy();
  }

  public boolean isEmpty() {
    return node.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject that && node.equals(that.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
