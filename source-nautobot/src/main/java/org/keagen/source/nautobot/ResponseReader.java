package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.keagen.source.SourceException;

/**
 * Typed access to the fields of one GraphQL response document. A field of the wrong type, or a
 * required field that is missing, becomes a {@link SourceException} naming the query and the
 * field's path, e.g. {@code data.reserved_ips[3].interfaces[0].device.name}.
 */
final class ResponseReader {
  private static final String HINT = "the response does not have the shape keagen's GraphQL queries"
      + " ask for; check the Nautobot version and the config-manager app's models";

  private final String query;

  /** A reader for the response to {@code query}, e.g. {@code auto_dhcp_subnets}. */
  ResponseReader(String query) {
    this.query = query;
  }

  /** The response's {@code data} object itself. */
  JsonNode root(JsonNode data) throws SourceException {
    return object(data, "data");
  }

  /** {@code node}, which must be an object. */
  JsonNode object(JsonNode node, String path) throws SourceException {
    if (node == null || !node.isObject()) {
      throw malformed(path, "an object", node);
    }
    return node;
  }

  /** The elements of the array field {@code key}; absent or {@code null} reads as empty. */
  List<JsonNode> list(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    List<JsonNode> elements = new ArrayList<>();
    if (isAbsent(node)) {
      return elements;
    }
    if (!node.isArray()) {
      throw malformed(path + "." + key, "an array or null", node);
    }
    node.forEach(elements::add);
    return elements;
  }

  /** The object field {@code key}, which must be present. */
  JsonNode requiredObject(JsonNode parent, String path, String key) throws SourceException {
    return object(parent.get(key), path + "." + key);
  }

  /** The object field {@code key}, or {@code null} when it is absent or {@code null}. */
  JsonNode optionalObject(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    return isAbsent(node) ? null : object(node, path + "." + key);
  }

  /** The string field {@code key}, which must be present and not blank. */
  String requiredText(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw malformed(path + "." + key, "a non-empty string", node);
    }
    return node.asText();
  }

  /**
   * The string field {@code key}, or {@code null} when it is absent, {@code null} or blank
   * (Nautobot stores an unset serial as the empty string).
   */
  String optionalText(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw malformed(path + "." + key, "a string or null", node);
    }
    return node.asText().isBlank() ? null : node.asText();
  }

  /** The integer field {@code key}, which must be present. */
  int requiredInt(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw malformed(path + "." + key, "an integer", node);
    }
    return node.asInt();
  }

  /** The integer field {@code key}, or {@code null} when it is absent or {@code null}. */
  Long optionalLong(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw malformed(path + "." + key, "an integer or null", node);
    }
    return node.asLong();
  }

  /** The boolean field {@code key}, or {@code null} when it is absent or {@code null}. */
  Boolean optionalBoolean(JsonNode parent, String path, String key) throws SourceException {
    JsonNode node = parent.get(key);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isBoolean()) {
      throw malformed(path + "." + key, "true, false or null", node);
    }
    return node.asBoolean();
  }

  /** The failure for a field that is not what the query's shape promises. */
  SourceException malformed(String path, String expected, JsonNode found) {
    return new SourceException("Nautobot response to " + query + ", " + path + ": expected "
        + expected + ", found " + describe(found), HINT);
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing (the field is missing)";
    }
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case STRING -> node.asText().isBlank() ? "an empty string" : "the string " + node;
      case NUMBER -> "the number " + node;
      case BOOLEAN -> node.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
