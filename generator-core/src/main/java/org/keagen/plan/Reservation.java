package org.keagen.plan;

/** A host reservation in the plan: generated from the source of truth, or a static one kept verbatim. */
public sealed interface Reservation permits GeneratedReservation, StaticReservation {

  /** The reserved address, or {@code null} for an options-only reservation. */
  String ipAddress();
}
