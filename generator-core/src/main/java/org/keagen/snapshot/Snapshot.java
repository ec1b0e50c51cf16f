package org.keagen.snapshot;

import java.util.List;

/**
 * Everything keagen needs from a source of truth for one generation run.
 *
 * @param source where the facts came from (never holds credentials)
 * @param prefixes prefixes tagged as DHCP subnets
 * @param poolAddresses addresses tagged as dynamic pool members
 * @param reservedAddresses addresses tagged for host reservation
 * @param devices the devices that reserved and pool addresses' interfaces belong to
 * @param optionDefinitions site-level Kea {@code option-def} entries, verbatim
 * @param staticFragments hand-written Kea reservations and subnets kept in the source of truth
 */
public record Snapshot(
    SourceInfo source,
    List<Prefix> prefixes,
    List<Address> poolAddresses,
    List<Address> reservedAddresses,
    List<Device> devices,
    List<JsonObject> optionDefinitions,
    List<StaticFragment> staticFragments) {

  /** The current version of the snapshot's JSON form. */
  public static final String FORMAT = "keagen-snapshot/1";

  public Snapshot {
    java.util.Objects.requireNonNull(source, "source");
    prefixes = List.copyOf(prefixes);
    poolAddresses = AddressList.of(poolAddresses); // a million of them on a large fabric
    reservedAddresses = AddressList.of(reservedAddresses);
    devices = List.copyOf(devices);
    optionDefinitions = List.copyOf(optionDefinitions);
    staticFragments = List.copyOf(staticFragments);
  }

  /** A snapshot holding no facts at all, e.g. an empty source. */
  public static Snapshot empty(SourceInfo source) {
    return new Snapshot(source, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
