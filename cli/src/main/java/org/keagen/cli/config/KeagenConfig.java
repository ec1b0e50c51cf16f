package org.keagen.cli.config;

import java.nio.file.Path;
import java.util.List;
import org.keagen.cli.source.SourceKind;
import org.keagen.cli.source.SourceSettings;
import org.keagen.kea.KeaVersion;

/**
 * What a config file sets; {@code null} (or a {@code null} part of a nested record) means "not set
 * here", so the command line or the built-in default applies. Paths are already resolved against
 * the file's directory.
 *
 * @param file the file read, or {@code null} for the empty config
 * @param source {@code source}: netbox, nautobot or snapshot
 * @param snapshot {@code snapshot}: the snapshot file of {@code source: snapshot}
 * @param url {@code url}: the NetBox or Nautobot base URL
 * @param tokenFile {@code token-file}: the file holding the API token
 * @param tags {@code tags}: {@code subnet}, {@code pool}, {@code reserve}
 * @param customFields {@code custom-fields}: {@code gateway}, {@code subnet-id}, {@code ztp-enabled},
 *     {@code interface-role}
 * @param gatewayRelationship {@code gateway-relationship}: Nautobot's prefix-to-gateway relationship key
 * @param pageSize {@code page-size}
 * @param parallelism {@code parallelism}
 * @param insecure {@code insecure}
 * @param filter {@code filter}: {@code location}, {@code vrf}, {@code tenant}
 * @param keaVersion {@code kea-version}
 * @param output {@code output}: the kea-dhcp4.conf to write
 * @param template {@code template}: the server skeleton template
 * @param maxRemovalPercent {@code max-removal-percent}
 * @param backup {@code backup}: keep the previous output as FILE.bak
 */
public record KeagenConfig(
    Path file,
    SourceKind source,
    Path snapshot,
    String url,
    Path tokenFile,
    SourceSettings.Tags tags,
    SourceSettings.CustomFields customFields,
    String gatewayRelationship,
    Integer pageSize,
    Integer parallelism,
    Boolean insecure,
    Filter filter,
    KeaVersion keaVersion,
    Path output,
    Path template,
    Integer maxRemovalPercent,
    Boolean backup) {

  public KeagenConfig {
    tags = tags == null ? SourceSettings.Tags.defaults() : tags;
    customFields = customFields == null ? SourceSettings.CustomFields.defaults() : customFields;
    filter = filter == null ? Filter.none() : filter;
  }

  /** No config file: nothing set. */
  public static KeagenConfig empty() {
    return new KeagenConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /**
   * The {@code filter} section; each list is {@code null} when not set.
   *
   * @param location location (site) names
   * @param vrf VRF names
   * @param tenant tenant names
   */
  public record Filter(List<String> location, List<String> vrf, List<String> tenant) {
    public Filter {
      location = location == null ? null : List.copyOf(location);
      vrf = vrf == null ? null : List.copyOf(vrf);
      tenant = tenant == null ? null : List.copyOf(tenant);
    }

    public static Filter none() {
      return new Filter(null, null, null);
    }
  }
}
