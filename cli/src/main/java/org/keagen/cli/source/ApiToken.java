package org.keagen.cli.source;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An API token and where it came from ({@code --token-file FILE} or an environment variable). Only
 * {@link #supplier()} gives the value; {@link #toString()} and every message name the origin only.
 */
public final class ApiToken {
  private final String origin;
  private final String value;

  private ApiToken(String origin, String value) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A token read from {@code origin}, e.g. {@code the token file /etc/keagen/netbox.token}. */
  public static ApiToken of(String origin, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(origin + " is empty");
    }
    return new ApiToken(origin, value);
  }

  /** Where the token came from, for messages. */
  public String origin() {
    return origin;
  }

  /** Supplies the value to an adapter when its fetch starts. */
  public Supplier<String> supplier() {
    return () -> value;
  }

  @Override
  public String toString() {
    return "ApiToken[" + origin + "]";
  }
}
