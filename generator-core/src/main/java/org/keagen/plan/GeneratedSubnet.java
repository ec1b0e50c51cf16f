package org.keagen.plan;

import java.util.List;
import java.util.Objects;
import org.keagen.snapshot.JsonObject;

/**
 * A subnet keagen derived from a prefix tagged as a DHCP subnet.
 *
 * @param cidr the canonical CIDR
 * @param id the Kea subnet id
 * @param gateway the resolved gateway, rendered as the {@code routers} option
 * @param pools the pool ranges, ascending
 * @param options subnet option-data other than {@code routers}, in canonical order
 * @param config extra subnet parameters from device contexts' {@code subnet_config}
 * @param reservations reservations placed inside this subnet
 */
public record GeneratedSubnet(
    String cidr,
    long id,
    String gateway,
    List<PoolRange> pools,
    List<OptionData> options,
    JsonObject config,
    List<GeneratedReservation> reservations) implements Subnet {

  public GeneratedSubnet {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(gateway, "gateway");
    pools = pools.stream().sorted().toList();
    options = options.stream().sorted(OptionData.ORDER).toList();
    Objects.requireNonNull(config, "config");
    reservations = List.copyOf(reservations);
  }
}
