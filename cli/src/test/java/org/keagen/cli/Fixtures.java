package org.keagen.cli;

import java.util.ArrayList;
import java.util.List;

/** Snapshot JSON texts for the CLI tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * {@code subnets} prefixes 10.0.N.0/24 (location {@code dc1} for even N, {@code dc2} for odd N),
   * each with pool .100-.110 and one reservation by MAC at .10 on device dN.
   */
  static String snapshot(int subnets) {
    List<String> prefixes = new ArrayList<>();
    List<String> pool = new ArrayList<>();
    List<String> reserved = new ArrayList<>();
    List<String> devices = new ArrayList<>();
    for (int n = 0; n < subnets; n++) {
      String location = n % 2 == 0 ? "dc1" : "dc2";
      prefixes.add("{\"id\": \"p%d\", \"prefix\": \"10.0.%d.0/24\", \"location\": \"%s\"}".formatted(n, n, location));
      for (int host = 100; host <= 110; host++) {
        pool.add("{\"id\": \"a%d-%d\", \"address\": \"10.0.%d.%d/24\"}".formatted(n, host, n, host));
      }
      reserved.add(("{\"id\": \"r%d\", \"address\": \"10.0.%d.10/24\", \"interfaces\": [{\"name\": \"eth0\","
          + " \"mac_address\": \"00:11:22:33:44:%02x\", \"device_id\": \"d%d\"}]}").formatted(n, n, n, n));
      devices.add("{\"id\": \"d%d\", \"name\": \"host%d\"}".formatted(n, n));
    }
    return """
        {"format": "keagen-snapshot/1", "source": {"kind": "netbox"},
         "prefixes": [%s],
         "pool_addresses": [%s],
         "reserved_addresses": [%s],
         "devices": [%s]}
        """.formatted(String.join(",\n  ", prefixes), String.join(",\n  ", pool), String.join(",\n  ", reserved),
        String.join(",\n  ", devices));
  }

  /** A snapshot whose reserved address has no interface: the resolver's error {@code reserve-no-interface}. */
  static String unresolvable() {
    return """
        {"format": "keagen-snapshot/1",
         "prefixes": [{"id": "p1", "prefix": "10.0.0.0/24"}],
         "reserved_addresses": [{"id": "r1", "address": "10.0.0.10/24", "interfaces": []}]}
        """;
  }

  /** A snapshot with no facts at all. */
  static String empty() {
    return "{\"format\": \"keagen-snapshot/1\"}\n";
  }
}
