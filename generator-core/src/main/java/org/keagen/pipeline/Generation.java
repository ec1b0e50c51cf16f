package org.keagen.pipeline;

import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.plan.DhcpPlan;

/**
 * The outcome of one run.
 *
 * @param configText the canonical {@code kea-dhcp4.conf} text, or {@code null} when any error was found
 * @param plan the resolved plan, or {@code null} when resolution failed
 * @param diagnostics every finding, errors and warnings, in the order found
 */
public record Generation(String configText, DhcpPlan plan, List<Diagnostic> diagnostics) {

  public Generation {
    diagnostics = List.copyOf(diagnostics);
    if (configText != null && diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a run with errors has no config");
    }
  }

  /** True when a config was produced (there may still be warnings). */
  public boolean ok() {
    return configText != null;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
