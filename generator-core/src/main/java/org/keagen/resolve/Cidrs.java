package org.keagen.resolve;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import org.keagen.snapshot.PlainIpv4;

/** Parsing of IPv4 prefixes and addresses as sources write them. */
public final class Cidrs {
  private Cidrs() {}

  /**
   * The IPv4 prefix {@code text} denotes, as a network address with its length (host bits zeroed
   * is required: {@code 10.0.0.1/24} is not a prefix), or {@code null} when it is not one.
   */
  public static IPv4Address parsePrefix(String text) {
    long plain = plain(text.trim());
    if (plain >= 0 && (plain & 0xff) != PlainIpv4.NO_LENGTH) {
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

  /**
   * {@link #parseAddress} written as Kea writes an address ({@code a.b.c.d}), or {@code null}; the
   * usual notation is read and written without an address object.
   */
  public static String addressText(String text) {
    long plain = plainAddressValue(text.trim());
    if (plain >= 0) {
      return PlainIpv4.dotted(plain);
    }
    IPv4Address address = libraryParseAddress(text);
    return address == null ? null : address.toNormalizedString();
  }

  /** The numeric value of {@link #parseAddress}'s address, or -1 when it is none. */
  public static long addressValue(String text) {
    long plain = plainAddressValue(text.trim());
    if (plain >= 0) {
      return plain;
    }
    IPv4Address address = libraryParseAddress(text);
    return address == null ? -1 : address.longValue();
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
    return plainAddressValue(plain(text));
  }

  /** {@link #plainAddressValue(String)} of the text a {@link PlainIpv4#parse} result (or -1) was read from. */
  static long plainAddressValue(long plain) {
    if (plain < 0) {
      return -1;
    }
    long value = PlainIpv4.value(plain);
    int length = PlainIpv4.length(plain);
    if (length != PlainIpv4.NO_LENGTH && length < 32 && (value & hostMask(length)) == 0) {
      return -1;
    }
    return value;
  }

  /** {@link PlainIpv4#parse}; -1 for any text not in that form. */
  private static long plain(String text) {
    return PlainIpv4.parse(text);
  }

  private static long hostMask(int length) {
    return length >= 32 ? 0 : (1L << (32 - length)) - 1;
  }
}
