package org.keagen.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic snapshot: {@code GenerateSnapshot <S|M|L|subnets/pool/reservations> <out.json>
 * [seed]}.
 */
public final class GenerateSnapshot {
  private GenerateSnapshot() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: GenerateSnapshot <S|M|L|subnets/pool/reservations> <out.json> [seed]");
      System.exit(64);
    }
    FabricSize size = FabricSize.parse(args[0]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SyntheticFabric.DEFAULT_SEED;
    Path out = Path.of(args[1]);
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      SyntheticFabric.write(size, seed, stream);
    }
  }
}
