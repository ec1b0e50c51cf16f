package org.keagen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as Linux reports it in {@code /proc/self/status}: {@code VmHWM}
 * (peak resident set, the whole JVM: heap, metaspace, code, threads) and {@code VmRSS} (now), in
 * KiB; -1 where the file is not available.
 */
public record PeakMemory(long peakKib, long currentKib) {
  private static final Path STATUS = Path.of("/proc/self/status");

  /** The figures now. */
  public static PeakMemory now() {
    long peak = -1;
    long current = -1;
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          peak = kib(line);
        } else if (line.startsWith("VmRSS:")) {
          current = kib(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new PeakMemory(-1, -1);
    }
    return new PeakMemory(peak, current);
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
