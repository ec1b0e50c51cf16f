package org.keagen.snapshot;

/**
 * The usual way sources write an IPv4 address or prefix, {@code a.b.c.d} or {@code a.b.c.d/len}:
 * four decimal octets without leading zeros and a length from 0 to 32 without one. Such a text is
 * one number, {@code value << 8 | length} (length {@link #NO_LENGTH} when there is none), and that
 * number gives the text back character for character, so it can be kept instead of the text.
 */
public final class PlainIpv4 {
  /** The length part of a text without {@code /len}. */
  public static final int NO_LENGTH = 0xff;

  private PlainIpv4() {}

  /** {@code value << 8 | length} for a text in the plain form, else -1 (any other text, even a valid one). */
  public static long parse(CharSequence text) {
    int n = text.length();
    int i = 0;
    long value = 0;
    for (int octet = 0; octet < 4; octet++) {
      int start = i;
      int v = 0;
      while (i < n && i - start < 3 && isDigit(text.charAt(i))) {
        v = v * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || v > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = value << 8 | v;
      if (octet < 3) {
        if (i >= n || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
    }
    if (i == n) {
      return value << 8 | NO_LENGTH;
    }
    if (text.charAt(i) != '/') {
      return -1;
    }
    i++;
    int start = i;
    int length = 0;
    while (i < n && i - start < 2 && isDigit(text.charAt(i))) {
      length = length * 10 + (text.charAt(i) - '0');
      i++;
    }
    int digits = i - start;
    if (i != n || digits == 0 || length > 32 || (digits > 1 && text.charAt(start) == '0')) {
      return -1;
    }
    return value << 8 | length;
  }

  /** The address part of a {@link #parse} result. */
  public static long value(long plain) {
    return plain >>> 8;
  }

  /** The length part of a {@link #parse} result, {@link #NO_LENGTH} when the text has none. */
  public static int length(long plain) {
    return (int) (plain & 0xff);
  }

  /** The dotted-quad text of the IPv4 address {@code value}. */
  public static String dotted(long value) {
    return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
  }

  /** The text a {@link #parse} result was read from. */
  public static String text(long plain) {
    String address = dotted(value(plain));
    return length(plain) == NO_LENGTH ? address : address + "/" + length(plain);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
