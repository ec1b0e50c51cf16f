package org.keagen.pipeline;

import java.util.Objects;
import org.keagen.render.ServerTemplate;
import org.keagen.resolve.SubnetIdHistory;

/**
 * What a generation run needs besides the snapshot.
 *
 * @param subnetIds the ids of the existing output file, kept for their CIDRs
 * @param serverTemplate the server-level skeleton the generated objects go into
 */
public record GenerationOptions(SubnetIdHistory subnetIds, ServerTemplate serverTemplate) {

  public GenerationOptions {
    Objects.requireNonNull(subnetIds, "subnetIds");
    Objects.requireNonNull(serverTemplate, "serverTemplate");
  }

  /** No previous config, the default server template. */
  public static GenerationOptions defaults() {
    return new GenerationOptions(SubnetIdHistory.none(), ServerTemplate.defaultTemplate());
  }

  public GenerationOptions withSubnetIds(SubnetIdHistory history) {
    return new GenerationOptions(history, serverTemplate);
  }
}
