package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SnapshotFilter}: which prefixes, addresses and devices a filter keeps. */
class SnapshotFilterTest {

  private static Prefix prefix(String id, String cidr, String vrf, String location, String tenant) {
    return new Prefix(id, cidr, vrf, location, tenant, null, null);
  }

  private static Address address(String text, String vrf, String deviceId) {
    List<InterfaceAttachment> interfaces = deviceId == null ? List.of()
        : List.of(InterfaceAttachment.of("eth0", null, null, deviceId));
    return new Address(text, text, vrf, interfaces);
  }

  private static final JsonObject NO_CONTEXT = JsonObject.empty();

  /** Two sites, a VRF, two tenants, a site prefix nested in another site's prefix, static data. */
  private static final Snapshot SNAPSHOT = new Snapshot(
      SourceInfo.of("netbox"),
      List.of(
          prefix("dc1-mgmt", "10.1.0.0/24", null, "dc1", "ops"),
          prefix("dc1-wide", "10.9.0.0/16", null, "dc1", "ops"),
          prefix("dc2-in-dc1-wide", "10.9.5.0/24", null, "dc2", "ops"),
          prefix("dc2-mgmt", "10.2.0.0/24", null, "dc2", "lab"),
          prefix("dc2-red", "10.2.0.0/24", "red", "dc2", "lab")),
      List.of(
          address("10.1.0.100/24", null, null),
          address("10.9.5.100/24", null, null),
          address("10.2.0.100/24", null, null),
          address("10.2.0.101/24", "red", null),
          address("192.168.7.7/24", null, null)),
      List.of(
          address("10.1.0.10/24", null, "d1"),
          address("10.9.1.10/16", null, "d1"),
          address("10.9.5.10/24", null, "d2"),
          address("10.2.0.10/24", "red", "d3"),
          address("not-an-address", null, "d4")),
      List.of(Device.of("d1", "leaf1", null, NO_CONTEXT), Device.of("d2", "leaf2", null, NO_CONTEXT),
          Device.of("d3", "leaf3", null, NO_CONTEXT), Device.of("d4", "leaf4", null, NO_CONTEXT),
          Device.of("d5", "unused", null, NO_CONTEXT)),
      List.of(JsonObject.empty()),
      List.of(new StaticFragment("legacy", List.of(), List.of())));

  private static List<String> prefixIds(Snapshot s) {
    return s.prefixes().stream().map(Prefix::id).toList();
  }

  private static List<String> addresses(List<Address> list) {
    return list.stream().map(Address::address).toList();
  }

  private static List<String> deviceIds(Snapshot s) {
    return s.devices().stream().map(Device::id).toList();
  }

  @Test
  void theEmptyFilterReturnsTheSnapshotItself() {
    assertTrue(SnapshotFilter.none().isEmpty());
    assertSame(SNAPSHOT, SnapshotFilter.none().apply(SNAPSHOT));
    assertSame(SNAPSHOT, SnapshotFilter.of(null, List.of(), null).apply(SNAPSHOT));
  }

  @Test
  void aLocationKeepsItsPrefixesAndTheAddressesPlacedInThem() {
    Snapshot dc1 = SnapshotFilter.of(List.of("dc1"), null, null).apply(SNAPSHOT);

    assertEquals(List.of("dc1-mgmt", "dc1-wide"), prefixIds(dc1));
    assertEquals(List.of("10.1.0.100/24"), addresses(dc1.poolAddresses()));
    assertEquals(List.of("10.1.0.10/24", "10.9.1.10/16"), addresses(dc1.reservedAddresses()));
    assertEquals(List.of("d1"), deviceIds(dc1), "only devices with a kept address");
  }

  @Test
  void anAddressStaysWithTheMostSpecificPrefixOfTheWholeSnapshot() {
    // 10.9.5.0/24 (dc2) lies inside 10.9.0.0/16 (dc1): its addresses belong to dc2, not to dc1
    Snapshot dc1 = SnapshotFilter.of(List.of("dc1"), null, null).apply(SNAPSHOT);
    Snapshot dc2 = SnapshotFilter.of(List.of("dc2"), null, null).apply(SNAPSHOT);

    assertTrue(!addresses(dc1.poolAddresses()).contains("10.9.5.100/24"), addresses(dc1.poolAddresses()).toString());
    assertTrue(addresses(dc2.poolAddresses()).contains("10.9.5.100/24"), addresses(dc2.poolAddresses()).toString());
    assertTrue(addresses(dc2.reservedAddresses()).contains("10.9.5.10/24"));
  }

  @Test
  void addressesArePlacedWithinTheirOwnVrf() {
    Snapshot red = SnapshotFilter.of(null, List.of("red"), null).apply(SNAPSHOT);

    assertEquals(List.of("dc2-red"), prefixIds(red));
    assertEquals(List.of("10.2.0.101/24"), addresses(red.poolAddresses()), "not the global 10.2.0.100");
    assertEquals(List.of("10.2.0.10/24"), addresses(red.reservedAddresses()));
    assertEquals(List.of("d3"), deviceIds(red));
  }

  @Test
  void dimensionsCombineWithAndNamesWithinOneWithOr() {
    SnapshotFilter lab = SnapshotFilter.of(List.of("dc1", "dc2"), null, List.of("lab"));

    assertEquals(List.of("dc2-mgmt", "dc2-red"), prefixIds(lab.apply(SNAPSHOT)));
    assertEquals(List.of("dc1-mgmt", "dc1-wide", "dc2-in-dc1-wide"),
        prefixIds(SnapshotFilter.of(null, null, List.of("ops")).apply(SNAPSHOT)));
  }

  @Test
  void addressesInNoPrefixOrUnparsableAreDroppedByAnyFilter() {
    Snapshot all = SnapshotFilter.of(List.of("dc1", "dc2"), null, null).apply(SNAPSHOT);

    assertEquals(List.of("10.1.0.100/24", "10.9.5.100/24", "10.2.0.100/24", "10.2.0.101/24"),
        addresses(all.poolAddresses()), "192.168.7.7 lies in no prefix");
    assertTrue(!addresses(all.reservedAddresses()).contains("not-an-address"));
    assertEquals(List.of("d1", "d2", "d3"), deviceIds(all));
  }

  @Test
  void aFilterMatchingNothingGivesAnEmptySnapshotButKeepsStaticData() {
    Snapshot none = SnapshotFilter.of(List.of("nowhere"), null, null).apply(SNAPSHOT);

    assertEquals(List.of(), none.prefixes());
    assertEquals(List.of(), none.poolAddresses());
    assertEquals(List.of(), none.reservedAddresses());
    assertEquals(List.of(), none.devices());
    assertEquals(SNAPSHOT.optionDefinitions(), none.optionDefinitions());
    assertEquals(SNAPSHOT.staticFragments(), none.staticFragments());
    assertEquals(SNAPSHOT.source(), none.source());
  }

  @Test
  void prefixesWithoutTheFilteredAttributeAreDropped() {
    Snapshot snapshot = new Snapshot(SourceInfo.of("netbox"), List.of(Prefix.of("p1", "10.0.0.0/24", null)),
        List.of(), List.of(), List.of(), List.of(), List.of());

    assertEquals(List.of(), SnapshotFilter.of(List.of("dc1"), null, null).apply(snapshot).prefixes());
    assertEquals(List.of(), SnapshotFilter.of(null, List.of("red"), null).apply(snapshot).prefixes());
  }

  @Test
  void describesItselfAndIsImmutable() {
    SnapshotFilter filter = SnapshotFilter.of(List.of("dc2", "dc1"), List.of("red"), List.of());

    assertEquals("location dc1|dc2, vrf red", filter.describe());
    assertEquals("", SnapshotFilter.none().describe());
    assertThrows(UnsupportedOperationException.class, () -> filter.locations().add("dc3"));
  }
}
