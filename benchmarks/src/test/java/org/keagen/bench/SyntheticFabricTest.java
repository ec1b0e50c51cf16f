package org.keagen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.GeneratedSubnet;
import org.keagen.resolve.Resolution;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Snapshot;

class SyntheticFabricTest {
  private static final FabricSize TINY = FabricSize.parse("40/2000/200");

  @Test
  void sameSizeAndSeedGiveTheSameBytesAndAnotherSeedOthers() {
    String first = SyntheticFabric.text(TINY, 7);
    assertEquals(first, SyntheticFabric.text(TINY, 7));
    assertNotEquals(first, SyntheticFabric.text(TINY, 8));
    assertTrue(first.endsWith("}\n"));
  }

  @Test
  void snapshotHoldsExactlyTheRequestedCounts() {
    Snapshot snapshot = SyntheticFabric.snapshot(TINY, 7);
    assertEquals(40, snapshot.prefixes().size());
    assertEquals(2000, snapshot.poolAddresses().size());
    assertEquals(200, snapshot.reservedAddresses().size());
    assertEquals(200, snapshot.devices().size(), "one device per reserved interface");
    assertEquals(2000, snapshot.poolAddresses().stream().map(Address::address).distinct().count());
    Set<String> vrfs = snapshot.prefixes().stream().map(p -> String.valueOf(p.vrf())).collect(Collectors.toSet());
    assertEquals(Set.of("null"), vrfs, "40 subnets make one site, in the global table");
  }

  @Test
  void largerFabricsSpreadOverSitesAndVrfs() {
    Snapshot snapshot = SyntheticFabric.snapshot(FabricSize.parse("200/4000/400"), 7);
    Set<String> vrfs = snapshot.prefixes().stream().map(p -> String.valueOf(p.vrf())).collect(Collectors.toSet());
    assertEquals(Set.of("null", "oob", "prod", "lab"), vrfs);
  }

  @Test
  void everyTaggedAddressEndsUpInTheConfig() {
    Resolution resolution = Stages.resolve(SyntheticFabric.snapshot(TINY, 7), GenerationOptions.defaults());
    var plan = resolution.plan();
    assertEquals(42, plan.subnets().size(), "40 generated subnets and 2 static ones");
    long pooled = plan.subnets().stream().filter(GeneratedSubnet.class::isInstance).map(GeneratedSubnet.class::cast)
        .flatMap(s -> s.pools().stream()).mapToLong(r -> r.size()).sum();
    assertEquals(2000, pooled);
    long addressReservations = plan.globalReservations().stream().filter(r -> r.ipAddress() != null).count()
        + plan.subnets().stream().filter(GeneratedSubnet.class::isInstance).map(GeneratedSubnet.class::cast)
            .flatMap(s -> s.reservations().stream()).filter(r -> r.ipAddress() != null).count();
    assertEquals(200 + 10, addressReservations, "every reserved address, and the 10 static reservations");
    assertTrue(plan.subnets().stream().filter(GeneratedSubnet.class::isInstance).map(GeneratedSubnet.class::cast)
        .flatMap(s -> s.reservations().stream()).anyMatch(r -> r.ipAddress() == null),
        "uplink pool addresses on switch ports give address-less reservations");
    assertTrue(plan.globalReservations().stream().filter(GeneratedReservation.class::isInstance)
        .map(r -> ((GeneratedReservation) r).identifier().type().keaKey()).collect(Collectors.toSet())
        .containsAll(Set.of("hw-address", "client-id")));
    assertTrue(resolution.diagnostics().isEmpty(), resolution.diagnostics().toString());
  }

  @Test
  void stagesWriteTheBytesGeneratorRunReturns(@TempDir Path dir) throws IOException {
    Path snapshotFile = dir.resolve("snapshot.json");
    Files.writeString(snapshotFile, SyntheticFabric.text(TINY, 7));
    for (KeaVersion version : KeaVersion.values()) {
      GenerationOptions options = GenerationOptions.defaults().withKeaVersion(version);
      Snapshot snapshot = Stages.parse(snapshotFile);
      Resolution resolution = Stages.resolve(snapshot, options);
      var config = Stages.render(resolution, options);
      Stages.validate(config, options);
      Path out = dir.resolve("kea-" + version.label() + ".conf");
      Stages.write(config, out);
      Generation generation = Generator.run(snapshot, options);
      assertTrue(generation.ok(), generation.errors().toString());
      assertEquals(generation.configText(), Files.readString(out), version.toString());
    }
  }
}
