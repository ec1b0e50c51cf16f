package org.keagen.source.nautobot;

import okhttp3.HttpUrl;
import org.keagen.source.SourceException;

/**
 * A Nautobot base URL: http or https, no credentials, no query, trailing {@code /}, {@code /api}
 * or {@code /api/graphql} removed, so that {@code https://nb.example.net/api/graphql/} and {@code
 * https://nb.example.net} name the same server.
 */
record BaseUrl(HttpUrl url) {

  /** Parses what the user gave, or fails saying what is wrong with it. */
  static BaseUrl parse(String text) throws SourceException {
    String trimmed = text == null ? "" : text.strip();
    HttpUrl parsed = HttpUrl.parse(trimmed);
    if (parsed == null) {
      throw new SourceException("Nautobot URL is not an http or https URL: " + redact(trimmed),
          "give the server's base URL, e.g. https://nautobot.example.net");
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new SourceException("Nautobot URL must not carry credentials: "
          + parsed.newBuilder().username("").password("").build(),
          "give the token through NAUTOBOT_TOKEN or --token-file instead");
    }
    String path = parsed.encodedPath().replaceAll("/+$", "");
    for (String suffix : new String[] {"/api/graphql", "/api"}) {
      if (path.endsWith(suffix)) {
        path = path.substring(0, path.length() - suffix.length());
        break;
      }
    }
    return new BaseUrl(parsed.newBuilder().encodedPath(path.isEmpty() ? "/" : path + "/")
        .query(null).fragment(null).build());
  }

  /** {@code api/graphql/} or {@code api/status/} under the base. */
  HttpUrl resolve(String relative) {
    return url.resolve(relative);
  }

  /** The base URL as shown in messages and the snapshot, without a trailing slash. */
  String display() {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Text that failed to parse, with anything that looks like credentials blanked out. */
  private static String redact(String text) {
    return text.replaceAll("//[^/@]*@", "//***@");
  }
}
