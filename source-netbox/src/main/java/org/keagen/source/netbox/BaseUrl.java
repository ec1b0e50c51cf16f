package org.keagen.source.netbox;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.keagen.source.SourceException;

/**
 * NetBox's base URL as the user gave it, cleaned: user info, query and fragment dropped, a trailing
 * {@code /api} tolerated, so that {@link #display()} is safe to print and record in snapshots.
 */
final class BaseUrl {
  private final HttpUrl root;

  private BaseUrl(HttpUrl root) {
    this.root = root;
  }

  static BaseUrl parse(String text) throws SourceException {
    String trimmed = text == null ? "" : text.strip();
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      // never echo the text: it could carry user info
      throw new SourceException("the NetBox URL is not an http:// or https:// URL",
          "pass --url with NetBox's base URL, e.g. https://netbox.example.net");
    }
    List<String> segments = new ArrayList<>(url.pathSegments());
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("api")) {
      segments.remove(segments.size() - 1);
    }
    HttpUrl.Builder builder = url.newBuilder().username("").password("").query(null).fragment(null)
        .encodedPath("/");
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    if (!segments.isEmpty()) {
      builder.addPathSegment("");
    }
    return new BaseUrl(builder.build());
  }

  /** The URL of an API endpoint, e.g. {@code api("ipam/prefixes/")}. */
  HttpUrl.Builder api(String path) {
    return root.newBuilder().addPathSegment("api").addPathSegments(path);
  }

  /** The base URL without a trailing slash, e.g. {@code https://netbox.example.net}. */
  String display() {
    String s = root.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return display();
  }
}
