package org.keagen.source.nautobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything {@link NautobotSource} needs to read one Nautobot (2.3 or later, 3.x). Built with
 * {@link #builder(String, Supplier)}; every setting but the URL and the token has a default, the
 * data model of the reference (nv-config-manager).
 *
 * @param url the Nautobot base URL, e.g. {@code https://nautobot.example.net} (a trailing {@code
 *     /api} or {@code /api/graphql} is tolerated); never carries credentials into output
 * @param token supplies the API token when the fetch starts; its value is never printed
 * @param subnetTag the tag name of prefixes that are DHCP subnets
 * @param poolTag the tag name of IP addresses that are dynamic pool members
 * @param reserveTag the tag name of IP addresses that get host reservations
 * @param gatewayRelationship the key of the prefix-to-IP-address relationship giving a prefix's
 *     gateway (GraphQL field {@code rel_<key>}), or {@code null} to read no gateways
 * @param ztpField the key of the device custom field holding the ZTP flag (GraphQL {@code
 *     cf_<key>}), or {@code null}: devices then have no ZTP flag. A custom field Nautobot does not
 *     have reads as unset on every object, with a warning; a missing relationship is an error
 * @param subnetIdField the key of the prefix custom field holding an explicit Kea subnet id
 *     (GraphQL {@code cf_<key>}), or {@code null}: ids then come from the previous config or are
 *     allocated
 * @param optionDefSchema the name of the config context schema of the site option definitions
 *     ({@code Dhcp4.option-def}), or {@code null} to read none
 * @param staticDataSchema the name of the config context schema of static Kea reservations and
 *     subnets ({@code Dhcp4.reservations}, {@code Dhcp4.subnet4}), or {@code null} to read none
 * @param pageSize how many objects one GraphQL page asks for ({@code limit})
 * @param connectTimeout TCP and TLS connect timeout per request
 * @param readTimeout timeout between bytes of a response (a page of devices' config contexts needs
 *     time)
 * @param retries how many times a request is retried after 429, 502, 503, 504 or a connection error
 * @param retryBackoff the first retry's delay; later ones double, up to {@link #MAX_BACKOFF}
 * @param insecure skip TLS certificate and host name verification (a warning is emitted)
 * @param progress where progress and warnings go
 */
public record NautobotSourceConfig(
    String url,
    Supplier<String> token,
    String subnetTag,
    String poolTag,
    String reserveTag,
    String gatewayRelationship,
    String ztpField,
    String subnetIdField,
    String optionDefSchema,
    String staticDataSchema,
    int pageSize,
    Duration connectTimeout,
    Duration readTimeout,
    int retries,
    Duration retryBackoff,
    boolean insecure,
    ProgressSink progress) {

  public static final String DEFAULT_SUBNET_TAG = "dhcp-subnet";
  public static final String DEFAULT_POOL_TAG = "dhcp-pool";
  public static final String DEFAULT_RESERVE_TAG = "dhcp-reserve";
  public static final String DEFAULT_GATEWAY_RELATIONSHIP = "prefix_to_gateway";
  public static final String DEFAULT_ZTP_FIELD = "ztp_enabled";
  public static final String DEFAULT_SUBNET_ID_FIELD = "kea_subnet_id";
  public static final String DEFAULT_OPTION_DEF_SCHEMA = "nv-config-manager-site-dhcp-option-def";
  public static final String DEFAULT_STATIC_DATA_SCHEMA = "nv-config-manager-kea-static-data";
  public static final int DEFAULT_PAGE_SIZE = 250;
  public static final int DEFAULT_RETRIES = 4;
  /** The longest wait between two attempts, also for a server's {@code Retry-After}. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A GraphQL field name part: relationship and custom field keys are Python identifiers. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public NautobotSourceConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    requireTag(subnetTag, "subnetTag");
    requireTag(poolTag, "poolTag");
    requireTag(reserveTag, "reserveTag");
    gatewayRelationship = key(gatewayRelationship, "gatewayRelationship");
    ztpField = key(ztpField, "ztpField");
    subnetIdField = key(subnetIdField, "subnetIdField");
    optionDefSchema = blankToNull(optionDefSchema);
    staticDataSchema = blankToNull(staticDataSchema);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(progress, "progress");
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be 1 to 10000, was " + pageSize);
    }
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("retries must be 0 to 20, was " + retries);
    }
  }

  /**
   * A token supplier reading {@code file} (its content, stripped) when the fetch starts; a file
   * that cannot be read fails the fetch with a message naming the file, never its content.
   */
  public static Supplier<String> tokenFile(Path file) {
    return () -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        throw new UncheckedIOException("cannot read token file " + file + " ("
            + e.getClass().getSimpleName() + ")", e instanceof IOException io ? io : new IOException(e));
      }
    };
  }

  /** A builder with every default set; only the URL and the token are required. */
  public static Builder builder(String url, Supplier<String> token) {
    return new Builder(url, token);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "NautobotSourceConfig[url=" + url + ", tags=" + subnetTag + "/" + poolTag + "/" + reserveTag
        + ", gatewayRelationship=" + gatewayRelationship + ", ztpField=" + ztpField
        + ", subnetIdField=" + subnetIdField + ", pageSize=" + pageSize + ", insecure=" + insecure + "]";
  }

  private static void requireTag(String tag, String what) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException(what + " must be a tag name, was " + tag);
    }
  }

  private static String key(String value, String what) {
    String key = blankToNull(value);
    if (key != null && !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(what + " must be a key of letters, digits and '_', was " + value);
    }
    return key;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Mutable builder for {@link NautobotSourceConfig}. */
  public static final class Builder {
    private String url;
    private Supplier<String> token;
    private String subnetTag = DEFAULT_SUBNET_TAG;
    private String poolTag = DEFAULT_POOL_TAG;
    private String reserveTag = DEFAULT_RESERVE_TAG;
    private String gatewayRelationship = DEFAULT_GATEWAY_RELATIONSHIP;
    private String ztpField = DEFAULT_ZTP_FIELD;
    private String subnetIdField = DEFAULT_SUBNET_ID_FIELD;
    private String optionDefSchema = DEFAULT_OPTION_DEF_SCHEMA;
    private String staticDataSchema = DEFAULT_STATIC_DATA_SCHEMA;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private int retries = DEFAULT_RETRIES;
    private Duration retryBackoff = Duration.ofMillis(500);
    private boolean insecure;
    private ProgressSink progress = ProgressSink.none();

    private Builder(String url, Supplier<String> token) {
      this.url = url;
      this.token = token;
    }

    private Builder(NautobotSourceConfig c) {
      url = c.url;
      token = c.token;
      subnetTag = c.subnetTag;
      poolTag = c.poolTag;
      reserveTag = c.reserveTag;
      gatewayRelationship = c.gatewayRelationship;
      ztpField = c.ztpField;
      subnetIdField = c.subnetIdField;
      optionDefSchema = c.optionDefSchema;
      staticDataSchema = c.staticDataSchema;
      pageSize = c.pageSize;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      retries = c.retries;
      retryBackoff = c.retryBackoff;
      insecure = c.insecure;
      progress = c.progress;
    }

    public Builder url(String value) {
      url = value;
      return this;
    }

    public Builder token(Supplier<String> value) {
      token = value;
      return this;
    }

    public Builder subnetTag(String value) {
      subnetTag = value;
      return this;
    }

    public Builder poolTag(String value) {
      poolTag = value;
      return this;
    }

    public Builder reserveTag(String value) {
      reserveTag = value;
      return this;
    }

    public Builder gatewayRelationship(String value) {
      gatewayRelationship = value;
      return this;
    }

    public Builder ztpField(String value) {
      ztpField = value;
      return this;
    }

    public Builder subnetIdField(String value) {
      subnetIdField = value;
      return this;
    }

    public Builder optionDefSchema(String value) {
      optionDefSchema = value;
      return this;
    }

    public Builder staticDataSchema(String value) {
      staticDataSchema = value;
      return this;
    }

    public Builder pageSize(int value) {
      pageSize = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder readTimeout(Duration value) {
      readTimeout = value;
      return this;
    }

    public Builder retries(int value) {
      retries = value;
      return this;
    }

    public Builder retryBackoff(Duration value) {
      retryBackoff = value;
      return this;
    }

    public Builder insecure(boolean value) {
      insecure = value;
      return this;
    }

    public Builder progress(ProgressSink value) {
      progress = value;
      return this;
    }

    public NautobotSourceConfig build() {
      return new NautobotSourceConfig(url, token, subnetTag, poolTag, reserveTag, gatewayRelationship,
          ztpField, subnetIdField, optionDefSchema, staticDataSchema, pageSize, connectTimeout,
          readTimeout, retries, retryBackoff, insecure, progress);
    }
  }
}
