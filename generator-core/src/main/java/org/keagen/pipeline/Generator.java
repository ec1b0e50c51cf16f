package org.keagen.pipeline;

import java.util.ArrayList;
import java.util.List;
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
    if (rendered.config() != null) {
      diagnostics.addAll(KeaConfigValidator.validate(rendered.config(), options.keaVersion()));
    }
    if (rendered.config() == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Generation(null, resolution.plan(), diagnostics);
    }
    return new Generation(CanonicalJson.write(rendered.config()), resolution.plan(), diagnostics);
  }
}
