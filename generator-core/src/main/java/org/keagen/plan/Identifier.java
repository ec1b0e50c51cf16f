package org.keagen.plan;

import java.util.Objects;

/**
 * How Kea recognises a client for a reservation.
 *
 * @param type {@code hw-address} or {@code client-id}
 * @param value the canonical identifier text (lower-case hex pairs joined by colons, or a quoted
 *     literal for a client-id)
 */
public record Identifier(Type type, String value) {

  /** The identifier kinds keagen emits. */
  public enum Type {
    HW_ADDRESS("hw-address"),
    CLIENT_ID("client-id");

    private final String keaKey;

    Type(String keaKey) {
      this.keaKey = keaKey;
    }

    /** The key in a Kea reservation. */
    public String keaKey() {
      return keaKey;
    }
  }

  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  public static Identifier hwAddress(String canonicalMac) {
    return new Identifier(Type.HW_ADDRESS, canonicalMac);
  }

  public static Identifier clientId(String value) {
    return new Identifier(Type.CLIENT_ID, value);
  }

  /**
   * The comparable identity {@link org.keagen.resolve.Identifiers#identity} gives this identifier's
   * key and value; the value is canonical already, so it is the two joined.
   */
  public String identity() {
    return type.keaKey() + "=" + value;
  }

  @Override
  public String toString() {
    return type.keaKey() + " " + value;
  }
}
