package org.keagen.resolve;

import org.keagen.snapshot.Snapshot;

/** Turns snapshot facts into a DHCP plan and diagnostics. Pure: no I/O, no clock, no randomness. */
public final class Resolver {
  private Resolver() {}

  public static Resolution resolve(Snapshot snapshot, SubnetIdHistory subnetIds) {
    throw new UnsupportedOperationException("in progress");
  }
}
