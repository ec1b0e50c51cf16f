package org.keagen.push;

/** Opens the right {@link ControlChannel} for an endpoint. */
public final class ControlChannels {

  private ControlChannels() {}

  public static ControlChannel open(ControlEndpoint endpoint, ChannelSettings settings)
      throws ControlChannelException {
    if (endpoint.isUnix()) {
      return UnixSocketChannel.of(endpoint.socketPath(), settings.timeout());
    }
    return HttpControlChannel.of(endpoint.uri(), settings);
  }
}
