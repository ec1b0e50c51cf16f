package org.keagen.push;

import java.util.ArrayList;
import java.util.List;

/** Passes commands on to a real channel and records their names. */
final class RecordingChannel implements ControlChannel {
  final List<String> sent = new ArrayList<>();
  private final ControlChannel channel;

  RecordingChannel(ControlChannel channel) {
    this.channel = channel;
  }

  @Override
  public ControlResponse send(ControlCommand command) throws ControlChannelException {
    sent.add(command.name());
    return channel.send(command);
  }

  @Override
  public String endpoint() {
    return channel.endpoint();
  }
}
