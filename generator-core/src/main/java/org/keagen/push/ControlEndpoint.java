package org.keagen.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one kea-dhcp4 is controlled: {@code unix:/run/kea/kea4-ctrl-socket} (or just the absolute
 * path), {@code http://127.0.0.1:8000/} or {@code https://...}, optionally named, as in {@code
 * server1=https://10.0.0.2:8000/}; the name is the HA peer name the pushed config gets.
 *
 * @param name the peer name, or {@code null}
 * @param uri the endpoint, scheme {@code unix}, {@code http} or {@code https}
 */
public record ControlEndpoint(String name, URI uri) {

  public ControlEndpoint {
    Objects.requireNonNull(uri, "uri");
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("credentials do not belong in the endpoint; pass them separately");
    }
  }

  /** Parses {@code [NAME=]unix:/path}, {@code [NAME=]/path} or {@code [NAME=]http(s)://host:port/}. */
  public static ControlEndpoint parse(String text) {
    String name = null;
    String rest = text.trim();
    int equals = rest.indexOf('=');
    int colon = rest.indexOf(':');
    int slash = rest.indexOf('/');
    if (equals > 0 && (colon < 0 || equals < colon) && (slash < 0 || equals < slash)) {
      name = rest.substring(0, equals);
      rest = rest.substring(equals + 1);
    }
    if (rest.startsWith("/")) {
      return new ControlEndpoint(name, unixUri(rest));
    }
    if (rest.toLowerCase(Locale.ROOT).startsWith("unix:")) {
      String path = rest.substring("unix:".length());
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("a unix socket needs an absolute path: unix:/run/kea/kea4-ctrl-socket");
      }
      return new ControlEndpoint(name, unixUri(path));
    }
    URI uri;
    try {
      uri = new URI(rest);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an endpoint: " + e.getReason(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("unknown endpoint form; use unix:/path, http://host:port/ or https://host:port/");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("an HTTP endpoint needs a host: http://127.0.0.1:8000/");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("credentials do not belong in the endpoint; pass them separately");
    }
    return new ControlEndpoint(name, uri);
  }

  private static URI unixUri(String path) {
    try {
      return new URI("unix", null, path, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a socket path: " + e.getReason(), e);
    }
  }

  public boolean isUnix() {
    return uri.getScheme().equalsIgnoreCase("unix");
  }

  public boolean isHttps() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /** The socket path of a unix endpoint. */
  public Path socketPath() {
    if (!isUnix()) {
      throw new IllegalStateException("not a unix endpoint: " + uri);
    }
    return Path.of(uri.getPath());
  }

  /** For messages: the name and the endpoint. */
  @Override
  public String toString() {
    String where = isUnix() ? "unix:" + uri.getPath() : uri.toString();
    return name == null ? where : name + " (" + where + ")";
  }
}
