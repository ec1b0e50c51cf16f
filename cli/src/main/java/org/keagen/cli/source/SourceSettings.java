package org.keagen.cli.source;

import java.nio.file.Path;
import java.util.Objects;
import org.keagen.snapshot.SnapshotFilter;

/**
 * Every source setting of one run, from the command line over the config file, checked for form
 * (the factory decides whether the kind is available). For the names of tags and custom fields
 * {@code null} means the adapter's default and the empty string means "none".
 *
 * @param kind which source
 * @param snapshotFile the snapshot file ({@code --source snapshot}), else {@code null}
 * @param url the NetBox or Nautobot base URL (http or https, no credentials), else {@code null}
 * @param token the API token (NetBox, Nautobot), else {@code null}
 * @param tags the tag names of DHCP prefixes, pool addresses and reserved addresses
 * @param fields the custom field names keagen reads
 * @param gatewayRelationship Nautobot: the key of the prefix-to-gateway relationship, or {@code null}
 * @param pageSize objects per request, or {@code null} for the adapter's default
 * @param parallelism requests in flight at once, or {@code null} for the adapter's default
 * @param insecure skip TLS certificate verification (a warning is printed)
 * @param filter the locations, VRFs and tenants to keep; adapters may use it to ask for less, the
 *     CLI applies it to whatever they return
 */
public record SourceSettings(
    SourceKind kind,
    Path snapshotFile,
    String url,
    ApiToken token,
    Tags tags,
    CustomFields fields,
    String gatewayRelationship,
    Integer pageSize,
    Integer parallelism,
    boolean insecure,
    SnapshotFilter filter) {

  public SourceSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(filter, "filter");
    if (kind == SourceKind.snapshot) {
      Objects.requireNonNull(snapshotFile, "snapshotFile");
    } else {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(token, "token");
    }
  }

  /** Settings for reading a snapshot file. */
  public static SourceSettings snapshot(Path file, SnapshotFilter filter) {
    return new SourceSettings(SourceKind.snapshot, file, null, null, Tags.defaults(), CustomFields.defaults(),
        null, null, null, false, filter);
  }

  /** What the run reads, for messages: {@code netbox https://netbox.example.net} or the file. */
  public String describe() {
    return kind == SourceKind.snapshot ? "snapshot " + snapshotFile : kind + " " + url;
  }

  /**
   * The tags that mark DHCP objects; {@code null} for the adapter's default.
   *
   * @param subnet prefixes that are DHCP subnets ({@code dhcp-subnet})
   * @param pool addresses that are pool members ({@code dhcp-pool})
   * @param reserve addresses that get reservations ({@code dhcp-reserve})
   */
  public record Tags(String subnet, String pool, String reserve) {
    public static Tags defaults() {
      return new Tags(null, null, null);
    }
  }

  /**
   * Custom field names; {@code null} for the adapter's default, empty for "none".
   *
   * @param gateway the prefix field holding the gateway
   * @param subnetId the prefix field holding an explicit Kea subnet id
   * @param ztpEnabled the device field holding the ZTP flag
   * @param interfaceRole the interface field holding the interface role (NetBox)
   */
  public record CustomFields(String gateway, String subnetId, String ztpEnabled, String interfaceRole) {
    public static CustomFields defaults() {
      return new CustomFields(null, null, null, null);
    }
  }
}
