package org.keagen.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.CanonicalJson;
import org.keagen.kea.KeaVersion;
import org.keagen.plan.DhcpPlan;
import org.keagen.render.KeaRenderer;
import org.keagen.render.RenderResult;
import org.keagen.resolve.Resolution;
import org.keagen.resolve.Resolver;
import org.keagen.snapshot.Snapshot;
import org.keagen.validate.ConfigValidation;

/**
 * Runs resolve, render and validate on a snapshot. Pure, so the same input always gives the same
 * bytes; any error leaves no config.
 */
public final class Generator {

  private Generator() {}

  /**
   * Generates the config. The snapshot is not held past the resolve stage: a caller that passes its
   * only reference lets it be collected while the rest runs (at scale it is the largest object).
   * Subnets and global reservations are rendered, validated and written one at a time, so the
   * config never exists as one tree (at scale it would be the largest of all).
   */
  public static Generation run(Snapshot snapshot, GenerationOptions options) {
    Resolution resolution = Resolver.resolve(snapshot, options.subnetIds());
    snapshot = null; // see above
    List<Diagnostic> diagnostics = new ArrayList<>(resolution.diagnostics());
    if (!resolution.ok()) {
      return new Generation(null, null, diagnostics);
    }
    DhcpPlan plan = resolution.plan();
    KeaVersion version = options.keaVersion();
    RenderResult skeleton = KeaRenderer.skeleton(plan, options.serverTemplate(), version);
    diagnostics.addAll(skeleton.diagnostics());
    if (skeleton.config() == null) {
      return new Generation(null, plan, diagnostics);
    }
    ObjectNode dhcp4 = (ObjectNode) skeleton.config().get("Dhcp4");
    ArrayNode reservations = (ArrayNode) dhcp4.get("reservations");
    ArrayNode subnets = (ArrayNode) dhcp4.get("subnet4");
    List<Diagnostic> renderFindings = new ArrayList<>();
    ConfigValidation validation = ConfigValidation.start(skeleton.config(), version);
    byte[] text;
    List<Diagnostic> validated;
    try {
      // each entry is rendered as the text reaches it (a stream's iterator is lazy)
      text = CanonicalJson.writeUtf8(skeleton.config(), array -> array == reservations
          ? plan.globalReservations().stream().map(r -> {
              ObjectNode node = KeaRenderer.reservation(r);
              validation.reservation(node);
              return node;
            }).iterator()
          : array == subnets
              ? plan.subnets().stream().map(s -> {
                  ObjectNode node = KeaRenderer.subnet(s, version, renderFindings::add);
                  validation.subnet(node);
                  return node;
                }).iterator()
              : null);
    } finally {
      validated = validation.finish();
    }
    // what the target version cannot express makes the rules' findings moot, as when rendering failed
    diagnostics.addAll(renderFindings.isEmpty() ? validated : renderFindings);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new Generation(null, plan, diagnostics);
    }
    return new Generation(text, plan, diagnostics);
  }
}
