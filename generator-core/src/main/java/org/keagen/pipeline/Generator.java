package org.keagen.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.CanonicalJson;
import org.keagen.render.KeaRenderer;
import org.keagen.render.RenderResult;
import org.keagen.resolve.Resolution;
import org.keagen.resolve.Resolver;
import org.keagen.snapshot.Snapshot;

/** Runs resolve and render on a snapshot; pure, so the same input always gives the same bytes. */
public final class Generator {

  private Generator() {}

  public static Generation run(Snapshot snapshot, GenerationOptions options) {
    Resolution resolution = Resolver.resolve(snapshot, options.subnetIds());
    List<Diagnostic> diagnostics = new ArrayList<>(resolution.diagnostics());
    if (!resolution.ok()) {
      return new Generation(null, null, diagnostics);
    }
    RenderResult rendered = KeaRenderer.render(resolution.plan(), options.serverTemplate());
    diagnostics.addAll(rendered.diagnostics());
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Generation(null, resolution.plan(), diagnostics);
    }
    ObjectNode config = rendered.config();
    return new Generation(CanonicalJson.write(config), resolution.plan(), diagnostics);
  }
}
