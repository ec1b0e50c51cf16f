package org.keagen.source.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A NetBox REST API over recorded objects, for MockWebServer: {@code /api/status/} and the four list
 * endpoints keagen reads, with NetBox's token check, {@code tag} (AND of slugs, 400 for an unknown
 * slug), {@code family} and {@code id} filters, {@code limit}/{@code offset} paging capped at {@code MAX_PAGE_SIZE},
 * and {@code fields=} projection, so a field the adapter forgets to ask for is really missing.
 * A hook sees every request first and may answer it instead (faults, delays).
 */
final class FakeNetbox extends Dispatcher {
  static final Map<String, String> ENDPOINTS = Map.of(
      "/api/ipam/prefixes/", "prefixes",
      "/api/ipam/ip-addresses/", "ip-addresses",
      "/api/dcim/interfaces/", "interfaces",
      "/api/dcim/devices/", "devices");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode data;
  private final String authorization;
  volatile int maxPageSize = 1000;
  volatile Function<RecordedRequest, MockResponse> hook = r -> null;
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  /**
   * @param data the recorded objects: {@code status} and one array per endpoint name
   * @param authorization the {@code Authorization} header value NetBox accepts
   */
  FakeNetbox(JsonNode data, String authorization) {
    this.data = data;
    this.authorization = authorization;
  }

  static JsonNode recorded(String version) throws IOException {
    try (InputStream in = FakeNetbox.class.getResourceAsStream("/netbox/recorded/netbox-" + version + ".json")) {
      return MAPPER.readTree(in);
    }
  }

  /** Requests to one endpoint, e.g. {@code /api/dcim/interfaces/}. */
  List<RecordedRequest> requestsTo(String path) {
    return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    requests.add(request);
    MockResponse hooked = hook.apply(request);
    if (hooked != null) {
      return hooked;
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.equals(authorization)) {
      return json(401, "{\"detail\":\"Invalid token\"}");
    }
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    if (path.equals("/api/status/")) {
      return json(200, data.get("status").toString());
    }
    String kind = ENDPOINTS.get(path);
    if (kind == null) {
      return json(404, "{\"detail\":\"Not found.\"}");
    }
    return list(url, kind);
  }

  private MockResponse list(HttpUrl url, String kind) {
    List<JsonNode> matching = new ArrayList<>();
    List<String> tags = url.queryParameterValues("tag");
    Set<String> knownTags = knownTags();
    for (String tag : tags) {
      if (!knownTags.contains(tag)) {
        return json(400, "{\"tag\":[\"Select a valid choice. " + tag + " is not one of the available choices.\"]}");
      }
    }
    String family = url.queryParameter("family");
    Set<Long> ids = new HashSet<>();
    url.queryParameterValues("id").forEach(id -> ids.add(Long.parseLong(id)));
    for (JsonNode object : data.get(kind)) {
      if (!ids.isEmpty() && !ids.contains(object.get("id").asLong())) {
        continue;
      }
      if (family != null && !family.equals(object.path("family").path("value").asText())) {
        continue;
      }
      Set<String> slugs = new HashSet<>();
      object.path("tags").forEach(t -> slugs.add(t.get("slug").asText()));
      if (slugs.containsAll(tags)) {
        matching.add(object);
      }
    }
    int limit = url.queryParameter("limit") == null ? 50 : Integer.parseInt(url.queryParameter("limit"));
    limit = limit == 0 ? maxPageSize : Math.min(limit, maxPageSize);
    int offset = url.queryParameter("offset") == null ? 0 : Integer.parseInt(url.queryParameter("offset"));
    String fields = url.queryParameter("fields");
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    page.put("count", matching.size());
    int end = Math.min(matching.size(), offset + limit);
    page.put("next", end < matching.size()
        ? url.newBuilder().setQueryParameter("offset", Integer.toString(end)).build().toString() : null);
    page.putNull("previous");
    ArrayNode results = page.putArray("results");
    for (int i = offset; i < end; i++) {
      results.add(project(matching.get(i), fields));
    }
    return json(200, page.toString());
  }

  private Set<String> knownTags() {
    Set<String> slugs = new HashSet<>();
    for (String kind : ENDPOINTS.values()) {
      data.get(kind).forEach(o -> o.path("tags").forEach(t -> slugs.add(t.get("slug").asText())));
    }
    return slugs;
  }

  private static JsonNode project(JsonNode object, String fields) {
    if (fields == null) {
      return object;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String field : fields.split(",")) {
      if (object.has(field)) {
        out.set(field, object.get(field));
      }
    }
    return out;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
