package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keagen.bench.FabricSize;
import org.keagen.bench.SyntheticFabric;
import org.keagen.snapshot.Snapshot;

/**
 * The complexity guard (not timed): resolving the M fabric (1k subnets, 100k pool and 10k reserved
 * addresses) locates every address through the prefix index exactly once, and each look-up costs
 * at most one hash probe per distinct prefix length of its VRF, never one per prefix. So locating
 * n addresses among p prefixes costs O(n) probes, where a scan of the prefixes would cost O(n * p).
 * Lives in the resolver's package (in this module's tests, which have the synthetic fabric) to read
 * the index's counters.
 */
class ResolveComplexityTest {

  @Test
  void resolvingMLocatesEachAddressOnceWithBoundedProbes() {
    Snapshot snapshot = SyntheticFabric.snapshot(FabricSize.M, SyntheticFabric.DEFAULT_SEED);
    PrefixIndex<SubnetDraft> index = new PrefixIndex<>();
    Resolution resolution = Resolver.resolve(snapshot, SubnetIdHistory.none(), index);
    assertTrue(resolution.ok(), resolution.diagnostics().toString());

    long addresses = snapshot.poolAddresses().size() + snapshot.reservedAddresses().size();
    long prefixes = snapshot.prefixes().size();
    assertEquals(addresses, index.lookups(), "every address is located through the index, once");
    assertTrue(index.maxLengths() <= 33);
    long bound = addresses * index.maxLengths();
    assertTrue(index.probes() <= bound, index.probes() + " probes for " + addresses + " addresses");
    long log2Prefixes = 64 - Long.numberOfLeadingZeros(prefixes);
    assertTrue(index.probes() <= addresses * log2Prefixes,
        "within n log p: " + index.probes() + " <= " + addresses + " * " + log2Prefixes);
    assertTrue(bound * 20 < addresses * prefixes / 2, "the bound is far below what a scan would cost");
  }

  @Test
  void probesPerAddressDoNotGrowFromSToM() {
    double[] perAddress = new double[2];
    FabricSize[] sizes = {FabricSize.S, FabricSize.M};
    for (int i = 0; i < sizes.length; i++) {
      Snapshot snapshot = SyntheticFabric.snapshot(sizes[i], SyntheticFabric.DEFAULT_SEED);
      PrefixIndex<SubnetDraft> index = new PrefixIndex<>();
      assertTrue(Resolver.resolve(snapshot, SubnetIdHistory.none(), index).ok());
      perAddress[i] = (double) index.probes() / index.lookups();
    }
    assertTrue(perAddress[1] <= perAddress[0] * 1.5 + 1,
        "probes per address: S " + perAddress[0] + ", M " + perAddress[1]);
  }
}
