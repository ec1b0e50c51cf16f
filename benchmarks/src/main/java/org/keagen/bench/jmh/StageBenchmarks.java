package org.keagen.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keagen.bench.FabricSize;
import org.keagen.bench.Stages;
import org.keagen.bench.SyntheticFabric;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.CanonicalJson;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.resolve.Resolution;
import org.keagen.snapshot.Snapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each core stage alone, warmed up, on a synthetic fabric of size {@code size} (S, M or L) rendered
 * for {@code keaVersion}: steady-state cost per stage, without JVM start-up and JIT warm-up (which
 * the whole-process run of {@code scripts/bench.sh} includes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class StageBenchmarks {
  @Param({"S", "M"})
  public String size;

  @Param({"2.2"})
  public String keaVersion;

  private Path snapshotFile;
  private GenerationOptions options;
  private Snapshot snapshot;
  private Resolution resolution;
  private JsonNode config;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    snapshotFile = Files.createTempFile("keagen-bench-" + size, ".json");
    try (OutputStream out = Files.newOutputStream(snapshotFile)) {
      SyntheticFabric.write(FabricSize.parse(size), SyntheticFabric.DEFAULT_SEED, out);
    }
    options = GenerationOptions.defaults().withKeaVersion(KeaVersion.parse(keaVersion).orElseThrow());
    snapshot = Stages.parse(snapshotFile);
    resolution = Stages.resolve(snapshot, options);
    config = Stages.render(resolution, options);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(snapshotFile);
  }

  @Benchmark
  public Snapshot parse() throws IOException {
    return Stages.parse(snapshotFile);
  }

  @Benchmark
  public Resolution resolve() {
    return Stages.resolve(snapshot, options);
  }

  @Benchmark
  public JsonNode render() {
    return Stages.render(resolution, options);
  }

  @Benchmark
  public List<Diagnostic> validate() {
    return Stages.validate(config, options);
  }

  @Benchmark
  public long write() throws IOException {
    CountingStream out = new CountingStream();
    CanonicalJson.write(config, out);
    return out.count;
  }

  /** Counts the bytes written and drops them. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
