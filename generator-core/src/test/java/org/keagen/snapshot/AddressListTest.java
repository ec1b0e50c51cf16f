package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact address list gives back every address exactly as it was added. */
class AddressListTest {
  private static final InterfaceAttachment ETH0 = InterfaceAttachment.of("eth0", "management", "0c:c4:7a:00:00:01", "7");

  @Test
  void everyFieldComesBackExactlyWhateverItsForm() {
    List<Address> added = List.of(
        new Address("1000000", "10.0.0.5/24", null, List.of()),
        new Address("42", "10.0.0.6", "blue", List.of(ETH0)),
        new Address("10.0.0.7/24", "10.0.0.7/24", null, List.of()), // id is the address
        new Address("007", "10.0.0.8/24", null, List.of()), // leading zero: kept as text
        new Address("9223372036854775807", "10.0.0.9/24", null, List.of()), // too long for the column
        new Address("dcim.ipaddress:3f2a", " 10.0.0.10/24", null, List.of()), // spaces: not the plain form
        new Address("-1", "010.0.0.11/24", null, List.of()), // leading zero octet
        new Address("0", "10.0.0.0/24", null, List.of()),
        new Address("x", "2001:db8::1/64", "red", List.of(ETH0, ETH0)),
        new Address("y", "10.0.0.12/032", null, List.of()),
        new Address("z", "not an address", null, List.of()));
    AddressList list = AddressList.of(new ArrayList<>(added));
    assertEquals(added, list);
    assertEquals(added.size(), list.size());
    for (int i = 0; i < added.size(); i++) {
      assertEquals(added.get(i).address(), list.address(i), "address " + i);
      assertEquals(added.get(i).vrf(), list.vrf(i), "vrf " + i);
      assertEquals(added.get(i).interfaces(), list.interfaces(i), "interfaces " + i);
    }
  }

  @Test
  void plainAddressIsTheValueOnlyForThePlainForm() {
    AddressList list = AddressList.of(List.of(Address.of("10.1.2.3/24"), Address.of(" 10.1.2.3/24"), Address.of("10.1.2.3")));
    assertEquals((0x0a010203L << 8) | 24, list.plainAddress(0));
    assertEquals(-1, list.plainAddress(1));
    assertEquals((0x0a010203L << 8) | PlainIpv4.NO_LENGTH, list.plainAddress(2));
  }

  @Test
  void anAddressListIsTakenAsItIs() {
    AddressList list = AddressList.of(List.of(Address.of("10.0.0.1")));
    assertSame(list, AddressList.of(list));
    assertSame(list, new Snapshot(SourceInfo.of("test"), List.of(), list, List.of(), List.of(), List.of(), List.of())
        .poolAddresses());
  }

  @Test
  void isImmutableAndBoundsChecked() {
    AddressList list = AddressList.of(List.of(Address.of("10.0.0.1")));
    assertThrows(UnsupportedOperationException.class, () -> list.add(Address.of("10.0.0.2")));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
    assertThrows(NullPointerException.class, () -> AddressList.builder().add(null, "10.0.0.1", null, List.of()));
  }
}
