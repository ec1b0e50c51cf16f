package org.keagen.source.netbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A large NetBox made up on the fly for the fetch benchmark: {@code prefixes} /22 prefixes, the
 * given numbers of pool and reserved addresses (each reserved address on its own interface, two
 * interfaces per device), every answer held back by a fixed latency. Objects are generated from
 * their index, so memory stays small however large the site. Counts requests and peak concurrency.
 */
final class SyntheticNetbox extends Dispatcher {
  private final int prefixes;
  private final int pool;
  private final int reserved;
  private final long latencyMillis;
  private final int maxPageSize;
  final AtomicLong requests = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger peakInFlight = new AtomicInteger();

  SyntheticNetbox(int prefixes, int pool, int reserved, long latencyMillis, int maxPageSize) {
    this.prefixes = prefixes;
    this.pool = pool;
    this.reserved = reserved;
    this.latencyMillis = latencyMillis;
    this.maxPageSize = maxPageSize;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    requests.incrementAndGet();
    int now = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(latencyMillis);
      return FakeNetbox.json(200, answer(request.getUrl()));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private String answer(HttpUrl url) {
    String path = url.encodedPath();
    if (path.equals("/api/status/")) {
      return "{\"netbox-version\":\"4.7.3\"}";
    }
    List<Long> ids = new ArrayList<>();
    url.queryParameterValues("id").forEach(id -> ids.add(Long.parseLong(id)));
    String tag = url.queryParameter("tag");
    int limit = Math.min(Integer.parseInt(url.queryParameter("limit")), maxPageSize);
    int offset = Integer.parseInt(url.queryParameter("offset"));
    return switch (path) {
      case "/api/ipam/prefixes/" -> page(prefixes, offset, limit, i -> prefix(i));
      case "/api/ipam/ip-addresses/" -> "dhcp-pool".equals(tag)
          ? page(pool, offset, limit, i -> poolAddress(i))
          : page(reserved, offset, limit, i -> reservedAddress(i));
      case "/api/dcim/interfaces/" -> byIds(ids, offset, limit, id -> iface(id));
      case "/api/dcim/devices/" -> byIds(ids, offset, limit, id -> device(id));
      default -> throw new IllegalArgumentException(path);
    };
  }

  private interface Maker {
    String make(long index);
  }

  private static String page(int count, int offset, int limit, Maker maker) {
    StringBuilder out = new StringBuilder(limit * 160);
    out.append("{\"count\":").append(count).append(",\"next\":null,\"previous\":null,\"results\":[");
    int end = Math.min(count, offset + limit);
    for (int i = offset; i < end; i++) {
      if (i > offset) {
        out.append(',');
      }
      out.append(maker.make(i));
    }
    return out.append("]}").toString();
  }

  private static String byIds(List<Long> ids, int offset, int limit, Maker maker) {
    StringBuilder out = new StringBuilder(ids.size() * 200);
    out.append("{\"count\":").append(ids.size()).append(",\"next\":null,\"previous\":null,\"results\":[");
    int end = Math.min(ids.size(), offset + limit);
    for (int i = offset; i < end; i++) {
      if (i > offset) {
        out.append(',');
      }
      out.append(maker.make(ids.get(i)));
    }
    return out.append("]}").toString();
  }

  /** Prefix i is 10.a.b.0/22, four /24s per prefix. */
  private static String prefix(long i) {
    long base = 4 * i;
    return "{\"id\":" + (i + 1) + ",\"prefix\":\"10." + (base / 256) + "." + (base % 256)
        + ".0/22\",\"vrf\":null,\"scope_type\":\"dcim.site\",\"scope\":{\"id\":1,\"name\":\"dc1\"},"
        + "\"tenant\":null,\"custom_fields\":{\"dhcp_gateway\":null,\"kea_subnet_id\":null}}";
  }

  /** Addresses fill the prefixes in order: reserved ones first in each /22, then pool ones. */
  private String address(long n, long id, String assigned) {
    long host = (n / 1022) * 1024 + n % 1022 + 1; // 1022 usable addresses in each /22
    return "{\"id\":" + id + ",\"address\":\"10." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "."
        + (host & 255) + "/22\",\"vrf\":null," + assigned + "}";
  }

  private String reservedAddress(long i) {
    return address(i, 1 + i, "\"assigned_object_type\":\"dcim.interface\",\"assigned_object_id\":" + (1 + i));
  }

  private String poolAddress(long i) {
    return address(reserved + i, 1 + reserved + i, "\"assigned_object_type\":null,\"assigned_object_id\":null");
  }

  private static String iface(long id) {
    long device = (id + 1) / 2;
    return "{\"id\":" + id + ",\"name\":\"eth" + (id % 2) + "\",\"device\":{\"id\":" + device + ",\"name\":\"d"
        + device + "\"},\"primary_mac_address\":{\"id\":" + id + ",\"mac_address\":\"02:00:"
        + String.format("%02x:%02x:%02x:%02x", id >> 24 & 255, id >> 16 & 255, id >> 8 & 255, id & 255)
        + "\"},\"mac_address\":null,\"custom_fields\":{\"dhcp_role\":null}}";
  }

  private static String device(long id) {
    return "{\"id\":" + id + ",\"name\":\"d" + id + "\",\"serial\":\"SN" + id + "\",\"platform\":{\"name\":\"SONiC\"},"
        + "\"role\":{\"name\":\"leaf\"},\"site\":{\"name\":\"dc1\"},\"location\":null,"
        + "\"custom_fields\":{\"ztp_enabled\":true},\"config_context\":{\"ztp\":{\"ipv4\":[\"10.255.0.1\"]}}}";
  }
}
