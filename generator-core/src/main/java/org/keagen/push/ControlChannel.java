package org.keagen.push;

/** A way to send commands to one kea-dhcp4 server. */
public interface ControlChannel {

  /** Sends one command and returns Kea's answer (which may itself report an error). */
  ControlResponse send(ControlCommand command) throws ControlChannelException;

  /** The endpoint for messages, without any secret. */
  String endpoint();
}
