package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a config that would cut the running server off from its operators: {@code config-set}
 * replaces the whole config, so a control socket or hook library the running server has and the
 * new config lacks would be gone (and with the socket, every way to push again).
 */
public final class RunningConfigGuard {

  private RunningConfigGuard() {}

  /** One control socket, as the guard compares them. */
  record Socket(String type, String name, String address, int port) {

    static Socket of(JsonNode json) {
      String type = json.path("socket-type").asText("unix");
      return new Socket(type, json.path("socket-name").asText(""),
          json.path("socket-address").asText("127.0.0.1"), json.path("socket-port").asInt(8000));
    }

    boolean sameAs(Socket other) {
      if (!type.equals(other.type)) {
        return false;
      }
      return type.equals("unix") ? KeaValueForms.sameFile(name, other.name)
          : address.equals(other.address) && port == other.port;
    }

    @Override
    public String toString() {
      return type.equals("unix") ? "unix socket " + name : type + " socket " + address + ":" + port;
    }
  }

  /**
   * Why {@code newDhcp4} must not replace {@code runningDhcp4}; empty when it may. Both are the
   * {@code Dhcp4} maps.
   */
  public static List<String> problems(JsonNode newDhcp4, JsonNode runningDhcp4) {
    List<String> problems = new ArrayList<>();
    List<Socket> kept = sockets(newDhcp4);
    for (Socket running : sockets(runningDhcp4)) {
      if (kept.stream().noneMatch(running::sameAs)) {
        problems.add("the new config drops the control " + running + " that the running server is controlled"
            + " through; after config-set nothing could reach it to push again");
      }
    }
    List<String> hooks = libraries(newDhcp4);
    for (String running : libraries(runningDhcp4)) {
      if (hooks.stream().noneMatch(h -> KeaValueForms.sameFile(h, running))) {
        problems.add("the new config drops the hook library " + running + " that the running server loads");
      }
    }
    return List.copyOf(problems);
  }

  /** The control sockets of a {@code Dhcp4} map: Kea 2.x's {@code control-socket}, 3.0's list. */
  static List<Socket> sockets(JsonNode dhcp4) {
    List<Socket> sockets = new ArrayList<>();
    if (dhcp4.path("control-socket").isObject()) {
      sockets.add(Socket.of(dhcp4.get("control-socket")));
    }
    for (JsonNode socket : dhcp4.path("control-sockets")) {
      if (socket.isObject()) {
        sockets.add(Socket.of(socket));
      }
    }
    return sockets;
  }

  static List<String> libraries(JsonNode dhcp4) {
    List<String> libraries = new ArrayList<>();
    for (JsonNode hook : dhcp4.path("hooks-libraries")) {
      if (hook.path("library").isTextual()) {
        libraries.add(hook.get("library").asText());
      }
    }
    return libraries;
  }
}
