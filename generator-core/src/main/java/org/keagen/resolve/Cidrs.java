package org.keagen.resolve;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

/** Parsing of IPv4 prefixes and addresses as sources write them. */
public final class Cidrs {
  private Cidrs() {}

  /**
   * The IPv4 prefix {@code text} denotes, as a network address with its length (host bits zeroed
   * is required: {@code 10.0.0.1/24} is not a prefix), or {@code null} when it is not one.
   */
  public static IPv4Address parsePrefix(String text) {
    long plain = plain(text.trim());
    if (plain >= 0 && (plain & 0xff) != NO_LENGTH) {
      long value = plain >>> 8;
      int length = (int) (plain & 0xff);
      return (value & hostMask(length)) == 0 ? new IPv4Address((int) value, length) : null;
    }
    return libraryParsePrefix(text);
  }

  /** {@link #parsePrefix} by the IP address library alone, for any notation it accepts. */
  static IPv4Address libraryParsePrefix(String text) {
    try {
      var address = new IPAddressString(text.trim()).toAddress();
      if (!address.isIPv4() || !address.isPrefixed()) {
        return null;
      }
      IPv4Address v4 = address.toIPv4();
      IPv4Address network = v4.toZeroHost();
      return network.getLower().equals(v4.getLower()) ? network.withoutPrefixLength()
          .setPrefixLength(v4.getNetworkPrefixLength(), false) : null;
    } catch (AddressStringException | RuntimeException e) {
      return null;
    }
  }

  /** The canonical text {@code a.b.c.d/len} of an IPv4 prefix, or {@code null}. */
  public static String canonical(String text) {
    IPv4Address prefix = parsePrefix(text);
    return prefix == null ? null : toText(prefix);
  }

  /** {@code a.b.c.d/len} for a prefix block. */
  public static String toText(IPv4Address prefix) {
    return prefix.getLower().withoutPrefixLength().toNormalizedString() + "/" + prefix.getNetworkPrefixLength();
  }

  /**
   * The single IPv4 address {@code text} denotes, with or without a mask length ({@code
   * 10.0.0.5/24} is the address 10.0.0.5), or {@code null}.
   */
  public static IPv4Address parseAddress(String text) {
    long plain = plainAddressValue(text.trim());
    if (plain >= 0) {
      return new IPv4Address((int) plain);
    }
    return libraryParseAddress(text);
  }

  /** {@link #parseAddress} by the IP address library alone, for any notation it accepts. */
  static IPv4Address libraryParseAddress(String text) {
    try {
      var address = new IPAddressString(text.trim()).toAddress();
      if (!address.isIPv4()) {
        return null;
      }
      return address.toIPv4().withoutPrefixLength();
    } catch (AddressStringException | RuntimeException e) {
      return null;
    }
  }

  /** True when {@code text} denotes an IPv6 address or prefix (skipped by a DHCPv4 run). */
  public static boolean isIpv6(String text) {
    String trimmed = text.trim();
    return plain(trimmed) < 0 && family(trimmed, false);
  }

  /** True when the IP address library reads {@code text} as IPv4 (an address or prefix, any notation). */
  public static boolean isIpv4(String text) {
    String trimmed = text.trim();
    return plain(trimmed) >= 0 || family(trimmed, true);
  }

  /** The library's verdict, where it throws on some texts ({@code 8/5555555555555555555553}) instead of refusing. */
  private static boolean family(String text, boolean ipv4) {
    try {
      IPAddressString parsed = new IPAddressString(text);
      return ipv4 ? parsed.isIPv4() : parsed.isIPv6();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The value of {@code text} when it is the common form whose meaning leaves no doubt: four
   * decimal octets without leading zeros, optionally {@code /len} (0 to 32, no leading zero) with
   * host bits set under it. Anything else gives -1 and goes to the library: other notations
   * (octal, hex, fewer octets, masks), and a zero host under a prefix, which the library reads as
   * the whole block. Sources write one address this way per IP object, so this saves a full
   * parse per address on large fabrics without changing what any text means.
   */
  static long plainAddressValue(String text) {
    long plain = plain(text);
    if (plain < 0) {
      return -1;
    }
    long value = plain >>> 8;
    int length = (int) (plain & 0xff);
    if (length != NO_LENGTH && length < 32 && (value & hostMask(length)) == 0) {
      return -1;
    }
    return value;
  }

  /** What {@link #plain} gives as the length of a text without one. */
  private static final int NO_LENGTH = 0xff;

  /**
   * Four decimal octets without leading zeros, optionally {@code /len} (0 to 32, no leading zero),
   * as the address value shifted left by 8 with the length (or {@link #NO_LENGTH}) in the low byte;
   * -1 for any other text.
   */
  private static long plain(String text) {
    int n = text.length();
    int i = 0;
    long value = 0;
    for (int octet = 0; octet < 4; octet++) {
      int start = i;
      int v = 0;
      while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
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
    while (i < n && i - start < 2 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      length = length * 10 + (text.charAt(i) - '0');
      i++;
    }
    int digits = i - start;
    if (i != n || digits == 0 || length > 32 || (digits > 1 && text.charAt(start) == '0')) {
      return -1;
    }
    return value << 8 | length;
  }

  private static long hostMask(int length) {
    return length >= 32 ? 0 : (1L << (32 - length)) - 1;
  }
}
