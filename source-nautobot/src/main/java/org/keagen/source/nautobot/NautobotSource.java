package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.source.SourceAdapter;
import org.keagen.source.SourceException;

/**
 * Reads the DHCP facts from one Nautobot (2.3 or later, 3.x) through its GraphQL API.
 *
 * <p>One fetch: {@code GET api/status/} (version, token check), the fields of Nautobot's prefix
 * and device types (which configured relationship and custom fields exist), then, each paged until a short
 * page, the prefixes tagged as DHCP subnets, the pool addresses, the reserved addresses (with
 * their interfaces and devices, each device with its rendered config context), the site option
 * definitions and the static Kea data (config contexts of the two configured schemas). The
 * responses are mapped by {@link NautobotResponses}. Any failure, including a GraphQL {@code
 * errors} entry in any page, fails the whole fetch: a partial snapshot is never returned.
 */
public final class NautobotSource implements SourceAdapter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final NautobotSourceConfig config;

  private NautobotSource(NautobotSourceConfig config) {
    this.config = config;
  }

  public static NautobotSource of(NautobotSourceConfig config) {
    return new NautobotSource(config);
  }

  @Override
  public Snapshot fetch() throws SourceException {
    BaseUrl base = BaseUrl.parse(config.url());
    ProgressSink progress = config.progress();
    if (config.insecure()) {
      progress.warning("TLS certificate and host name checks are off for " + base.display()
          + " (--insecure)");
    }
    GraphqlClient client = GraphqlClient.create(config, base, token());
    String version = client.status().path("nautobot-version").asText(null);
    NautobotQueries queries = queries(client, base, progress);
    Pager pager = new Pager(client, config.pageSize(), progress);

    ArrayNode prefixes = pager.all(queries.prefixes(), tags(config.subnetTag()), "prefixes", "DHCP prefixes");
    if (prefixes.isEmpty()) {
      progress.warning("Nautobot at " + base.display() + " shows this token no prefix tagged '"
          + config.subnetTag() + "'");
    }
    ArrayNode pool = pager.all(queries.addresses(), tags(config.poolTag()), "ip_addresses", "pool addresses");
    ArrayNode reserved =
        pager.all(queries.addresses(), tags(config.reserveTag()), "ip_addresses", "reserved addresses");
    ArrayNode optionDefs = contexts(pager, queries, config.optionDefSchema(), "option definition contexts");
    ArrayNode staticData = contexts(pager, queries, config.staticDataSchema(), "static data contexts");

    ObjectNode auto = MAPPER.createObjectNode();
    auto.set("prefixes", prefixes);
    auto.set("pool_ips", pool);
    auto.set("reserved_ips", reserved);
    NautobotDocuments documents = NautobotDocuments.of(auto,
        MAPPER.createObjectNode().set("config_manager_devices", MAPPER.createArrayNode()),
        MAPPER.createObjectNode().set("config_contexts", staticData),
        MAPPER.createObjectNode().set("config_contexts", optionDefs));
    return NautobotResponses.toSnapshot(new SourceInfo("nautobot", base.display(), version), documents);
  }

  /**
   * The query documents for the fields this Nautobot has: a configured relationship it lacks is an
   * error (gateways silently derived instead would be wrong), a configured custom field it lacks
   * is read as unset on every object, with a warning.
   */
  private NautobotQueries queries(GraphqlClient client, BaseUrl base, ProgressSink progress)
      throws SourceException {
    JsonNode data = client.query(NautobotQueries.schemaFields(), MAPPER.createObjectNode(), "keagen_schema_fields");
    Set<String> prefixFields = fieldNames(data.path("prefix"));
    Set<String> deviceFields = fieldNames(data.path("device"));
    String relationship = config.gatewayRelationship();
    if (relationship != null && !prefixFields.contains("rel_" + relationship)) {
      throw new SourceException("Nautobot at " + base.display() + " has no relationship '" + relationship
          + "' on prefixes (GraphQL field rel_" + relationship + ")", "create the one-to-one relationship"
          + " from prefix to IP address with key " + relationship + ", or set --gateway-relationship to"
          + " its key (or to none: every gateway is then derived from its prefix)");
    }
    String ztpField = existing(config.ztpField(), deviceFields, base, progress,
        "device custom field", "devices get no ZTP flag", "--ztp-field");
    String subnetIdField = existing(config.subnetIdField(), prefixFields, base, progress,
        "prefix custom field", "subnet ids come from the previous config or are allocated", "--subnet-id-field");
    return NautobotQueries.of(relationship, ztpField, subnetIdField);
  }

  private static String existing(String key, Set<String> fields, BaseUrl base, ProgressSink progress,
      String what, String consequence, String option) {
    if (key == null || fields.contains("cf_" + key)) {
      return key;
    }
    progress.warning("Nautobot at " + base.display() + " has no " + what + " '" + key + "': " + consequence
        + " (set " + option + " to the field's key, or to none to silence this)");
    return null;
  }

  private static Set<String> fieldNames(JsonNode type) {
    Set<String> names = new HashSet<>();
    type.path("fields").forEach(field -> names.add(field.path("name").asText()));
    return names;
  }

  private ArrayNode contexts(Pager pager, NautobotQueries queries, String schema, String stage)
      throws SourceException {
    if (schema == null) {
      return MAPPER.createArrayNode();
    }
    ObjectNode variables = MAPPER.createObjectNode();
    variables.set("schemas", MAPPER.createArrayNode().add(schema));
    return pager.all(queries.configContexts(), variables, "config_contexts", stage);
  }

  private static ObjectNode tags(String tag) {
    ObjectNode variables = MAPPER.createObjectNode();
    variables.set("tags", MAPPER.valueToTree(List.of(tag)));
    return variables;
  }

  /** The token, checked to be one header-safe word; its value never appears in a message. */
  private String token() throws SourceException {
    String token;
    try {
      token = config.token().get();
    } catch (RuntimeException e) {
      throw new SourceException("cannot read the Nautobot API token: " + e.getMessage(),
          "check NAUTOBOT_TOKEN or the file given with --token-file", e);
    }
    String stripped = token == null ? "" : token.strip();
    if (stripped.isEmpty()) {
      throw new SourceException("no Nautobot API token",
          "set NAUTOBOT_TOKEN or give --token-file (a file holding the token)");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new SourceException("the Nautobot API token holds a character that cannot be sent"
            + " (position " + (i + 1) + ")", "check NAUTOBOT_TOKEN or the token file: one word, no spaces");
      }
    }
    return stripped;
  }
}
