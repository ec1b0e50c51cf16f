package org.keagen.snapshot;

import java.util.List;

/**
 * An IP address tagged for DHCP, with the interfaces it is assigned to.
 *
 * @param id the source's object id (used in diagnostics)
 * @param address the address, with or without a mask length, e.g. {@code 10.0.0.5/24}
 * @param vrf the VRF name, or {@code null} for the global table
 * @param interfaces the interfaces the address is assigned to (many-to-many in Nautobot)
 */
public record Address(String id, String address, String vrf, List<InterfaceAttachment> interfaces) {

  public Address {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(address, "address");
    interfaces = List.copyOf(interfaces);
  }

  public static Address of(String address, InterfaceAttachment... interfaces) {
    return new Address(address, address, null, List.of(interfaces));
  }
}
