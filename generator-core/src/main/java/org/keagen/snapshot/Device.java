package org.keagen.snapshot;

/**
 * A device whose interfaces carry DHCP addresses.
 *
 * @param id the source's device id; option templates see it as {@code device_id}
 * @param name the device name; becomes the reservation's hostname
 * @param serial the serial number, or {@code null}; feeds client-id templates
 * @param platform the platform name, or {@code null}
 * @param role the device role name, or {@code null}
 * @param location the site or location name, or {@code null}
 * @param ztpEnabled the ZTP flag (custom field), or {@code null} when the device has none
 * @param configContext the device's rendered config context ({@code dhcp}, {@code ztp} sections)
 */
public record Device(
    String id,
    String name,
    String serial,
    String platform,
    String role,
    String location,
    Boolean ztpEnabled,
    JsonObject configContext) {

  public Device {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(name, "name");
    configContext = configContext == null ? JsonObject.empty() : configContext;
  }

  public static Device of(String id, String name, String serial, JsonObject configContext) {
    return new Device(id, name, serial, null, null, null, null, configContext);
  }
}
