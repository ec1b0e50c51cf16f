package org.keagen.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reservation keagen derived from a tagged address on a device interface.
 *
 * @param ipAddress the reserved address, or {@code null} for an options-only reservation inside a
 *     subnet (a pool address whose device carries reservation options)
 * @param hostname the device name
 * @param identifier the MAC or client-id Kea matches
 * @param options the reservation's option-data, in canonical order
 * @param origin what it came from, for diagnostics, e.g. {@code ip-address 10.0.0.5 (leaf1 eth0)}
 */
public record GeneratedReservation(
    String ipAddress, String hostname, Identifier identifier, List<OptionData> options, String origin)
    implements Reservation {

  public GeneratedReservation {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(origin, "origin");
    List<OptionData> sorted = new ArrayList<>(options);
    sorted.sort(OptionData.ORDER);
    options = List.copyOf(sorted);
  }
}
