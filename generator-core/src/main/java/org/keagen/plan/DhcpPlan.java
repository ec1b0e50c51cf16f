package org.keagen.plan;

import java.util.List;
import org.keagen.snapshot.JsonObject;

/**
 * The resolved DHCP plan for one Kea server.
 *
 * @param optionDefinitions custom {@code option-def} entries, verbatim from the source
 * @param subnets all subnets, ordered by network address
 * @param globalReservations reservations placed at the global level, ordered by address
 * @param reservationsGlobal the global {@code reservations-global} flag subnets inherit
 */
public record DhcpPlan(
    List<JsonObject> optionDefinitions,
    List<Subnet> subnets,
    List<Reservation> globalReservations,
    boolean reservationsGlobal) {

  public DhcpPlan {
    optionDefinitions = List.copyOf(optionDefinitions);
    subnets = List.copyOf(subnets);
    globalReservations = List.copyOf(globalReservations);
  }

  /** Reservations in every scope. */
  public long reservationCount() {
    return globalReservations.size() + subnets.stream()
        .mapToLong(s -> s instanceof GeneratedSubnet g ? g.reservations().size() : 0).sum();
  }

  /** Pool ranges over all subnets. */
  public long poolCount() {
    return subnets.stream().mapToLong(s -> s instanceof GeneratedSubnet g ? g.pools().size() : 0).sum();
  }
}
