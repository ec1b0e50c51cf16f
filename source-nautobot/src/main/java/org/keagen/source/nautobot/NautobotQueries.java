package org.keagen.source.nautobot;

/**
 * The query documents of one configuration: the resource documents with their configurable
 * fields pointed at the configured relationship and custom fields, or dropped when unset.
 *
 * @param prefixes one page of DHCP prefixes ({@code prefixes})
 * @param addresses one page of tagged IP addresses ({@code ip_addresses})
 * @param configContexts one page of config contexts of given schemas ({@code config_contexts})
 */
public record NautobotQueries(QueryDocument prefixes, QueryDocument addresses, QueryDocument configContexts) {

  /** The fields of Nautobot's prefix and device types ({@code prefix.fields}, {@code device.fields}). */
  public static QueryDocument schemaFields() {
    return QueryDocument.load("schema_fields");
  }

  /** The documents for {@code config}. */
  public static NautobotQueries of(NautobotSourceConfig config) {
    return of(config.gatewayRelationship(), config.ztpField(), config.subnetIdField());
  }

  /**
   * The documents reading the relationship {@code gatewayRelationship} and the custom fields
   * {@code ztpField} and {@code subnetIdField} (each {@code null} for none).
   */
  public static NautobotQueries of(String gatewayRelationship, String ztpField, String subnetIdField) {
    QueryDocument prefixes = QueryDocument.load("prefixes")
        .withField("gateway", "rel_prefix_to_gateway", prefixed("rel_", gatewayRelationship))
        .withField("subnet_id", "cf_kea_subnet_id", prefixed("cf_", subnetIdField));
    QueryDocument addresses = QueryDocument.load("ip_addresses")
        .withField("ztp_enabled", "cf_ztp_enabled", prefixed("cf_", ztpField));
    return new NautobotQueries(prefixes, addresses, QueryDocument.load("config_contexts"));
  }

  private static String prefixed(String prefix, String key) {
    return key == null ? null : prefix + key;
  }
}
