package org.keagen.push;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The forms Kea rewrites values into when it reads a config and gives it back with {@code
 * config-get}, reduced to one comparable form: identifiers as bare lower-case hex, pools as
 * {@code first-last}, option data without blanks around commas (and hex without separators),
 * file paths compared by file name when one side has only the name (Kea 3.0).
 */
public final class KeaValueForms {
  /** Reservation identifier keys, in the order Kea checks them by default. */
  public static final Set<String> IDENTIFIER_KEYS = Set.of("hw-address", "duid", "circuit-id", "client-id", "flex-id");

  private KeaValueForms() {}

  /**
   * An identifier as bare lower-case hex: {@code 00:4C:45}, {@code 00-4c-45}, {@code 004C45} and
   * quoted text such as {@code 'LE'} all agree.
   */
  public static String identifier(String value) {
    String text = value.trim();
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return HexFormat.of().formatHex(text.substring(1, text.length() - 1).getBytes(StandardCharsets.UTF_8));
    }
    return hex(text);
  }

  /** A pool as {@code first-last}, from {@code a - b} or {@code a/len}; other text as given, trimmed. */
  public static String pool(String value) {
    String text = value.trim();
    int dash = text.indexOf('-');
    if (dash > 0) {
      Long first = ipv4(text.substring(0, dash).trim());
      Long last = ipv4(text.substring(dash + 1).trim());
      if (first != null && last != null) {
        return dotted(first) + "-" + dotted(last);
      }
      return text;
    }
    int slash = text.indexOf('/');
    if (slash > 0) {
      Long address = ipv4(text.substring(0, slash).trim());
      Integer length = integer(text.substring(slash + 1).trim());
      if (address != null && length != null && length >= 0 && length <= 32) {
        long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        long network = address & mask;
        return dotted(network) + "-" + dotted(network | (~mask & 0xFFFFFFFFL));
      }
    }
    return text;
  }

  /**
   * Option data in one form: for CSV data, blanks around commas dropped; for hex data ({@code
   * csv-format: false}), bare lower-case hex.
   */
  public static String optionData(String data, boolean csvFormat) {
    if (!csvFormat) {
      return hex(data.trim());
    }
    return data.trim().replaceAll("\\s*,\\s*", ",");
  }

  /**
   * True when two paths name the same file: equal, or one is a bare file name (as Kea 3.0 takes
   * hooks and sockets) and the other ends in it.
   */
  public static boolean sameFile(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    boolean bareA = a.indexOf('/') < 0;
    boolean bareB = b.indexOf('/') < 0;
    if (bareA == bareB) {
      return false;
    }
    return fileName(a).equals(fileName(b));
  }

  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String hex(String text) {
    String bare = text.toLowerCase(Locale.ROOT);
    if (bare.startsWith("0x")) {
      bare = bare.substring(2);
    }
    return bare.replaceAll("[\\s:.\\-]", "");
  }

  private static Long ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long value = 0;
    for (String part : parts) {
      Integer octet = integer(part);
      if (octet == null || octet < 0 || octet > 255) {
        return null;
      }
      value = value << 8 | octet;
    }
    return value;
  }

  private static Integer integer(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(text);
  }

  private static String dotted(long value) {
    return (value >> 24 & 0xFF) + "." + (value >> 16 & 0xFF) + "." + (value >> 8 & 0xFF) + "." + (value & 0xFF);
  }
}
