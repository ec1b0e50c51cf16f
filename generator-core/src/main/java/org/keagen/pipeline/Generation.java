package org.keagen.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.plan.DhcpPlan;

/**
 * The outcome of one run.
 *
 * @param configUtf8 the canonical {@code kea-dhcp4.conf} as UTF-8 bytes, or {@code null} when any error
 *     was found; not copied (at scale it is tens of megabytes), so callers must not modify it
 * @param plan the resolved plan, or {@code null} when resolution failed
 * @param diagnostics every finding, errors and warnings, in the order found
 */
public record Generation(byte[] configUtf8, DhcpPlan plan, List<Diagnostic> diagnostics) {

  public Generation {
    diagnostics = List.copyOf(diagnostics);
    if (configUtf8 != null && diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a run with errors has no config");
    }
  }

  /** True when a config was produced (there may still be warnings). */
  public boolean ok() {
    return configUtf8 != null;
  }

  /** The config as text, decoded anew on each call, or {@code null} when any error was found. */
  public String configText() {
    return configUtf8 == null ? null : new String(configUtf8, StandardCharsets.UTF_8);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
