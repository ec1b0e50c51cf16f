package org.keagen.render;

import org.keagen.plan.DhcpPlan;

/** Renders a plan into Kea's Dhcp4 tree inside the server skeleton. */
public final class KeaRenderer {
  private KeaRenderer() {}

  public static RenderResult render(DhcpPlan plan, ServerTemplate template) {
    throw new UnsupportedOperationException("in progress");
  }
}
