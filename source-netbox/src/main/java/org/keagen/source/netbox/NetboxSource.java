package org.keagen.source.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.Prefix;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SourceInfo;
import org.keagen.source.SourceAdapter;
import org.keagen.source.SourceException;

/**
 * Reads DHCP facts from NetBox 4.2–4.7 over its REST API: IPv4 prefixes tagged as DHCP subnets, IPv4
 * addresses tagged as pool members and reservations, the device interfaces those addresses are
 * assigned to (with their MAC addresses), and those interfaces' devices (serial, platform, role,
 * site or location, ZTP custom field, rendered config context).
 *
 * <p>Requests ask only for the fields used ({@code fields=}); the three tagged lists are read
 * together, page by page in parallel; interfaces and devices are then looked up in batches of ids
 * ({@code ?id=1&id=2...}), never one request per object. The snapshot lists everything by NetBox
 * id, so the same data always gives the same snapshot.
 */
public final class NetboxSource implements SourceAdapter {
  /** Above what common servers accept in a request line (gunicorn: 4094 bytes), with room to spare. */
  static final int MAX_URL_LENGTH = 3000;

  private static final String PREFIX_FIELDS = "id,prefix,vrf,scope_type,scope,tenant,custom_fields";
  private static final String IP_FIELDS = "id,address,vrf,assigned_object_type,assigned_object_id";
  private static final String INTERFACE_FIELDS = "id,name,device,primary_mac_address,mac_address,custom_fields";
  private static final String DEVICE_FIELDS =
      "id,name,serial,platform,role,site,location,custom_fields,config_context";

  private final NetboxSourceConfig config;
  private volatile FetchStats lastStats = FetchStats.NONE;

  private NetboxSource(NetboxSourceConfig config) {
    this.config = config;
  }

  public static NetboxSource of(NetboxSourceConfig config) {
    return new NetboxSource(java.util.Objects.requireNonNull(config, "config"));
  }

  /** Requests made and objects read by the last {@link #fetch()}, for benchmarks and debug output. */
  public FetchStats lastStats() {
    return lastStats;
  }

  @Override
  public Snapshot fetch() throws SourceException {
    long started = System.nanoTime();
    BaseUrl base = BaseUrl.parse(config.url());
    ApiToken token = ApiToken.of(readToken());
    ProgressSink sink = config.progress();
    if (config.insecure()) {
      sink.warning("TLS certificate verification is off (--insecure): whoever answers at " + base.display()
          + " receives the NetBox token");
    }
    ExecutorService pool = Executors.newFixedThreadPool(config.parallelism(), daemonThreads());
    try (NetboxHttp http = new NetboxHttp(token, config)) {
      NetboxVersion version = checkVersion(http, base, sink);
      PageFetcher pages = new PageFetcher(http, pool, config.pageSize(), sink);

      List<List<JsonNode>> tagged = pages.fetchAll(List.of(
          new ListQuery("prefixes", tagged(base, "ipam/prefixes/", config.subnetTag(), PREFIX_FIELDS)),
          new ListQuery("pool addresses", tagged(base, "ipam/ip-addresses/", config.poolTag(), IP_FIELDS)),
          new ListQuery("reserved addresses",
              tagged(base, "ipam/ip-addresses/", config.reserveTag(), IP_FIELDS))));
      List<JsonNode> prefixes = tagged.get(0);
      List<JsonNode> pool4 = tagged.get(1);
      List<JsonNode> reserved = tagged.get(2);

      TreeSet<Long> interfaceIds = new TreeSet<>();
      // a pool address on a VM is ordinary (its lease); a reservation there cannot be served
      warnAboutOtherAssignments(reserved, sink);
      for (JsonNode ip : concat(pool4, reserved)) {
        Long id = NetboxMapper.assignedInterface(ip);
        if (id != null) {
          interfaceIds.add(id);
        }
      }
      Map<Long, JsonNode> interfaces = byId(pages.fetchAll(
          idQueries("interfaces", base, "dcim/interfaces/", INTERFACE_FIELDS, interfaceIds)));

      TreeSet<Long> deviceIds = new TreeSet<>();
      for (JsonNode iface : interfaces.values()) {
        Long device = NetboxMapper.deviceOf(iface);
        if (device != null) {
          deviceIds.add(device);
        }
      }
      Map<Long, JsonNode> devices = byId(pages.fetchAll(
          idQueries("devices", base, "dcim/devices/", DEVICE_FIELDS, deviceIds)));
      for (Long id : deviceIds) {
        if (!devices.containsKey(id)) {
          throw new SourceException("device " + id + " of a DHCP interface was not returned by NetBox",
              "the token's user needs view permission on dcim.device; or it was deleted during the fetch"
                  + " (run again)");
        }
      }

      Snapshot snapshot = map(base, version, prefixes, pool4, reserved, interfaces, devices);
      lastStats = new FetchStats(pages.requests() + 1, prefixes.size() + pool4.size() + reserved.size()
          + interfaces.size() + devices.size(), (System.nanoTime() - started) / 1_000_000);
      sink.debug("fetched " + lastStats.objects() + " objects in " + lastStats.requests() + " requests, "
          + lastStats.millis() + " ms");
      return snapshot;
    } finally {
      pool.shutdownNow();
    }
  }

  private String readToken() throws SourceException {
    try {
      return config.token().get();
    } catch (java.io.UncheckedIOException e) {
      throw new SourceException(e.getMessage(), "check --token-file: it must name a readable file holding"
          + " the NetBox API token");
    }
  }

  private Snapshot map(BaseUrl base, NetboxVersion version, List<JsonNode> prefixes, List<JsonNode> pool,
      List<JsonNode> reserved, Map<Long, JsonNode> interfaces, Map<Long, JsonNode> devices)
      throws SourceException {
    NetboxMapper mapper = new NetboxMapper(config);
    List<Prefix> outPrefixes = new ArrayList<>();
    for (JsonNode p : sortedById(prefixes)) {
      outPrefixes.add(mapper.prefix(p));
    }
    List<Address> outPool = new ArrayList<>();
    for (JsonNode ip : sortedById(pool)) {
      outPool.add(mapper.address(ip, interfaces));
    }
    List<Address> outReserved = new ArrayList<>();
    for (JsonNode ip : sortedById(reserved)) {
      outReserved.add(mapper.address(ip, interfaces));
    }
    List<Device> outDevices = new ArrayList<>();
    for (JsonNode d : sortedById(new ArrayList<>(devices.values()))) {
      outDevices.add(mapper.device(d));
    }
    return new Snapshot(new SourceInfo("netbox", base.display(), version == null ? null : version.text()),
        outPrefixes, outPool, outReserved, outDevices, List.of(), List.of());
  }

  private NetboxVersion checkVersion(NetboxHttp http, BaseUrl base, ProgressSink sink) throws SourceException {
    JsonNode status = http.get(base.api("status/").build());
    JsonNode reported = status.get("netbox-version");
    NetboxVersion version = NetboxVersion.parse(reported == null ? null : reported.asText());
    if (version == null) {
      sink.warning(base.display() + " did not report a NetBox version keagen understands ("
          + (reported == null ? "none" : "'" + reported.asText() + "'") + "); keagen supports "
          + NetboxVersion.SUPPORTED + " and continues as if it were " + NetboxVersion.NEWEST.text());
      return null;
    }
    if (version.olderThanSupported()) {
      throw new SourceException("NetBox " + version.text() + " at " + base.display() + " is not supported:"
          + " keagen reads " + NetboxVersion.SUPPORTED,
          "upgrade NetBox to " + NetboxVersion.OLDEST.text() + " or later (MAC addresses became objects and"
              + " prefixes got a scope in 4.2)");
    }
    if (version.newerThanSupported()) {
      sink.warning("NetBox " + version.text() + " at " + base.display() + " is newer than the versions keagen"
          + " supports (" + NetboxVersion.SUPPORTED + "); reading it as " + NetboxVersion.NEWEST.text()
          + " - compare the result with a snapshot before relying on it");
    }
    return version;
  }

  private static void warnAboutOtherAssignments(List<JsonNode> ips, ProgressSink sink) {
    for (JsonNode ip : ips) {
      JsonNode type = ip.get("assigned_object_type");
      if (type != null && !type.isNull() && !NetboxMapper.DEVICE_INTERFACE.equals(type.asText())) {
        sink.warning("reserved address " + ip.path("address").asText() + " (id " + ip.path("id").asText()
            + ") is assigned to a " + type.asText() + ", not a device interface; keagen reads device"
            + " interfaces only, so it has no interface here");
      }
    }
  }

  /** IPv4 objects ({@code family=4}: this is a DHCPv4 generator) carrying one tag. */
  private static HttpUrl tagged(BaseUrl base, String path, String tag, String fields) {
    return base.api(path).addQueryParameter("tag", tag).addQueryParameter("family", "4")
        .addQueryParameter("fields", fields).build();
  }

  /** One query per batch of ids, each batch as large as the URL length and page size allow. */
  private List<ListQuery> idQueries(String stage, BaseUrl base, String path, String fields, TreeSet<Long> ids) {
    List<ListQuery> queries = new ArrayList<>();
    HttpUrl.Builder current = null;
    int length = 0;
    int count = 0;
    String fixed = base.api(path).addQueryParameter("fields", fields).build().toString();
    int fixedLength = fixed.length() + "&limit=&offset=0".length() + String.valueOf(config.pageSize()).length();
    for (Long id : ids) {
      int add = "&id=".length() + id.toString().length();
      if (current != null && (length + add > MAX_URL_LENGTH || count >= config.pageSize())) {
        queries.add(new ListQuery(stage, current.build()));
        current = null;
      }
      if (current == null) {
        current = base.api(path).addQueryParameter("fields", fields);
        length = fixedLength;
        count = 0;
      }
      current.addQueryParameter("id", id.toString());
      length += add;
      count++;
    }
    if (current != null) {
      queries.add(new ListQuery(stage, current.build()));
    }
    return queries;
  }

  private static Map<Long, JsonNode> byId(List<List<JsonNode>> batches) {
    Map<Long, JsonNode> out = new LinkedHashMap<>();
    for (List<JsonNode> batch : batches) {
      for (JsonNode object : batch) {
        out.put(object.path("id").asLong(), object);
      }
    }
    return out;
  }

  private static List<JsonNode> sortedById(List<JsonNode> objects) {
    List<JsonNode> sorted = new ArrayList<>(objects);
    sorted.sort(Comparator.comparingLong(o -> o.path("id").asLong()));
    return sorted;
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "netbox-fetch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
