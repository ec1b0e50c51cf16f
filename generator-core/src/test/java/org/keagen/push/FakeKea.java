package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.UnaryOperator;

/**
 * An in-memory stand-in for kea-dhcp4's control channel, for the push logic's unit tests: it keeps
 * a running config, answers the commands a push sends, records them, and fails where told.
 */
final class FakeKea implements ControlChannel {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final List<String> sent = new ArrayList<>();
  private final Map<String, Integer> failing = new HashMap<>();
  final Set<String> unreachable = new HashSet<>();
  final String name;
  boolean hashes;
  int writes;
  ObjectNode written;
  /** What config-get gives back for a running config (e.g. Kea's added defaults). */
  UnaryOperator<ObjectNode> rewrite = UnaryOperator.identity();
  /** Called after each answered command, to simulate other actors. */
  Runnable afterEach = () -> {};
  private ObjectNode running;

  FakeKea(String name, String runningJson) {
    this.name = name;
    this.running = (ObjectNode) parse(runningJson);
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The next {@code times} calls of {@code command} answer with an error. */
  void failNext(String command, int times) {
    failing.put(command, times);
  }

  ObjectNode running() {
    return running.deepCopy();
  }

  void replaceRunning(String json) {
    running = (ObjectNode) parse(json);
  }

  @Override
  public String endpoint() {
    return name;
  }

  @Override
  public ControlResponse send(ControlCommand command) throws ControlChannelException {
    sent.add(command.name());
    if (unreachable.contains(command.name())) {
      throw new ControlChannelException("connection reset by " + name);
    }
    if (failing.getOrDefault(command.name(), 0) > 0) {
      failing.merge(command.name(), -1, Integer::sum);
      return new ControlResponse(ControlResponse.ERROR, command.name() + " failed on purpose", null);
    }
    ControlResponse response = answer(command);
    afterEach.run();
    return response;
  }

  private ControlResponse answer(ControlCommand command) {
    switch (command.name()) {
      case "config-get":
        return new ControlResponse(0, "", rewrite.apply(running.deepCopy()));
      case "list-commands": {
        ArrayNode list = JSON.arrayNode();
        List.of("config-get", "config-set", "config-test", "config-write", "list-commands").forEach(list::add);
        if (hashes) {
          list.add("config-hash-get");
        }
        return new ControlResponse(0, "", list);
      }
      case "config-hash-get": {
        if (!hashes) {
          return new ControlResponse(ControlResponse.UNSUPPORTED, "'config-hash-get' command not supported.", null);
        }
        ObjectNode hash = JSON.objectNode();
        hash.put("hash", Integer.toHexString(running.hashCode()).toUpperCase());
        return new ControlResponse(0, "", hash);
      }
      case "config-test":
        return new ControlResponse(0, "Configuration seems sane.", null);
      case "config-set":
        running = command.arguments().deepCopy();
        return new ControlResponse(0, "Configuration successful.", null);
      case "config-write": {
        writes++;
        written = running.deepCopy();
        ObjectNode arguments = JSON.objectNode();
        arguments.put("filename", "/etc/kea/kea-dhcp4.conf");
        return new ControlResponse(0, "Configuration written", arguments);
      }
      default:
        return new ControlResponse(ControlResponse.UNSUPPORTED, "'" + command.name() + "' command not supported.",
            null);
    }
  }
}
