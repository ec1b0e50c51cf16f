package org.keagen.resolve;

import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Canonical forms of the client identifiers Kea matches reservations on. */
public final class Identifiers {
  /** The characters of a MAC in any usual notation: hex digits and the separators. */
  private static final Pattern MAC_TEXT = Pattern.compile("[0-9a-fA-F:.\\- ]+");
  private static final Pattern HEX_PAIRS = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*");
  private static final Pattern HEX_RUN = Pattern.compile("([0-9a-fA-F]{2})+");
  /** A quoted literal: no quote inside, and no control character (Kea would cut the text at a NUL). */
  private static final Pattern QUOTED = Pattern.compile("'[^'\\p{Cntrl}]+'");
  /** Kea refuses a client-id shorter than two bytes. */
  static final int MIN_CLIENT_ID_BYTES = 2;
  /** DHCP option 61 carries at most 255 bytes. */
  static final int MAX_CLIENT_ID_BYTES = 255;

  private Identifiers() {}

  /**
   * The canonical {@code aa:bb:cc:dd:ee:ff} form of a 48-bit MAC written in any usual notation
   * (colons, dashes, Cisco dots, bare hex, any case), or {@code null} when it is not one.
   */
  public static String canonicalMac(String text) {
    String trimmed = text.trim();
    if (isColonHexMac(trimmed)) {
      return trimmed.toLowerCase(Locale.ROOT);
    }
    return libraryCanonicalMac(trimmed);
  }

  /** {@link #canonicalMac} by the MAC address library alone, for any notation it accepts. */
  static String libraryCanonicalMac(String text) {
    String trimmed = text.trim();
    if (!MAC_TEXT.matcher(trimmed).matches()) {
      return null; // the parser takes wildcards and ranges, and throws on some ('1*')
    }
    MACAddress mac;
    try {
      mac = new MACAddressString(trimmed).getAddress();
    } catch (RuntimeException e) {
      return null;
    }
    if (mac == null || mac.getSegmentCount() != MACAddress.MEDIA_ACCESS_CONTROL_SEGMENT_COUNT
        || mac.isMultiple()) {
      return null;
    }
    return mac.toColonDelimitedString().toLowerCase(Locale.ROOT);
  }

  /**
   * True for six pairs of hex digits joined by colons ({@code 0C:C4:7A:12:34:56}), the form sources
   * mostly give: its canonical form is its lower case, without asking the library.
   */
  static boolean isColonHexMac(String text) {
    return text.length() == 17 && isColonHexPairs(text);
  }

  /** True for one or more pairs of hex digits joined by colons; what {@code HEX_PAIRS} matches, without a regex. */
  public static boolean isColonHexPairs(String text) {
    if ((text.length() + 1) % 3 != 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The canonical form of a client-id as Kea reads it: hex bytes become lower-case colon-separated
   * pairs; a single-quoted literal is kept. Returns {@code null} when the text is neither, or its
   * length is outside what DHCP allows.
   */
  public static String canonicalClientId(String text) {
    String trimmed = text.trim();
    if (isColonHexPairs(trimmed)) { // the canonical form itself, but for the case: first, without a regex
      int length = (trimmed.length() + 1) / 3;
      return length >= MIN_CLIENT_ID_BYTES && length <= MAX_CLIENT_ID_BYTES ? trimmed.toLowerCase(Locale.ROOT) : null;
    }
    if (QUOTED.matcher(trimmed).matches()) {
      int length = trimmed.substring(1, trimmed.length() - 1).getBytes(StandardCharsets.UTF_8).length;
      return length >= MIN_CLIENT_ID_BYTES && length <= MAX_CLIENT_ID_BYTES ? trimmed : null;
    }
    String hex;
    if (HEX_PAIRS.matcher(trimmed).matches()) {
      hex = trimmed.replace(":", "");
    } else if (HEX_RUN.matcher(trimmed).matches()) {
      hex = trimmed;
    } else {
      return null;
    }
    byte[] bytes = HexFormat.of().parseHex(hex);
    if (bytes.length < MIN_CLIENT_ID_BYTES || bytes.length > MAX_CLIENT_ID_BYTES) {
      return null;
    }
    return HexFormat.ofDelimiter(":").formatHex(bytes);
  }

  /**
   * A comparable identity for a reservation identifier ({@code hw-address}, {@code client-id},
   * {@code duid}, ...): the canonical MAC or hex client-id, else the lower-case text, so that two
   * spellings of one identifier compare equal.
   */
  public static String identity(String key, String value) {
    String canonical = switch (key) {
      case "hw-address" -> canonicalMac(value);
      case "client-id" -> canonicalClientId(value);
      default -> null;
    };
    return key + "=" + (canonical != null ? canonical : value.trim().toLowerCase(Locale.ROOT));
  }

  /** The client-id used when a device has a serial but no template: the serial as a quoted literal. */
  public static String quotedSerial(String serial) {
    return "'" + serial + "'";
  }
}
