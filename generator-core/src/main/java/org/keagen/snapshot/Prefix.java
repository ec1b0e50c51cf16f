package org.keagen.snapshot;

/**
 * A prefix tagged as a DHCP subnet.
 *
 * @param id the source's object id (used in diagnostics)
 * @param prefix the CIDR as the source gives it, e.g. {@code 10.0.0.0/24}
 * @param vrf the VRF name, or {@code null} for the global table
 * @param location the site or location name, or {@code null}
 * @param tenant the tenant name, or {@code null}
 * @param gateway the modelled gateway address (relationship or custom field), or {@code null}
 * @param subnetId an explicit Kea subnet id from the source, or {@code null}
 */
public record Prefix(
    String id,
    String prefix,
    String vrf,
    String location,
    String tenant,
    String gateway,
    Long subnetId) {

  public Prefix {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(prefix, "prefix");
  }

  /** A prefix in the global table with only a CIDR and an optional gateway. */
  public static Prefix of(String id, String prefix, String gateway) {
    return new Prefix(id, prefix, null, null, null, gateway, null);
  }
}
