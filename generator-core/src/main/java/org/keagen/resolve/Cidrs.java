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
    return new IPAddressString(text.trim()).isIPv6();
  }
}
