package org.keagen.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.snapshot.StaticFragment;

/** A small builder of snapshots for resolver tests. */
final class Facts {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final List<Prefix> prefixes = new ArrayList<>();
  final List<Address> pool = new ArrayList<>();
  final List<Address> reserved = new ArrayList<>();
  final List<Device> devices = new ArrayList<>();
  final List<JsonObject> optionDefinitions = new ArrayList<>();
  final List<StaticFragment> fragments = new ArrayList<>();

  Facts prefix(String cidr, String gateway) {
    prefixes.add(Prefix.of("prefix " + cidr, cidr, gateway));
    return this;
  }

  Facts prefix(Prefix prefix) {
    prefixes.add(prefix);
    return this;
  }

  Facts pool(String... addresses) {
    Arrays.stream(addresses).forEach(a -> pool.add(Address.of(a)));
    return this;
  }

  Facts poolOn(String address, String interfaceName, String role, String mac, String deviceId) {
    pool.add(Address.of(address, InterfaceAttachment.of(interfaceName, role, mac, deviceId)));
    return this;
  }

  Facts reserve(String address, InterfaceAttachment... interfaces) {
    reserved.add(Address.of(address, interfaces));
    return this;
  }

  Facts reserve(String address, String interfaceName, String role, String mac, String deviceId) {
    return reserve(address, InterfaceAttachment.of(interfaceName, role, mac, deviceId));
  }

  Facts device(String id, String name, String serial, String contextJson) {
    devices.add(Device.of(id, name, serial, json(contextJson)));
    return this;
  }

  Facts device(Device device) {
    devices.add(device);
    return this;
  }

  Facts optionDefinition(String json) {
    optionDefinitions.add(json(json));
    return this;
  }

  Facts fragment(String name, List<String> reservations, List<String> subnets) {
    fragments.add(new StaticFragment(name, reservations.stream().map(Facts::json).toList(),
        subnets.stream().map(Facts::json).toList()));
    return this;
  }

  Snapshot snapshot() {
    return new Snapshot(SourceInfo.of("test"), prefixes, pool, reserved, devices, optionDefinitions, fragments);
  }

  Resolution resolve() {
    return Resolver.resolve(snapshot(), SubnetIdHistory.none());
  }

  static JsonObject json(String text) {
    if (text == null) {
      return JsonObject.empty();
    }
    try {
      return JsonObject.of((ObjectNode) MAPPER.readTree(text.replace('\'', '"')));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The diagnostics with {@code code}. */
  static List<Diagnostic> withCode(Resolution resolution, DiagnosticCode code) {
    return resolution.diagnostics().stream().filter(d -> d.code() == code).toList();
  }
}
