package org.keagen.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;

/**
 * A deterministic synthetic source of truth of any size, written as a {@code keagen-snapshot/1}
 * file. The same size and seed always give the same bytes.
 *
 * <p>What it models: sites (about one per 50 subnets), each in one of four VRFs with its own NTP,
 * DNS and ZTP servers; prefixes of mixed lengths sized to their addresses (with holes between
 * them), some with an explicit gateway at the first or last usable address and some with an
 * explicit subnet id; four kinds of subnet:
 * <ul>
 *   <li>management: network switches (Cumulus, SONiC, EOS) reserved on their management port by a
 *       client-id from the serial ({@code 00:{{ serial | hex }}}, {@code {{ serial | hex }}}, or the
 *       quoted serial), some by MAC, with ZTP URL templates and subnet options from the site;
 *   <li>servers: BMCs reserved by MAC with boot options and {@code subnet_config} lifetimes; at
 *       every other site their reservations go into the subnet ({@code reservations-global: false});
 *   <li>clients: pool addresses only;
 *   <li>point-to-point /31 uplinks whose one pool address sits on a switch port, so the switch's
 *       context adds an address-less reservation with options inside the subnet.
 * </ul>
 * Pool addresses form one to five ranges per subnet, separated by small gaps, and are listed
 * subnet by subnet in a shuffled subnet order, as a source returning them by object id would.
 * A static fragment adds two hand-written subnets and their reservations.
 */
public final class SyntheticFabric {
  /** The seed the benchmarks use. */
  public static final long DEFAULT_SEED = 20_241_123L;

  private static final String[] VRFS = {null, "oob", "prod", "lab"};
  private static final int SUBNETS_PER_SITE = 50;
  private static final long FIRST_ADDRESS = ipv4(10, 0, 0, 0);
  private static final int POOL_ID_BASE = 1_000_000;
  private static final int RESERVED_ID_BASE = 50_000_000;

  private enum Kind { MANAGEMENT, SERVERS, CLIENTS, P2P }

  private enum Platform {
    CUMULUS("Cumulus Linux", "eth0", "00:{{ serial | hex }}", "MT"),
    SONIC("SONiC", "eth0", "{{ serial | hex }}", "CN0"),
    EOS("Arista EOS", "Management1", null, "JPE");

    final String label;
    final String managementPort;
    final String clientIdTemplate;
    final String serialPrefix;

    Platform(String label, String managementPort, String clientIdTemplate, String serialPrefix) {
      this.label = label;
      this.managementPort = managementPort;
      this.clientIdTemplate = clientIdTemplate;
      this.serialPrefix = serialPrefix;
    }
  }

  private record Site(int index, String name, String vrf) {
    String server(int n) {
      return "198.18." + (index / 60) + "." + ((index % 60) * 4 + n);
    }
  }

  /** One subnet's layout: everything needed to write its prefix, addresses and devices. */
  private static final class Layout {
    int index;
    Site site;
    Kind kind;
    long network;
    int length;
    int reservations;
    int pool;
    String gateway;
    Long subnetId;
    long firstReserved;
    long[] rangeStart = new long[0];
    int[] rangeLength = new int[0];
    int firstDevice;
    int uplinkDevice = -1;
  }

  private final FabricSize size;
  private final long seed;
  private final List<Site> sites = new ArrayList<>();
  private final List<Layout> layouts = new ArrayList<>();
  private int deviceCount;

  private SyntheticFabric(FabricSize size, long seed) {
    this.size = size;
    this.seed = seed;
    plan();
  }

  /** Writes the snapshot of {@code size} from {@code seed} to {@code out} (not closed). */
  public static void write(FabricSize size, long seed, OutputStream out) throws IOException {
    new SyntheticFabric(size, seed).emit(out);
  }

  /** The snapshot text, for small sizes. */
  public static String text(FabricSize size, long seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(size, seed, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The snapshot itself, read back through {@link SnapshotJson}, for small and medium sizes. */
  public static Snapshot snapshot(FabricSize size, long seed) {
    SnapshotJson.ReadResult read = SnapshotJson.read(text(size, seed), "synthetic " + size.name());
    if (!read.ok()) {
      throw new IllegalStateException("the synthetic snapshot does not read: " + read.diagnostics());
    }
    return read.snapshot();
  }

  // ---------------------------------------------------------------- planning

  private void plan() {
    int siteCount = Math.max(1, (size.subnets() + SUBNETS_PER_SITE - 1) / SUBNETS_PER_SITE);
    for (int s = 0; s < siteCount; s++) {
      sites.add(new Site(s, String.format(Locale.ROOT, "site%03d", s), VRFS[s % VRFS.length]));
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = size.subnets();
    double[] poolWeight = new double[n];
    double[] reservationWeight = new double[n];
    int p2p = 0;
    for (int i = 0; i < n; i++) {
      Layout layout = new Layout();
      layout.index = i;
      layout.site = sites.get((int) ((long) i * siteCount / n));
      layout.kind = kind(i);
      layouts.add(layout);
      switch (layout.kind) {
        case CLIENTS -> poolWeight[i] = 1.0 + 2.0 * random.nextDouble();
        case MANAGEMENT, SERVERS -> {
          poolWeight[i] = 0.2 + 0.6 * random.nextDouble();
          reservationWeight[i] = 0.5 + random.nextDouble();
        }
        case P2P -> p2p++;
      }
    }
    int uplinkPool = Math.min(p2p, size.poolAddresses());
    int[] pool = distribute(size.poolAddresses() - uplinkPool, poolWeight);
    int[] reservations = distribute(size.reservations(), reservationWeight);
    int uplinks = 0;
    long cursor = FIRST_ADDRESS;
    for (Layout layout : layouts) {
      layout.firstDevice = deviceCount;
      if (layout.kind == Kind.P2P) {
        layout.pool = uplinks++ < uplinkPool ? 1 : 0;
        cursor = place(layout, cursor, 31);
        layout.rangeStart = layout.pool == 0 ? new long[0] : new long[] {layout.network + 1};
        layout.rangeLength = layout.pool == 0 ? new int[0] : new int[] {1};
        continue;
      }
      layout.pool = pool[layout.index];
      layout.reservations = reservations[layout.index];
      deviceCount += layout.reservations;
      cursor = lay(layout, cursor, random);
    }
    // an uplink's pool address sits on a port of a switch at the same site, when the site has one
    List<List<Layout>> managementBySite = new ArrayList<>();
    sites.forEach(s -> managementBySite.add(new ArrayList<>()));
    layouts.stream().filter(l -> l.kind == Kind.MANAGEMENT && l.reservations > 0)
        .forEach(l -> managementBySite.get(l.site.index()).add(l));
    for (Layout layout : layouts) {
      List<Layout> candidates = managementBySite.get(layout.site.index());
      if (layout.kind == Kind.P2P && layout.pool == 1 && !candidates.isEmpty()) {
        Layout switches = candidates.get(layout.index % candidates.size());
        layout.uplinkDevice = switches.firstDevice + layout.index % switches.reservations;
      }
    }
  }

  /** Every 20 subnets: 4 management, 6 servers, 9 clients, 1 point-to-point uplink. */
  private static Kind kind(int index) {
    int slot = index % 20;
    if (slot < 4) {
      return Kind.MANAGEMENT;
    }
    if (slot < 10) {
      return Kind.SERVERS;
    }
    return slot < 19 ? Kind.CLIENTS : Kind.P2P;
  }

  /** Splits {@code total} over the positive weights, in proportion, exactly. */
  private static int[] distribute(int total, double[] weights) {
    int[] counts = new int[weights.length];
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    if (sum == 0) {
      return counts;
    }
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      counts[i] = (int) Math.floor(total * weights[i] / sum);
      given += counts[i];
    }
    for (int i = 0; given < total; i = (i + 1) % weights.length) {
      if (weights[i] > 0) {
        counts[i]++;
        given++;
      }
    }
    return counts;
  }

  /** Sizes the prefix to its addresses, places it, and lays out gateway, reservations and pool ranges. */
  private long lay(Layout layout, long cursor, SplittableRandom random) {
    int rangeCount = layout.pool == 0 ? 0 : 1 + random.nextInt(Math.min(5, layout.pool));
    int[] lengths = split(layout.pool, rangeCount, random);
    int[] gaps = new int[rangeCount];
    long needed = 4L + layout.reservations; // network, gateway, broadcast, a last-usable gateway
    for (int r = 0; r < rangeCount; r++) {
      gaps[r] = r == 0 ? 1 + random.nextInt(4) : 1 + random.nextInt(8);
      needed += gaps[r] + lengths[r];
    }
    int length = 29;
    while (length > 8 && (1L << (32 - length)) < needed) {
      length--;
    }
    if (random.nextInt(5) == 0 && length > 8) {
      length--; // some prefixes are larger than they need to be
    }
    long next = place(layout, cursor, length);
    long blockSize = 1L << (32 - length);
    int gatewayStyle = random.nextInt(10);
    if (gatewayStyle < 7) {
      layout.gateway = text(layout.network + 1) + "/" + length;
    } else if (gatewayStyle == 7) {
      layout.gateway = text(layout.network + blockSize - 2) + "/" + length;
    }
    if (random.nextInt(20) == 0) {
      layout.subnetId = 100_000L + layout.index;
    }
    layout.firstReserved = layout.network + 2;
    long address = layout.firstReserved + layout.reservations;
    layout.rangeStart = new long[rangeCount];
    layout.rangeLength = lengths;
    for (int r = 0; r < rangeCount; r++) {
      address += gaps[r];
      layout.rangeStart[r] = address;
      address += lengths[r];
    }
    if (random.nextInt(10) == 0) {
      next += blockSize; // a hole: space for prefixes not tagged for DHCP
    }
    return next;
  }

  private long place(Layout layout, long cursor, int length) {
    long blockSize = 1L << (32 - length);
    layout.network = (cursor + blockSize - 1) / blockSize * blockSize;
    layout.length = length;
    if (layout.network + blockSize > ipv4(224, 0, 0, 0)) {
      throw new IllegalArgumentException("fabric " + size + " does not fit below 224.0.0.0");
    }
    return layout.network + blockSize;
  }

  /** {@code total} split into {@code parts} positive lengths. */
  private static int[] split(int total, int parts, SplittableRandom random) {
    int[] lengths = new int[parts];
    if (parts == 0) {
      return lengths;
    }
    int left = total - parts;
    for (int i = 0; i < parts - 1; i++) {
      int share = left == 0 ? 0 : random.nextInt(left + 1) / 2;
      lengths[i] = 1 + share;
      left -= share;
    }
    lengths[parts - 1] = 1 + left;
    return lengths;
  }

  // ---------------------------------------------------------------- writing

  private void emit(OutputStream out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.writeStartObject();
    json.writeStringField("format", Snapshot.FORMAT);
    json.writeObjectFieldStart("source");
    json.writeStringField("kind", "synthetic");
    json.writeStringField("url", "synthetic://" + size.name() + "?seed=" + seed);
    json.writeStringField("version", size.subnets() + "/" + size.poolAddresses() + "/" + size.reservations());
    json.writeEndObject();

    json.writeArrayFieldStart("prefixes");
    for (Layout layout : layouts) {
      json.writeStartObject();
      json.writeStringField("id", String.valueOf(1000 + layout.index));
      json.writeStringField("prefix", text(layout.network) + "/" + layout.length);
      json.writeStringField("vrf", layout.site.vrf());
      json.writeStringField("location", layout.site.name());
      json.writeStringField("tenant", layout.kind == Kind.SERVERS ? "compute" : "network");
      json.writeStringField("gateway", layout.gateway);
      if (layout.subnetId != null) {
        json.writeNumberField("subnet_id", layout.subnetId);
      }
      json.writeEndObject();
    }
    json.writeEndArray();

    int[] order = shuffledOrder();
    json.writeArrayFieldStart("pool_addresses");
    int id = POOL_ID_BASE;
    for (int i : order) {
      Layout layout = layouts.get(i);
      for (int r = 0; r < layout.rangeStart.length; r++) {
        for (int k = 0; k < layout.rangeLength[r]; k++) {
          writeAddress(json, id++, layout, layout.rangeStart[r] + k);
          if (layout.uplinkDevice >= 0) {
            writeInterface(json, "swp52", "oob-uplink", null, layout.uplinkDevice);
          }
          json.writeEndArray();
          json.writeEndObject();
        }
      }
    }
    json.writeEndArray();

    json.writeArrayFieldStart("reserved_addresses");
    id = RESERVED_ID_BASE;
    for (int i : order) {
      Layout layout = layouts.get(i);
      for (int k = 0; k < layout.reservations; k++) {
        int device = layout.firstDevice + k;
        writeAddress(json, id++, layout, layout.firstReserved + k);
        if (layout.kind == Kind.SERVERS) {
          writeInterface(json, "bmc", "oob-management", mac(device), device);
        } else {
          Platform platform = platform(device);
          writeInterface(json, platform.managementPort, "management",
              device % 5 == 0 ? mac(device) : null, device);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
    }
    json.writeEndArray();

    json.writeArrayFieldStart("devices");
    for (Layout layout : layouts) {
      for (int k = 0; k < layout.reservations; k++) {
        writeDevice(json, layout, layout.firstDevice + k);
      }
    }
    json.writeEndArray();

    json.writeArrayFieldStart("option_definitions");
    json.writeStartObject();
    json.writeStringField("name", "cumulus-provision-url");
    json.writeNumberField("code", 239);
    json.writeStringField("type", "string");
    json.writeBooleanField("array", false);
    json.writeStringField("record-types", "");
    json.writeStringField("space", "dhcp4");
    json.writeStringField("encapsulate", "");
    json.writeEndObject();
    json.writeEndArray();

    writeStaticFragment(json);
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  private void writeAddress(JsonGenerator json, int id, Layout layout, long address) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", String.valueOf(id));
    json.writeStringField("address", text(address) + "/" + layout.length);
    json.writeStringField("vrf", layout.site.vrf());
    json.writeArrayFieldStart("interfaces");
  }

  private static void writeInterface(JsonGenerator json, String name, String role, String mac, int device)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("role", role);
    json.writeStringField("mac_address", mac);
    json.writeStringField("device_id", deviceId(device));
    json.writeEndObject();
  }

  private void writeDevice(JsonGenerator json, Layout layout, int device) throws IOException {
    Site site = layout.site;
    boolean server = layout.kind == Kind.SERVERS;
    Platform platform = platform(device);
    json.writeStartObject();
    json.writeStringField("id", deviceId(device));
    json.writeStringField("name", site.name() + (server ? "-srv" : "-sw") + String.format(Locale.ROOT, "%06d", device));
    json.writeStringField("serial", server ? "SRV" + base36(device, 7) : platform.serialPrefix + "24X" + base36(device, 7));
    json.writeStringField("platform", server ? "Ubuntu 22.04" : platform.label);
    json.writeStringField("role", server ? "server" : device % 7 == 0 ? "spine" : "leaf");
    json.writeStringField("location", site.name());
    if (!server) {
      json.writeBooleanField("ztp_enabled", true);
    }
    json.writeObjectFieldStart("config_context");
    json.writeObjectFieldStart("dhcp");
    json.writeObjectFieldStart("options");
    if (server) {
      json.writeObjectFieldStart("interface_roles");
      json.writeObjectFieldStart("oob-management");
      json.writeObjectFieldStart("subnet_options");
      json.writeStringField("domain-name", "oob." + site.name() + ".example.net");
      json.writeStringField("ntp-servers", site.server(1) + ", " + site.server(2));
      json.writeEndObject();
      json.writeObjectFieldStart("reservation_options");
      json.writeStringField("boot-file-name", "ipxe.efi");
      json.writeStringField("tftp-server-name", "{{ ztp_server }}");
      json.writeStringField("host-name", "{{ device_name }}");
      json.writeEndObject();
      json.writeObjectFieldStart("subnet_config");
      json.writeNumberField("valid-lifetime", 7200);
      json.writeNumberField("renew-timer", 1800);
      json.writeNumberField("rebind-timer", 3150);
      if (site.index() % 2 == 1) {
        json.writeBooleanField("reservations-global", false);
        json.writeBooleanField("reservations-in-subnet", true);
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    } else {
      if (platform.clientIdTemplate != null) {
        json.writeStringField("client_id_template", platform.clientIdTemplate);
      }
      json.writeObjectFieldStart("interface_roles");
      json.writeObjectFieldStart("management");
      json.writeObjectFieldStart("subnet_options");
      json.writeStringField("domain-name", "mgmt." + site.name() + ".example.net");
      json.writeStringField("domain-name-servers", site.server(3) + ", " + site.server(4));
      json.writeStringField("ntp-servers", site.server(1) + ", " + site.server(2));
      json.writeEndObject();
      json.writeObjectFieldStart("reservation_options");
      json.writeStringField("boot-file-name", platform == Platform.EOS
          ? "http://{{ ztp_server }}/eos/{{ device_id }}/bootstrap"
          : "http://{{ ztp_server }}/onie/{{ device_id }}/onie-installer");
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("oob-uplink");
      json.writeObjectFieldStart("reservation_options");
      json.writeStringField("tftp-server-name", "{{ ztp_server }}");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      if (platform == Platform.CUMULUS) {
        json.writeObjectFieldStart("interface_names");
        json.writeObjectFieldStart("eth0");
        json.writeObjectFieldStart("reservation_options");
        json.writeStringField("cumulus-provision-url", "http://{{ ztp_server }}/ztp/{{ device_name }}.sh");
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeObjectFieldStart("ztp");
    json.writeArrayFieldStart("ipv4");
    json.writeString(site.server(1));
    json.writeString(site.server(2));
    json.writeEndArray();
    json.writeArrayFieldStart("ipv6");
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("syslog");
    json.writeArrayFieldStart("servers");
    json.writeString(site.server(3));
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("snmp");
    json.writeStringField("location", site.name() + ", row " + (device % 12 + 1));
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Two hand-written subnets outside the generated space, with global reservations in them. */
  private static void writeStaticFragment(JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("static_config");
    json.writeStartObject();
    json.writeStringField("name", "legacy-hosts");
    json.writeArrayFieldStart("reservations");
    for (int i = 0; i < 10; i++) {
      json.writeStartObject();
      json.writeStringField("hostname", String.format(Locale.ROOT, "legacy-printer%02d", i));
      json.writeStringField("hw-address", String.format(Locale.ROOT, "52:54:00:00:00:%02x", i));
      json.writeStringField("ip-address", "172.16." + (i % 2) + "." + (10 + i));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("subnets");
    for (int s = 0; s < 2; s++) {
      json.writeStartObject();
      json.writeStringField("subnet", "172.16." + s + ".0/24");
      json.writeNumberField("id", 9_000_000 + s);
      json.writeArrayFieldStart("pools");
      json.writeStartObject();
      json.writeStringField("pool", "172.16." + s + ".100-172.16." + s + ".200");
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("option-data");
      json.writeStartObject();
      json.writeStringField("name", "routers");
      json.writeStringField("data", "172.16." + s + ".1");
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** Subnet indexes in a seeded random order (Fisher-Yates). */
  private int[] shuffledOrder() {
    int[] order = new int[layouts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private Platform platform(int device) {
    int pick = (int) Math.floorMod(new SplittableRandom(seed + device).nextLong(), 10L);
    return pick < 5 ? Platform.CUMULUS : pick < 8 ? Platform.SONIC : Platform.EOS;
  }

  private static String deviceId(int device) {
    return String.valueOf(device + 1);
  }

  private static String mac(int device) {
    return String.format(Locale.ROOT, "0C:C4:7A:%02X:%02X:%02X", (device >> 16) & 0xff, (device >> 8) & 0xff,
        device & 0xff);
  }

  private static String base36(int value, int width) {
    String digits = Integer.toString(value, 36).toUpperCase(Locale.ROOT);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static long ipv4(int a, int b, int c, int d) {
    return ((long) a << 24) | (b << 16) | (c << 8) | d;
  }

  private static String text(long address) {
    return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
        + (address & 0xff);
  }
}
