package org.keagen.push;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a running kea-dhcp4 says about itself: its version ({@code version-get}) and its config
 * ({@code config-get}), so a config can be generated for the version it runs and keep the subnet
 * ids it already has.
 *
 * @param version Kea's version text, e.g. {@code 2.2.0}
 * @param config the running config, {@code {"Dhcp4": {...}}}
 */
public record RunningServer(String version, ObjectNode config) {

  public static RunningServer read(ControlChannel channel) throws ControlChannelException {
    ControlResponse version = channel.send(ControlCommand.versionGet());
    if (!version.ok()) {
      throw new ControlChannelException(channel.endpoint() + " gave no version: " + version.describe());
    }
    ControlResponse config = channel.send(ControlCommand.configGet());
    if (!config.ok() || config.arguments() == null || !config.arguments().path("Dhcp4").isObject()) {
      throw new ControlChannelException(channel.endpoint() + " gave no Dhcp4 config: " + config.describe());
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("Dhcp4", config.arguments().get("Dhcp4").deepCopy());
    return new RunningServer(version.text().trim(), root);
  }
}
