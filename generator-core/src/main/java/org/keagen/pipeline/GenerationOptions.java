package org.keagen.pipeline;

import java.util.Objects;
import org.keagen.kea.KeaVersion;
import org.keagen.render.ServerTemplate;
import org.keagen.resolve.SubnetIdHistory;

/**
 * What a generation run needs besides the snapshot.
 *
 * @param subnetIds the ids of the existing output file, kept for their CIDRs
 * @param serverTemplate the server-level skeleton the generated objects go into
 * @param keaVersion the Kea version whose keys and option table the output must fit
 */
public record GenerationOptions(SubnetIdHistory subnetIds, ServerTemplate serverTemplate, KeaVersion keaVersion) {

  public GenerationOptions {
    Objects.requireNonNull(subnetIds, "subnetIds");
    Objects.requireNonNull(serverTemplate, "serverTemplate");
    Objects.requireNonNull(keaVersion, "keaVersion");
  }

  /** No previous config, the default server template, the newest Kea. */
  public static GenerationOptions defaults() {
    return new GenerationOptions(SubnetIdHistory.none(), ServerTemplate.defaultTemplate(), KeaVersion.newest());
  }

  public GenerationOptions withSubnetIds(SubnetIdHistory history) {
    return new GenerationOptions(history, serverTemplate, keaVersion);
  }

  public GenerationOptions withServerTemplate(ServerTemplate template) {
    return new GenerationOptions(subnetIds, template, keaVersion);
  }

  public GenerationOptions withKeaVersion(KeaVersion version) {
    return new GenerationOptions(subnetIds, serverTemplate, version);
  }
}
