package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keagen.snapshot.Snapshot;

/**
 * Fetch benchmark, not a timed test: it asserts only that everything was fetched, and reports
 * requests made, wall time, and the ratio of wall time to the ideal {@code requests / parallelism *
 * latency}. Run on demand (surefire does not pick up this class name by itself):
 *
 * <pre>
 * mvn -B -pl source-netbox -am test -Dtest=NetboxFetchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.addresses=200000 -Dbench.latencyMs=20 -Dbench.parallelism=1,8,16
 * </pre>
 *
 * A quarter of the addresses are reservations, each on its own interface, two interfaces per
 * device; the rest are pool addresses. Results go to stdout and {@code target/netbox-benchmark.md}.
 */
class NetboxFetchBenchmark {

  @Test
  void fetchLargeSyntheticNetbox() throws Exception {
    Assumptions.assumeTrue(System.getProperty("bench.addresses") != null || System.getProperty("bench.run") != null,
        "benchmark: pass -Dbench.addresses=N (e.g. 200000) to run it");
    int addresses = Integer.getInteger("bench.addresses", 200_000);
    long latency = Long.getLong("bench.latencyMs", 20);
    int pageSize = Integer.getInteger("bench.pageSize", 1000);
    List<Integer> parallelisms = new ArrayList<>();
    for (String p : System.getProperty("bench.parallelism", "1,8").split(",")) {
      parallelisms.add(Integer.parseInt(p.strip()));
    }
    int reserved = addresses / 4;
    int pool = addresses - reserved;
    int prefixes = (addresses + 1021) / 1022;

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "Synthetic NetBox: %d prefixes, %d pool + %d reserved addresses,"
        + " %d interfaces, %d devices; %d ms per request; page size %d; %d cores, Java %s%n%n",
        prefixes, pool, reserved, reserved, (reserved + 1) / 2, latency, pageSize,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    report.append("| parallelism | peak in flight | requests | objects | wall time"
        + " | ideal (requests / parallelism x latency) | ratio |\n");
    report.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    // warm the JVM up (class loading, JIT, OkHttp's TLS set-up) on a small site; not reported
    run(new SyntheticNetbox(10, 7500, 2500, 0, pageSize), 8, pageSize, 7500, 2500);
    for (int parallelism : parallelisms) {
      SyntheticNetbox netbox = new SyntheticNetbox(prefixes, pool, reserved, latency, pageSize);
      long started = System.nanoTime();
      FetchStats stats = run(netbox, parallelism, pageSize, pool, reserved);
      double wallMs = (System.nanoTime() - started) / 1e6;
      long requests = netbox.requests.get();
      double ideal = (double) requests / parallelism * latency;
      report.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.2f s | %.2f s | %.2f |%n", parallelism,
          netbox.peakInFlight.get(), requests, stats.objects(), wallMs / 1000, ideal / 1000, wallMs / ideal));
    }
    System.out.println(report);
    Path out = Path.of("target", "netbox-benchmark.md");
    try {
      Files.writeString(out, report.toString());
    } catch (IOException e) {
      System.err.println("could not write " + out + ": " + e.getMessage());
    }
  }

  private static FetchStats run(SyntheticNetbox netbox, int parallelism, int pageSize, int pool, int reserved)
      throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.setDispatcher(netbox);
      server.start();
      NetboxSource source = NetboxSource.of(NetboxSourceConfig.builder(server.url("/").toString(),
          () -> "0123456789abcdef0123456789abcdef01234567").pageSize(pageSize).parallelism(parallelism)
          .progress(Boolean.getBoolean("bench.debug") ? ProgressSink.stderr(System.err, false, true) : ProgressSink.none())
          .build());
      Snapshot snapshot = source.fetch();
      assertEquals(pool, snapshot.poolAddresses().size());
      assertEquals(reserved, snapshot.reservedAddresses().size());
      assertEquals((reserved + 1) / 2, snapshot.devices().size());
      return source.lastStats();
    }
  }
}
