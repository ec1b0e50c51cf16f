package org.keagen.source.netbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything {@link NetboxSource} needs to read one NetBox. Built with {@link #builder(String,
 * Supplier)}; every setting but the URL and the token has a default.
 *
 * @param url the NetBox base URL, e.g. {@code https://netbox.example.net} (a trailing {@code /api}
 *     is tolerated); never carries credentials into output
 * @param token supplies the API token when the fetch starts (v1 plain or v2 {@code nbt_KEY.SECRET})
 * @param subnetTag the tag slug of prefixes that are DHCP subnets
 * @param poolTag the tag slug of IP addresses that are dynamic pool members
 * @param reserveTag the tag slug of IP addresses that get host reservations
 * @param ztpField the device custom field holding the ZTP flag
 * @param gatewayField the prefix custom field holding the gateway (IP address object or text)
 * @param subnetIdField the prefix custom field holding an explicit Kea subnet id (integer)
 * @param interfaceRoleField the interface custom field holding the interface role; absent means no role
 * @param pageSize the page size asked for (the server may cap it; its cap is then used)
 * @param parallelism how many requests are in flight at once
 * @param connectTimeout TCP and TLS connect timeout per request
 * @param readTimeout timeout between bytes of a response (a slow config-context page needs time)
 * @param retries how many times a request is retried after 429, 5xx or a connection error
 * @param retryBackoff the first retry's delay; later ones double, up to {@link #MAX_BACKOFF}
 * @param insecure skip TLS certificate and host name verification (a warning is emitted)
 * @param progress where progress, warnings and debug lines go
 */
public record NetboxSourceConfig(
    String url,
    Supplier<String> token,
    String subnetTag,
    String poolTag,
    String reserveTag,
    String ztpField,
    String gatewayField,
    String subnetIdField,
    String interfaceRoleField,
    int pageSize,
    int parallelism,
    Duration connectTimeout,
    Duration readTimeout,
    int retries,
    Duration retryBackoff,
    boolean insecure,
    ProgressSink progress) {

  public static final String DEFAULT_SUBNET_TAG = "dhcp-subnet";
  public static final String DEFAULT_POOL_TAG = "dhcp-pool";
  public static final String DEFAULT_RESERVE_TAG = "dhcp-reserve";
  public static final String DEFAULT_ZTP_FIELD = "ztp_enabled";
  public static final String DEFAULT_GATEWAY_FIELD = "dhcp_gateway";
  public static final String DEFAULT_SUBNET_ID_FIELD = "kea_subnet_id";
  public static final String DEFAULT_INTERFACE_ROLE_FIELD = "dhcp_role";
  /** NetBox's own default {@code MAX_PAGE_SIZE}. */
  public static final int DEFAULT_PAGE_SIZE = 1000;
  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_RETRIES = 4;
  /** The longest wait between two attempts, also for a server's {@code Retry-After}. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public NetboxSourceConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    requireSlug(subnetTag, "subnetTag");
    requireSlug(poolTag, "poolTag");
    requireSlug(reserveTag, "reserveTag");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(progress, "progress");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, was " + parallelism);
    }
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("retries must be 0 to 20, was " + retries);
    }
    ztpField = blankToNull(ztpField);
    gatewayField = blankToNull(gatewayField);
    subnetIdField = blankToNull(subnetIdField);
    interfaceRoleField = blankToNull(interfaceRoleField);
  }

  /** A builder with every default set; only the URL and the token are required. */
  public static Builder builder(String url, Supplier<String> token) {
    return new Builder(url, token);
  }

  /**
   * A token supplier reading {@code file} when the fetch starts (for {@code --token-file}); a file
   * that cannot be read makes the fetch fail with a {@link org.keagen.source.SourceException} naming
   * the file.
   */
  public static Supplier<String> tokenFile(Path file) {
    Objects.requireNonNull(file, "file");
    return () -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token file " + file + " ("
            + e.getClass().getSimpleName() + ")", e);
      }
    };
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    // the record's default toString would be harmless (a Supplier prints no secret), but be explicit
    return "NetboxSourceConfig[url=" + url + ", tags=" + subnetTag + "/" + poolTag + "/" + reserveTag
        + ", pageSize=" + pageSize + ", parallelism=" + parallelism + ", insecure=" + insecure + "]";
  }

  private static void requireSlug(String slug, String what) {
    if (slug == null || !slug.matches("[-a-zA-Z0-9_]+")) {
      throw new IllegalArgumentException(what + " must be a tag slug (letters, digits, '-', '_'), was " + slug);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Mutable builder for {@link NetboxSourceConfig}. */
  public static final class Builder {
    private String url;
    private Supplier<String> token;
    private String subnetTag = DEFAULT_SUBNET_TAG;
    private String poolTag = DEFAULT_POOL_TAG;
    private String reserveTag = DEFAULT_RESERVE_TAG;
    private String ztpField = DEFAULT_ZTP_FIELD;
    private String gatewayField = DEFAULT_GATEWAY_FIELD;
    private String subnetIdField = DEFAULT_SUBNET_ID_FIELD;
    private String interfaceRoleField = DEFAULT_INTERFACE_ROLE_FIELD;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int parallelism = DEFAULT_PARALLELISM;
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

    private Builder(NetboxSourceConfig c) {
      url = c.url;
      token = c.token;
      subnetTag = c.subnetTag;
      poolTag = c.poolTag;
      reserveTag = c.reserveTag;
      ztpField = c.ztpField;
      gatewayField = c.gatewayField;
      subnetIdField = c.subnetIdField;
      interfaceRoleField = c.interfaceRoleField;
      pageSize = c.pageSize;
      parallelism = c.parallelism;
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

    public Builder ztpField(String value) {
      ztpField = value;
      return this;
    }

    public Builder gatewayField(String value) {
      gatewayField = value;
      return this;
    }

    public Builder subnetIdField(String value) {
      subnetIdField = value;
      return this;
    }

    public Builder interfaceRoleField(String value) {
      interfaceRoleField = value;
      return this;
    }

    public Builder pageSize(int value) {
      pageSize = value;
      return this;
    }

    public Builder parallelism(int value) {
      parallelism = value;
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

    public NetboxSourceConfig build() {
      return new NetboxSourceConfig(url, token, subnetTag, poolTag, reserveTag, ztpField, gatewayField,
          subnetIdField, interfaceRoleField, pageSize, parallelism, connectTimeout, readTimeout, retries,
          retryBackoff, insecure, progress);
    }
  }
}
