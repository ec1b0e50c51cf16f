package org.keagen.snapshot;

/**
 * A device interface an address is assigned to.
 *
 * @param name the interface name, e.g. {@code eth0}
 * @param role the interface role name, or {@code null}
 * @param macAddress the interface's MAC address as the source stores it, or {@code null}
 * @param deviceId the id of the owning {@link Device}
 */
public record InterfaceAttachment(String name, String role, String macAddress, String deviceId) {

  public InterfaceAttachment {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(deviceId, "deviceId");
  }

  public static InterfaceAttachment of(String name, String role, String macAddress, String deviceId) {
    return new InterfaceAttachment(name, role, macAddress, deviceId);
  }
}
