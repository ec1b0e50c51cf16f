package org.keagen.snapshot;

/**
 * Where a snapshot was taken from. Informational only: resolution never depends on it.
 *
 * @param kind the adapter name, e.g. {@code netbox}, {@code nautobot}, {@code fixture}
 * @param url the server's base URL, or {@code null}; never carries credentials
 * @param version the server's reported version, or {@code null}
 */
public record SourceInfo(String kind, String url, String version) {

  public SourceInfo {
    java.util.Objects.requireNonNull(kind, "kind");
  }

  public static SourceInfo of(String kind) {
    return new SourceInfo(kind, null, null);
  }
}
