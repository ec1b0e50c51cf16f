package org.keagen.source.nautobot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.source.nautobot.NautobotSource;
import org.keagen.source.netbox.NetboxSource;
import org.keagen.source.netbox.NetboxSourceConfig;
import org.keagen.source.nautobot.ProgressSink;

/**
 * The same site ({@code scripts/site/realistic-site.json}) seeded in NetBox and in Nautobot gives
 * the same Kea config, apart from the sources' own device ids: NetBox numbers devices, Nautobot
 * gives them UUIDs, and a device's id reaches the config through {@code {{ device_id }}} in option
 * templates and through the stable choice of its ZTP server. Both snapshots therefore get each
 * device's id replaced by {@code device:<name>} before generating (docs/nautobot.md). Both
 * adapters run with their defaults. Runs when both servers are configured ({@code
 * KEAGEN_NAUTOBOT_URL}/{@code _TOKEN_FILE}, {@code KEAGEN_NETBOX_URL}/{@code _TOKEN_FILE}); skips
 * loudly otherwise.
 */
class SameSiteParityTest {

  @Test
  void netboxAndNautobotGiveTheSameConfig() throws Exception {
    LiveServers.Server nautobot = LiveServers.nautobot();
    LiveServers.Server netbox = LiveServers.netbox();
    Snapshot fromNetbox = withNeutralIds(
        NetboxSource.of(NetboxSourceConfig.builder(netbox.url(), netbox.token()).build()).fetch());
    Snapshot fromNautobot = withNeutralIds(
        NautobotSource.of(NautobotIntegrationTest.config(nautobot, ProgressSink.none())).fetch());
    assertEquals(3, fromNautobot.prefixes().size(), "the site has three DHCP prefixes");
    assertEquals(fromNetbox.prefixes().size(), fromNautobot.prefixes().size());
    assertEquals(fromNetbox.poolAddresses().size(), fromNautobot.poolAddresses().size());
    assertEquals(fromNetbox.reservedAddresses().size(), fromNautobot.reservedAddresses().size());
    assertEquals(fromNetbox.devices().size(), fromNautobot.devices().size());

    for (KeaVersion version : List.of(KeaVersion.V2_2, KeaVersion.newest())) {
      GenerationOptions options = GenerationOptions.defaults().withKeaVersion(version);
      Generation netboxConfig = Generator.run(fromNetbox, options);
      Generation nautobotConfig = Generator.run(fromNautobot, options);

      assertNotNull(netboxConfig.configText(), () -> NautobotIntegrationTest.text(netboxConfig.diagnostics()));
      assertNotNull(nautobotConfig.configText(), () -> NautobotIntegrationTest.text(nautobotConfig.diagnostics()));
      assertEquals(netboxConfig.configText(), nautobotConfig.configText(),
          "the same site gives different Kea " + version.label() + " configs from NetBox and Nautobot");
      assertEquals(codes(netboxConfig), codes(nautobotConfig), "the same site gives different diagnostics");
    }
  }

  private static List<String> codes(Generation generation) {
    return generation.diagnostics().stream().map(d -> d.severity() + " " + d.code().id()).sorted().toList();
  }

  /** {@code snapshot} with each device id replaced by {@code device:<name>}, and a neutral source. */
  static Snapshot withNeutralIds(Snapshot snapshot) {
    Map<String, String> ids = new HashMap<>();
    List<Device> devices = snapshot.devices().stream().map(d -> {
      ids.put(d.id(), "device:" + d.name());
      return new Device("device:" + d.name(), d.name(), d.serial(), d.platform(), d.role(), d.location(),
          d.ztpEnabled(), d.configContext());
    }).toList();
    return new Snapshot(SourceInfo.of("site"), snapshot.prefixes(), addresses(snapshot.poolAddresses(), ids),
        addresses(snapshot.reservedAddresses(), ids), devices, snapshot.optionDefinitions(),
        snapshot.staticFragments());
  }

  private static List<Address> addresses(List<Address> addresses, Map<String, String> ids) {
    return addresses.stream().map(a -> new Address(a.id(), a.address(), a.vrf(), a.interfaces().stream()
        .map(i -> InterfaceAttachment.of(i.name(), i.role(), i.macAddress(), ids.getOrDefault(i.deviceId(), i.deviceId())))
        .toList())).toList();
  }
}
