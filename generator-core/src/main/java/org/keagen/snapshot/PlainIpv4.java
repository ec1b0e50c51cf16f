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
  /** The longest text in the plain form, {@code 255.255.255.255/32}. */
  private static final int LONGEST = 18;

  private PlainIpv4() {}

  /** {@code value << 8 | length} for a text in the plain form, else -1 (any other text, even a valid one). */
  public static long parse(CharSequence text) {
    int n = text.length();
    if (n > LONGEST) {
      return -1;
    }
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = text.charAt(i);
    }
    return parse(chars, 0, n);
  }

  /** {@link #parse(CharSequence)} of the characters {@code chars[from, to)}, read once each. */
  public static long parse(char[] chars, int from, int to) {
    int i = from;
    long value = 0;
    for (int octet = 0; octet < 4; octet++) {
      int start = i;
      int v = 0;
      for (char c; i < to && i - start < 3 && (c = chars[i]) >= '0' && c <= '9'; i++) {
        v = v * 10 + (c - '0');
      }
      int digits = i - start;
      if (digits == 0 || v > 255 || (digits > 1 && chars[start] == '0')) {
        return -1;
      }
      value = value << 8 | v;
      if (octet < 3) {
        if (i >= to || chars[i] != '.') {
          return -1;
        }
        i++;
      }
    }
    if (i == to) {
      return value << 8 | NO_LENGTH;
    }
    if (chars[i] != '/') {
      return -1;
    }
    i++;
    int start = i;
    int length = 0;
    for (char c; i < to && i - start < 2 && (c = chars[i]) >= '0' && c <= '9'; i++) {
      length = length * 10 + (c - '0');
    }
    int digits = i - start;
    if (i != to || digits == 0 || length > 32 || (digits > 1 && chars[start] == '0')) {
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

}
