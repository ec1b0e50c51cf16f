package org.keagen.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user and password for HTTP basic authentication. The password never appears in {@link
 * #toString()}.
 */
public record BasicCredentials(String user, String password) {

  public BasicCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a basic-auth user must be non-empty and hold no ':'");
    }
  }

  /** The {@code Authorization} header value. */
  String header() {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=<redacted>]";
  }
}
