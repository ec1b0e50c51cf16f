package org.keagen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;

/**
 * The rendered Kea config tree, or the reasons there is none.
 *
 * @param config the {@code {"Dhcp4": ...}} tree, or {@code null} on error
 * @param diagnostics findings from rendering
 */
public record RenderResult(ObjectNode config, List<Diagnostic> diagnostics) {
  public RenderResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
