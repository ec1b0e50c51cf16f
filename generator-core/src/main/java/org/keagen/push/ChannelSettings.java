package org.keagen.push;

import java.time.Duration;
import java.util.Objects;

/**
 * What opening a control channel needs besides the endpoint.
 *
 * @param credentials basic-auth credentials for HTTP, or {@code null}
 * @param tls how HTTPS is checked
 * @param timeout the bound on connecting and on each command's answer
 */
public record ChannelSettings(BasicCredentials credentials, TlsOptions tls, Duration timeout) {

  public ChannelSettings {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
  }

  /** No credentials, verified TLS with the JDK's trust store, 30 seconds per command. */
  public static ChannelSettings defaults() {
    return new ChannelSettings(null, TlsOptions.defaults(), Duration.ofSeconds(30));
  }

  public ChannelSettings withCredentials(BasicCredentials value) {
    return new ChannelSettings(value, tls, timeout);
  }

  public ChannelSettings withTls(TlsOptions value) {
    return new ChannelSettings(credentials, value, timeout);
  }

  public ChannelSettings withTimeout(Duration value) {
    return new ChannelSettings(credentials, tls, value);
  }
}
