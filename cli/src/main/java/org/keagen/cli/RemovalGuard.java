package org.keagen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.keagen.resolve.KeaConfigWalk;

/**
 * The blast-radius guard: a new config must not silently drop a large part of the existing one.
 * It is refused when it would remove more than a share of the existing file's subnets or
 * reservations, and whenever it is empty while the existing file is not. Subnets are matched by
 * CIDR, reservations by address (else by identifier), in any scope, so moving a reservation between
 * the global and the subnet scope is not a removal.
 */
final class RemovalGuard {
  private RemovalGuard() {}

  /** The subnets and reservations of one config. */
  record Inventory(Set<String> subnets, Set<String> reservations) {
    /**
     * The inventory of a config text, read element by element (the file can be tens of MB), or
     * empty when it is not a Kea DHCPv4 config.
     */
    static Optional<Inventory> read(String config) {
      Collector collector = new Collector();
      return KeaConfigWalk.walk(config, collector) == null ? Optional.of(collector.inventory()) : Optional.empty();
    }

    boolean isEmpty() {
      return subnets.isEmpty() && reservations.isEmpty();
    }

    private static void addSubnet(JsonNode subnet, Set<String> subnets, Set<String> reservations) {
      subnets.add(subnet.path("subnet").isTextual() ? subnet.get("subnet").asText().trim() : subnet.toString());
      addReservations(subnet.path("reservations"), reservations);
    }

    private static void addReservations(JsonNode list, Set<String> reservations) {
      for (JsonNode r : list) {
        reservations.add(key(r));
      }
    }

    private static String key(JsonNode reservation) {
      if (reservation.path("ip-address").isTextual()) {
        return "ip " + reservation.get("ip-address").asText().trim();
      }
      for (String identifier : new String[] {"hw-address", "client-id", "duid", "circuit-id", "flex-id"}) {
        if (reservation.path(identifier).isTextual()) {
          return identifier + " " + reservation.get(identifier).asText().trim().toLowerCase(Locale.ROOT);
        }
      }
      return reservation.toString();
    }
  }

  /** Collects an inventory from a walk over a config. */
  static final class Collector implements KeaConfigWalk.Visitor {
    private final Set<String> subnets = new LinkedHashSet<>();
    private final Set<String> reservations = new LinkedHashSet<>();

    @Override
    public void globalReservation(JsonNode reservation) {
      reservations.add(Inventory.key(reservation));
    }

    @Override
    public void subnet(JsonNode subnet, boolean inSharedNetwork) {
      Inventory.addSubnet(subnet, subnets, reservations);
    }

    Inventory inventory() {
      return new Inventory(subnets, reservations);
    }
  }

  /**
   * The guard's finding (an error) for replacing {@code previous} by {@code next}, if any.
   *
   * @param output the existing file, named in the finding
   * @param maxPercent the largest share of subnets or of reservations that may be removed
   */
  static Optional<Finding> check(String output, Inventory previous, Inventory next, int maxPercent) {
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    if (next.isEmpty()) {
      return Optional.of(Finding.error(Finding.EMPTY_SOURCE, output, "the new config has no subnets and no"
          + " reservations, but the existing file has " + previous.subnets().size() + " subnets and "
          + previous.reservations().size() + " reservations; an empty result never replaces a non-empty config",
          "check the source, its tags and the filters; pass --force to write it anyway"));
    }
    long removedSubnets = previous.subnets().stream().filter(s -> !next.subnets().contains(s)).count();
    long removedReservations = previous.reservations().stream().filter(r -> !next.reservations().contains(r)).count();
    boolean over = removedSubnets * 100 > (long) maxPercent * previous.subnets().size()
        || removedReservations * 100 > (long) maxPercent * previous.reservations().size();
    if (!over) {
      return Optional.empty();
    }
    return Optional.of(Finding.error(Finding.REMOVAL_OVER_LIMIT, output, "the new config would remove "
        + share(removedSubnets, previous.subnets().size(), "subnets") + " and "
        + share(removedReservations, previous.reservations().size(), "reservations") + ", more than the limit of "
        + maxPercent + "%",
        "check the source and the filters; raise --max-removal-percent or pass --force to write it anyway"));
  }

  /** {@code 3 of 8 subnets (37.5%)}. */
  private static String share(long part, int whole, String what) {
    if (whole == 0) {
      return "0 of 0 " + what;
    }
    double percent = Math.round(part * 1000.0 / whole) / 10.0;
    String shown = percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    return part + " of " + whole + " " + what + " (" + shown + "%)";
  }
}
