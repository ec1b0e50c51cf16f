package org.keagen.source.netbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NetBox release as {@code /api/status/} reports it ({@code netbox-version}, e.g. {@code 4.7.3}),
 * and whether keagen reads its API: 4.2 (MAC addresses as objects, prefix {@code scope}) to 4.7.
 *
 * @param major the major version
 * @param minor the minor version
 * @param text the version as reported
 */
record NetboxVersion(int major, int minor, String text) {
  static final NetboxVersion OLDEST = new NetboxVersion(4, 2, "4.2");
  static final NetboxVersion NEWEST = new NetboxVersion(4, 7, "4.7");
  static final String SUPPORTED = "NetBox " + OLDEST.text + " to " + NEWEST.text;

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:[.\\-+].*)?");

  /** Parses {@code 4.7.3}, {@code v4.2.0}, {@code 4.3.1-Docker-3.2.0}; {@code null} when unrecognised. */
  static NetboxVersion parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    return new NetboxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip());
  }

  boolean olderThanSupported() {
    return compare(OLDEST) < 0;
  }

  boolean newerThanSupported() {
    return compare(NEWEST) > 0;
  }

  private int compare(NetboxVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }
}
