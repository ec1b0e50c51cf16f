package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a running config (from {@code config-get}) holds what was sent. Every key sent must
 * be there with the same value; keys Kea adds (its defaults) are ignored. Values are compared in
 * the forms of {@link KeaValueForms}; list entries are matched by what identifies them (subnets by
 * id, reservations by identifier, options by space and name or code, pools by range, hooks by
 * library), so Kea's reordering does not count; a {@code comment} may come back inside {@code
 * user-context}. Differences name the path; values of secret-looking keys are never shown.
 */
public final class RunningConfigMatcher {
  private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token).*");
  private static final int MAX_VALUE_TEXT = 80;

  private final List<String> differences = new ArrayList<>();

  private RunningConfigMatcher() {}

  /** The differences between what was sent and what runs, each one line; empty when they agree. */
  public static List<String> differences(JsonNode sent, JsonNode running, String root) {
    RunningConfigMatcher matcher = new RunningConfigMatcher();
    matcher.compare(root, null, sent, running);
    return List.copyOf(matcher.differences);
  }

  private void compare(String path, String key, JsonNode sent, JsonNode running) {
    if (sent.isObject()) {
      compareObjects(path, sent, running);
    } else if (sent.isArray()) {
      compareArrays(path, key, sent, running);
    } else if (!sameScalar(key, sent, running)) {
      differences.add(path + ": sent " + shown(key, sent) + ", running " + shown(key, running));
    }
  }

  private void compareObjects(String path, JsonNode sent, JsonNode running) {
    if (running == null || !running.isObject()) {
      differences.add(path + ": sent a map, running " + kind(running));
      return;
    }
    for (Map.Entry<String, JsonNode> field : sent.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      JsonNode counterpart = running.get(key);
      if (counterpart == null && key.equals("comment")) {
        counterpart = running.path("user-context").get("comment");
      }
      if (counterpart == null) {
        if (!isEmpty(value)) {
          differences.add(path + "." + key + ": sent " + shown(key, value) + ", missing from the running config");
        }
        continue;
      }
      if (key.equals("data") && value.isTextual() && counterpart.isTextual()) {
        boolean csv = sent.path("csv-format").asBoolean(true);
        if (!KeaValueForms.optionData(value.asText(), csv).equals(KeaValueForms.optionData(counterpart.asText(), csv))) {
          differences.add(path + ".data: sent " + shown(key, value) + ", running " + shown(key, counterpart));
        }
        continue;
      }
      compare(path + "." + key, key, value, counterpart);
    }
  }

  private void compareArrays(String path, String key, JsonNode sent, JsonNode running) {
    if (running == null || !running.isArray()) {
      differences.add(path + ": sent a list, running " + kind(running));
      return;
    }
    if (sent.size() != running.size()) {
      differences.add(path + ": sent " + entries(sent.size()) + ", running " + running.size());
    }
    boolean keyed = sent.size() > 0 && allObjects(sent) && allObjects(running) && hasIdentity(key, sent.get(0));
    List<JsonNode> unmatched = new ArrayList<>();
    running.forEach(unmatched::add);
    for (int i = 0; i < sent.size(); i++) {
      JsonNode entry = sent.get(i);
      if (keyed) {
        String label = label(key, entry).orElse(String.valueOf(i));
        Optional<JsonNode> match = unmatched.stream().filter(r -> sameIdentity(key, entry, r)).findFirst();
        if (match.isEmpty()) {
          differences.add(path + "[" + label + "]: sent, missing from the running config");
          continue;
        }
        unmatched.remove(match.get());
        compare(path + "[" + label + "]", null, entry, match.get());
      } else if (i < running.size()) {
        compare(path + "[" + i + "]", key, entry, running.get(i));
      }
    }
  }

  /** Whether list entries under {@code key} are matched by identity rather than position. */
  private static boolean hasIdentity(String key, JsonNode first) {
    return label(key, first).isPresent();
  }

  /** What identifies an entry of the list under {@code key}, for matching and messages. */
  private static Optional<String> label(String key, JsonNode entry) {
    if (key == null) {
      return Optional.empty();
    }
    switch (key) {
      case "subnet4":
        return entry.has("id") ? Optional.of("id=" + entry.get("id").asText())
            : Optional.ofNullable(text(entry, "subnet")).map(s -> "subnet=" + s);
      case "reservations":
        for (String identifier : KeaValueForms.IDENTIFIER_KEYS) {
          if (entry.path(identifier).isTextual()) {
            return Optional.of(identifier + "=" + entry.get(identifier).asText());
          }
        }
        return Optional.ofNullable(text(entry, "ip-address")).map(a -> "ip-address=" + a);
      case "option-data":
      case "option-def":
        String space = entry.path("space").asText("dhcp4");
        if (key.equals("option-data") && entry.has("name")) {
          return Optional.of(space + "/" + entry.get("name").asText());
        }
        return entry.has("code") ? Optional.of(space + "/" + entry.get("code").asText()) : Optional.empty();
      case "pools":
        return Optional.ofNullable(text(entry, "pool"));
      case "hooks-libraries":
        return Optional.ofNullable(text(entry, "library"));
      case "control-sockets":
        return Optional.of(entry.path("socket-type").asText("unix") + ":"
            + entry.path("socket-name").asText(entry.path("socket-address").asText("") + ":"
            + entry.path("socket-port").asText("")));
      case "loggers":
      case "shared-networks":
      case "client-classes":
      case "peers":
        return Optional.ofNullable(text(entry, "name"));
      default:
        return Optional.empty();
    }
  }

  private static boolean sameIdentity(String key, JsonNode sent, JsonNode running) {
    switch (key) {
      case "subnet4":
        return sent.has("id") ? sent.get("id").asLong() == running.path("id").asLong()
            : sent.path("subnet").asText().equals(running.path("subnet").asText());
      case "reservations":
        for (String identifier : KeaValueForms.IDENTIFIER_KEYS) {
          if (sent.path(identifier).isTextual()) {
            return running.path(identifier).isTextual() && KeaValueForms.identifier(sent.get(identifier).asText())
                .equals(KeaValueForms.identifier(running.get(identifier).asText()));
          }
        }
        return sent.path("ip-address").asText().equals(running.path("ip-address").asText());
      case "option-data":
      case "option-def":
        if (!sent.path("space").asText("dhcp4").equals(running.path("space").asText("dhcp4"))) {
          return false;
        }
        if (key.equals("option-data") && sent.has("name")) {
          return sent.get("name").asText().equals(running.path("name").asText());
        }
        return sent.path("code").asInt(-1) == running.path("code").asInt(-2);
      case "pools":
        return KeaValueForms.pool(sent.path("pool").asText())
            .equals(KeaValueForms.pool(running.path("pool").asText()));
      case "hooks-libraries":
        return KeaValueForms.sameFile(sent.path("library").asText(), running.path("library").asText());
      case "control-sockets":
        return label(key, sent).equals(label(key, running))
            || sent.path("socket-type").asText("unix").equals("unix")
            && running.path("socket-type").asText("unix").equals("unix")
            && KeaValueForms.sameFile(sent.path("socket-name").asText(), running.path("socket-name").asText());
      default:
        return sent.path("name").asText().equals(running.path("name").asText());
    }
  }

  private static boolean sameScalar(String key, JsonNode sent, JsonNode running) {
    if (running == null) {
      return false;
    }
    if (sent.isNumber() && running.isNumber()) {
      return sent.decimalValue().compareTo(running.decimalValue()) == 0;
    }
    if (sent.isTextual() && running.isTextual() && key != null) {
      String a = sent.asText();
      String b = running.asText();
      if (KeaValueForms.IDENTIFIER_KEYS.contains(key)) {
        return KeaValueForms.identifier(a).equals(KeaValueForms.identifier(b));
      }
      switch (key) {
        case "pool":
          return KeaValueForms.pool(a).equals(KeaValueForms.pool(b));
        case "library":
        case "socket-name":
          return KeaValueForms.sameFile(a, b);
        default:
          return a.equals(b);
      }
    }
    return sent.equals(running);
  }

  private static String entries(int count) {
    return count == 1 ? "1 entry" : count + " entries";
  }

  private static boolean isEmpty(JsonNode value) {
    return (value.isArray() || value.isObject()) && value.size() == 0;
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode entry : array) {
      if (!entry.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode entry, String key) {
    return entry.path(key).isValueNode() && !entry.path(key).isNull() ? entry.get(key).asText() : null;
  }

  private static String kind(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    if (node.isArray()) {
      return "list";
    }
    return node.isObject() ? "map" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A value for a message: redacted under secret-looking keys, cut when long. */
  private static String shown(String key, JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    if (key != null && SECRET.matcher(key).matches()) {
      return "<redacted>";
    }
    String text = value.isContainerNode() ? kind(value) + " of " + value.size() : value.toString();
    return text.length() > MAX_VALUE_TEXT ? text.substring(0, MAX_VALUE_TEXT) + "..." : text;
  }
}
