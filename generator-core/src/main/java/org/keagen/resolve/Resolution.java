package org.keagen.resolve;

import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.plan.DhcpPlan;

/**
 * What the resolve stage produced.
 *
 * @param plan the plan, or {@code null} when any error was found
 * @param diagnostics every finding in the order found
 */
public record Resolution(DhcpPlan plan, List<Diagnostic> diagnostics) {

  public Resolution {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return plan != null;
  }
}
