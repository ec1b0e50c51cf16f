package org.keagen.source.netbox;

import java.util.ArrayList;
import java.util.List;
import org.keagen.source.SourceException;

/**
 * A NetBox API token and the {@code Authorization} header it needs, chosen from its form: a v2
 * token ({@code nbt_KEY.SECRET}, NetBox 4.5+) goes as {@code Bearer}, anything else as a v1
 * {@code Token}. {@link #toString()} and {@link #redact(String)} keep it out of every message.
 */
final class ApiToken {
  static final String V2_PREFIX = "nbt_";
  private static final String REDACTED = "[redacted]";

  private final String text;

  private ApiToken(String text) {
    this.text = text;
  }

  /** Checks the token's form without ever quoting it. */
  static ApiToken of(String raw) throws SourceException {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw new SourceException("no NetBox API token was given",
          "set NETBOX_TOKEN or pass --token-file with a token of a user that can view prefixes,"
              + " IP addresses, interfaces and devices");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new SourceException("the NetBox API token contains a space, line break or non-ASCII character"
            + " (at position " + (i + 1) + " of " + text.length() + ")",
            "the token file must hold the token alone on one line");
      }
    }
    if (text.startsWith(V2_PREFIX) && text.indexOf('.') < 0) {
      throw new SourceException("the NetBox API token starts with '" + V2_PREFIX + "' but has no '.':"
          + " a v2 token has the form " + V2_PREFIX + "KEY.SECRET",
          "copy the whole token NetBox showed when it was created");
    }
    return new ApiToken(text);
  }

  boolean isV2() {
    return text.startsWith(V2_PREFIX);
  }

  /** The value of the {@code Authorization} header. */
  String authorization() {
    return (isV2() ? "Bearer " : "Token ") + text;
  }

  /** The text with the token, and each secret part of it, replaced by {@code [redacted]}. */
  String redact(String message) {
    if (message == null) {
      return null;
    }
    String out = message;
    for (String secret : secrets()) {
      out = out.replace(secret, REDACTED);
    }
    return out;
  }

  private List<String> secrets() {
    List<String> parts = new ArrayList<>();
    parts.add(text);
    if (isV2()) {
      String body = text.substring(V2_PREFIX.length());
      parts.add(body);
      String secret = body.substring(body.indexOf('.') + 1);
      if (secret.length() >= 8) {
        parts.add(secret);
      }
    }
    return parts;
  }

  @Override
  public String toString() {
    return "ApiToken[" + (isV2() ? "v2" : "v1") + ", " + REDACTED + "]";
  }
}
