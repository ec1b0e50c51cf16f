package org.keagen.source.nautobot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.snapshot.StaticFragment;

/**
 * The snapshot equivalent of the processed subnet records some reference tests hand to the
 * generator directly (bypassing its Nautobot loader): a prefix with its gateway, pool addresses and
 * reservation records. Devices get their config context from the given contexts map; a record
 * without a device id uses the device name as id, one without an interface name uses {@code eth0}.
 */
final class ProcessedSubnets {

  /** One reservation record as the reference's tests write it. */
  record Reservation(String address, String mac, String serial, String deviceId, String deviceName,
      String interfaceName, String interfaceRole) {

    static Reservation of(String address, String mac, String deviceName) {
      return new Reservation(address, mac, null, null, deviceName, null, null);
    }
  }

  private final Map<String, JsonObject> contexts;
  private final List<Prefix> prefixes = new ArrayList<>();
  private final List<Address> pool = new ArrayList<>();
  private final List<Address> reserved = new ArrayList<>();
  private final Map<String, Device> devices = new LinkedHashMap<>();

  private ProcessedSubnets(Map<String, JsonObject> contexts) {
    this.contexts = contexts;
  }

  static ProcessedSubnets withContexts(Map<String, JsonObject> contexts) {
    return new ProcessedSubnets(contexts);
  }

  ProcessedSubnets subnet(String cidr, String gateway, List<String> poolIps, Reservation... reservations) {
    prefixes.add(Prefix.of(cidr, cidr, gateway));
    poolIps.forEach(ip -> pool.add(Address.of(ip)));
    for (Reservation r : reservations) {
      String deviceId = r.deviceId() == null ? r.deviceName() : r.deviceId();
      devices.putIfAbsent(deviceId, Device.of(deviceId, r.deviceName(), r.serial(),
          contexts.getOrDefault(deviceId, JsonObject.empty())));
      reserved.add(Address.of(r.address(), InterfaceAttachment.of(
          r.interfaceName() == null ? "eth0" : r.interfaceName(), r.interfaceRole(), r.mac(), deviceId)));
    }
    return this;
  }

  Snapshot snapshot(List<JsonObject> optionDefinitions, List<StaticFragment> staticFragments) {
    return new Snapshot(SourceInfo.of("nautobot"), prefixes, pool, reserved, List.copyOf(devices.values()),
        optionDefinitions, staticFragments);
  }
}
