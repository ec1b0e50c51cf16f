package org.keagen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.CanonicalJson;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.render.KeaRenderer;
import org.keagen.render.RenderResult;
import org.keagen.resolve.Resolution;
import org.keagen.resolve.Resolver;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.validate.KeaConfigValidator;

/**
 * The generation pipeline cut into the stages the benchmarks time: parse snapshot, resolve,
 * render, validate, write. Each stage makes the same calls, with the same options, as {@link
 * org.keagen.pipeline.Generator#run}, so the bytes written are the bytes {@code Generator.run}
 * returns (a test holds the two together).
 */
public final class Stages {
  private Stages() {}

  /** Stage 1: reads and checks a snapshot file. */
  public static Snapshot parse(Path file) throws IOException {
    SnapshotJson.ReadResult read = SnapshotJson.read(file, file.toString());
    return requireOk(read.ok() ? read.snapshot() : null, read.diagnostics(), "parse");
  }

  /** Stage 2: facts to plan. */
  public static Resolution resolve(Snapshot snapshot, GenerationOptions options) {
    Resolution resolution = Resolver.resolve(snapshot, options.subnetIds());
    requireOk(resolution.plan(), resolution.diagnostics(), "resolve");
    return resolution;
  }

  /** Stage 3: plan to the Kea tree for the options' version. */
  public static JsonNode render(Resolution resolution, GenerationOptions options) {
    RenderResult rendered = KeaRenderer.render(resolution.plan(), options.serverTemplate(), options.keaVersion());
    return requireOk(rendered.config(), rendered.diagnostics(), "render");
  }

  /** Stage 4: schema and semantic rules; returns the warnings (errors fail the run). */
  public static List<Diagnostic> validate(JsonNode config, GenerationOptions options) {
    List<Diagnostic> findings = KeaConfigValidator.validate(config, options.keaVersion());
    requireOk(config, findings, "validate");
    return findings;
  }

  /** Stage 5: the canonical text, streamed to {@code file}; returns its size in bytes. */
  public static long write(JsonNode config, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      CanonicalJson.write(config, out);
    }
    return Files.size(file);
  }

  /** Everything the run reported, for counting warnings. */
  public static List<Diagnostic> warnings(Resolution resolution, List<Diagnostic> validation) {
    List<Diagnostic> all = new ArrayList<>(resolution.diagnostics());
    all.addAll(validation);
    return all;
  }

  private static <T> T requireOk(T value, List<Diagnostic> diagnostics, String stage) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (value == null || !errors.isEmpty()) {
      throw new IllegalStateException(stage + " failed with " + errors.size() + " error(s), first: "
          + (errors.isEmpty() ? "none" : errors.get(0)));
    }
    return value;
  }
}
