package org.keagen.snapshot;

import java.util.List;

/**
 * Hand-written Kea objects an operator keeps in the source of truth (a config context), merged
 * beside the generated ones; generated objects win on conflict.
 *
 * @param name the fragment's name in the source (used in diagnostics)
 * @param reservations Kea {@code reservations} entries, verbatim
 * @param subnets Kea {@code subnet4} entries, verbatim
 */
public record StaticFragment(String name, List<JsonObject> reservations, List<JsonObject> subnets) {

  public StaticFragment {
    java.util.Objects.requireNonNull(name, "name");
    reservations = List.copyOf(reservations);
    subnets = List.copyOf(subnets);
  }
}
