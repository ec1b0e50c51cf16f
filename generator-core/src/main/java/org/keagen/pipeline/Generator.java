package org.keagen.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.keagen.concurrent.Background;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.CanonicalJson;
import org.keagen.render.KeaRenderer;
import org.keagen.render.RenderResult;
import org.keagen.resolve.Resolution;
import org.keagen.resolve.Resolver;
import org.keagen.snapshot.Snapshot;
import org.keagen.validate.KeaConfigValidator;

/**
 * Runs resolve, render and validate on a snapshot. Pure, so the same input always gives the same
 * bytes; any error leaves no config.
 */
public final class Generator {

  private Generator() {}

  /**
   * Generates the config. The snapshot is not held past the resolve stage: a caller that passes its
   * only reference lets it be collected while the rest runs (at scale it is the largest object).
   */
  public static Generation run(Snapshot snapshot, GenerationOptions options) {
    Resolution resolution = Resolver.resolve(snapshot, options.subnetIds());
    snapshot = null; // see above
    List<Diagnostic> diagnostics = new ArrayList<>(resolution.diagnostics());
    if (!resolution.ok()) {
      return new Generation(null, null, diagnostics);
    }
    RenderResult rendered = KeaRenderer.render(resolution.plan(), options.serverTemplate(), options.keaVersion());
    diagnostics.addAll(rendered.diagnostics());
    JsonNode config = rendered.config();
    if (config == null) {
      return new Generation(null, resolution.plan(), diagnostics);
    }
    // validation only reads the tree, so its text is written meanwhile, and dropped if it is invalid
    Background<byte[]> text = Background.start("write", () -> CanonicalJson.writeUtf8(config));
    diagnostics.addAll(KeaConfigValidator.validate(config, options.keaVersion()));
    byte[] written = text.join();
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Generation(null, resolution.plan(), diagnostics);
    }
    return new Generation(written, resolution.plan(), diagnostics);
  }
}
