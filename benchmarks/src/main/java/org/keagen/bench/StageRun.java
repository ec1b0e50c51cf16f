package org.keagen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.resolve.Resolution;
import org.keagen.snapshot.Snapshot;

/**
 * One whole keagen run in this process, timed stage by stage: {@code StageRun <snapshot.json>
 * <out.conf> [kea-version]}. Prints one tab-separated line per stage: the stage, its wall
 * milliseconds, the CPU milliseconds the whole process spent meanwhile (all threads: JIT and GC
 * included, so it is robust against a busy machine where wall time is not), and the peak RSS in
 * KiB after it; then a {@code total} line from JVM start. Between CPU and RSS: the milliseconds
 * the collectors and the JIT compilers report for the stage, which is where a short run's CPU
 * goes besides the stage's own work. The caller also times the process as a
 * whole from outside.
 */
public final class StageRun {
  private StageRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: StageRun <snapshot.json> <out.conf> [kea-version, default 3.0]");
      System.exit(64);
    }
    Path snapshotFile = Path.of(args[0]);
    Path out = Path.of(args[1]);
    KeaVersion version = args.length > 2 ? KeaVersion.parse(args[2]).orElseThrow(() -> new IllegalArgumentException("unknown Kea version " + args[2])) : KeaVersion.newest();
    GenerationOptions options = GenerationOptions.defaults().withKeaVersion(version);
    long jvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
    report("jvm-start", jvmStartMs);

    long t = System.nanoTime();
    Snapshot snapshot = Stages.parse(snapshotFile);
    t = lap("parse", t);
    Resolution resolution = Stages.resolve(snapshot, options);
    snapshot = null; // the plan holds what later stages need
    t = lap("resolve", t);
    JsonNode config = Stages.render(resolution, options);
    t = lap("render", t);
    List<Diagnostic> findings = Stages.validate(config, options);
    t = lap("validate", t);
    long bytes = Stages.write(config, out);
    lap("write", t);
    report("total", ManagementFactory.getRuntimeMXBean().getUptime());
    System.out.printf(Locale.ROOT, "# subnets=%d reservations=%d pools=%d warnings=%d bytes=%d xmx_mib=%d%n",
        resolution.plan().subnets().size(), resolution.plan().reservationCount(), resolution.plan().poolCount(),
        Stages.warnings(resolution, findings).stream().filter(d -> !d.isError()).count(), bytes,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long lastCpuNanos;
  private static long lastGcMillis;
  private static long lastJitMillis;

  private static long lap(String stage, long startNanos) {
    long now = System.nanoTime();
    report(stage, (now - startNanos) / 1_000_000);
    return now;
  }

  private static void report(String stage, long millis) {
    long cpu = cpuNanos();
    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    boolean cumulative = stage.equals("total") || stage.equals("jvm-start");
    System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%d%n", stage, millis,
        (cumulative ? cpu : cpu - lastCpuNanos) / 1_000_000, cumulative ? gc : gc - lastGcMillis,
        cumulative ? jit : jit - lastJitMillis, PeakMemory.now().peakKib());
    lastCpuNanos = cpu;
    lastGcMillis = gc;
    lastJitMillis = jit;
    System.out.flush();
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
