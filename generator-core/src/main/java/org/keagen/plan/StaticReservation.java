package org.keagen.plan;

import org.keagen.snapshot.JsonObject;

/**
 * A hand-written reservation from a static fragment, emitted verbatim.
 *
 * @param body the Kea reservation object
 * @param fragment the static fragment it came from
 */
public record StaticReservation(JsonObject body, String fragment) implements Reservation {

  @Override
  public String ipAddress() {
    var ip = body.at("/ip-address");
    return ip.isTextual() ? ip.asText() : null;
  }
}
