package org.keagen.bench;

import java.util.Locale;

/**
 * How big a synthetic fabric is.
 *
 * @param name a short label for reports (S, M, L, or the three numbers)
 * @param subnets prefixes tagged as DHCP subnets
 * @param poolAddresses individually tagged pool addresses over all subnets
 * @param reservations addresses tagged for reservation, each on its own device interface
 */
public record FabricSize(String name, int subnets, int poolAddresses, int reservations) {

  /** 100 subnets, 10k pool addresses, 1k reservations. */
  public static final FabricSize S = new FabricSize("S", 100, 10_000, 1_000);
  /** 1k subnets, 100k pool addresses, 10k reservations. */
  public static final FabricSize M = new FabricSize("M", 1_000, 100_000, 10_000);
  /** 10k subnets, 1M pool addresses, 100k reservations. */
  public static final FabricSize L = new FabricSize("L", 10_000, 1_000_000, 100_000);

  public FabricSize {
    if (subnets < 1 || poolAddresses < 0 || reservations < 0) {
      throw new IllegalArgumentException("a fabric needs at least one subnet and no negative counts");
    }
  }

  /** S, M, L, or {@code subnets/pool/reservations} such as {@code 10/200/20}. */
  public static FabricSize parse(String text) {
    switch (text.toUpperCase(Locale.ROOT)) {
      case "S":
        return S;
      case "M":
        return M;
      case "L":
        return L;
      default:
        String[] parts = text.split("/");
        if (parts.length != 3) {
          throw new IllegalArgumentException("size is S, M, L or subnets/pool/reservations, not " + text);
        }
        return new FabricSize(text, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
  }
}
