package org.keagen.source.nautobot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Nautobot for adapter tests: a MockWebServer answering {@code GET /api/status/} and
 * {@code POST /api/graphql/}, the latter by executing the request's real query document with
 * graphql-java against Nautobot's schema ({@link NautobotSchema}) over fixture data. So a query
 * asking for a field Nautobot does not have fails here as it would on the server.
 *
 * <p>Fixture data ({@code fake/*.json} under the test resources) is in the schema's own shape:
 * {@code prefixes}, {@code ip_addresses} and {@code config_contexts} lists of rows whose keys are
 * field names ({@code rel_prefix_to_gateway}, {@code cf_ztp_enabled}, {@code tags: [{name}]},
 * {@code config_context_schema: {name}}, ...). The list fields filter like Nautobot's: by tag
 * names ({@code tags}), schema names ({@code schema}) and {@code is_active}, an unknown tag or
 * schema name being an error, then {@code offset} and {@code limit}.
 *
 * <p>Faults: {@link #intercept} answers chosen requests with a canned response before the fake
 * does; {@link #failWith} adds a GraphQL error to chosen queries; {@link #editAfter} changes the
 * data once a chosen query has been answered, as someone editing Nautobot during a fetch would.
 */
public final class FakeNautobot implements AutoCloseable {
  /** The token the fake accepts. */
  public static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static GraphQL shared;

  private final Map<String, Object> data;
  private final GraphQL graphql;
  private final MockWebServer server = new MockWebServer();
  private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();
  private final List<ErrorRule> errorRules = new CopyOnWriteArrayList<>();
  private final List<EditRule> editRules = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile String version = NautobotSchema.VERSION;

  /** One GraphQL request the fake received. */
  public record Call(String operationName, JsonNode variables, String query) {
    public int offset() {
      return variables.path("offset").asInt(-1);
    }

    public String firstTag() {
      return variables.path("tags").path(0).asText(null);
    }
  }

  private record Interceptor(Predicate<RecordedRequest> when, Function<RecordedRequest, MockResponse> answer,
      int[] remaining) {}

  private record ErrorRule(Predicate<Call> when, String message) {}

  private record EditRule(Predicate<Call> when, Consumer<Map<String, Object>> edit, boolean[] done) {}

  private FakeNautobot(Map<String, Object> data) {
    this.data = data;
    this.graphql = shared();
  }

  /** One executable schema for all fakes (building it takes seconds); each request names its fake. */
  private static synchronized GraphQL shared() {
    if (shared == null) {
      shared = GraphQL.newGraphQL(NautobotSchema.build(wiring -> wiring.type("Query", type -> type
          .dataFetcher("prefixes", env -> fake(env).list("prefixes", env))
          .dataFetcher("ip_addresses", env -> fake(env).list("ip_addresses", env))
          .dataFetcher("config_contexts", env -> fake(env).list("config_contexts", env))))).build();
    }
    return shared;
  }

  private static FakeNautobot fake(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(FakeNautobot.class);
  }

  /** A fake serving the fixture {@code fake/<name>.json}. */
  public static FakeNautobot start(String fixture) {
    return start(read(fixture));
  }

  /** A fake serving {@code data}. */
  public static FakeNautobot start(Map<String, Object> data) {
    return start(data, null);
  }

  /** A fake serving the fixture {@code fake/<name>.json} over TLS with {@code tls}. */
  public static FakeNautobot startHttps(String fixture, javax.net.ssl.SSLSocketFactory tls) {
    return start(read(fixture), tls);
  }

  private static FakeNautobot start(Map<String, Object> data, javax.net.ssl.SSLSocketFactory tls) {
    FakeNautobot fake = new FakeNautobot(data);
    if (tls != null) {
      fake.server.useHttps(tls);
    }
    fake.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fake.answer(request);
      }
    });
    try {
      fake.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fake;
  }

  /** The fixture {@code fake/<name>.json} as plain maps and lists, to change before starting. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(String fixture) {
    String path = "/fake/" + fixture + ".json";
    try (InputStream in = FakeNautobot.class.getResourceAsStream(path)) {
      return MAPPER.readValue(Objects.requireNonNull(in, path), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public MockWebServer server() {
    return server;
  }

  /** The version {@code api/status/} reports. */
  public void version(String value) {
    version = value;
  }

  /** Answers the next {@code times} requests matching {@code when} with {@code answer}. */
  public void intercept(Predicate<RecordedRequest> when, int times, Function<RecordedRequest, MockResponse> answer) {
    interceptors.add(new Interceptor(when, answer, new int[] {times}));
  }

  /** Adds a GraphQL error with {@code message} to every query matching {@code when}. */
  public void failWith(Predicate<Call> when, String message) {
    errorRules.add(new ErrorRule(when, message));
  }

  /**
   * Applies {@code edit} to the served data (its lists of rows can be changed in place) right after
   * the first query matching {@code when} has been answered.
   */
  public void editAfter(Predicate<Call> when, Consumer<Map<String, Object>> edit) {
    editRules.add(new EditRule(when, edit, new boolean[1]));
  }

  /** The GraphQL requests received, in order. */
  public List<Call> calls() {
    return Collections.unmodifiableList(new ArrayList<>(calls));
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    for (Interceptor interceptor : interceptors) {
      synchronized (interceptor) {
        if (interceptor.remaining[0] > 0 && interceptor.when.test(request)) {
          interceptor.remaining[0]--;
          return interceptor.answer.apply(request);
        }
      }
    }
    if (!("Token " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return json(403, Map.of("detail", "Invalid token"));
    }
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/status/") && request.getMethod().equals("GET")) {
      return json(200, Map.of("nautobot-version", version, "python-version", "3.12.1"));
    }
    if (path.equals("/api/graphql/") && request.getMethod().equals("POST")) {
      return graphql(request);
    }
    return json(404, Map.of("detail", "Not found."));
  }

  @SuppressWarnings("unchecked")
  private MockResponse graphql(RecordedRequest request) {
    JsonNode body;
    try {
      body = MAPPER.readTree(request.getBody().utf8());
    } catch (IOException e) {
      return json(400, Map.of("errors", List.of(Map.of("message", "Must provide query string."))));
    }
    Call call = new Call(body.path("operationName").asText(null), body.path("variables"),
        body.path("query").asText());
    calls.add(call);
    ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
        .query(call.query())
        .operationName(call.operationName())
        .variables(MAPPER.convertValue(call.variables(), Map.class))
        // Nautobot (graphql-core) answers several __type lookups in one request; graphql-java
        // refuses them by default as "not in good faith"
        .graphQLContext(Map.of(FakeNautobot.class, this, GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true))
        .build());
    Map<String, Object> spec = new java.util.LinkedHashMap<>(result.toSpecification());
    List<Object> errors = new ArrayList<>((List<Object>) spec.getOrDefault("errors", List.of()));
    for (ErrorRule rule : errorRules) {
      if (rule.when.test(call)) {
        errors.add(Map.of("message", rule.message, "locations", List.of(Map.of("line", 2, "column", 3))));
      }
    }
    if (!errors.isEmpty()) {
      spec.put("errors", errors);
    }
    for (EditRule rule : editRules) {
      synchronized (rule) {
        if (!rule.done[0] && rule.when.test(call)) {
          rule.done[0] = true;
          rule.edit.accept(data);
        }
      }
    }
    // graphene answers 400 when the document does not validate (no data at all), 200 otherwise
    int code = !spec.containsKey("data") || spec.get("data") == null && !errors.isEmpty() ? 400 : 200;
    return json(code, spec);
  }

  @SuppressWarnings("unchecked")
  private Object list(String key, DataFetchingEnvironment env) {
    {
      List<Map<String, Object>> rows = (List<Map<String, Object>>) data.getOrDefault(key, List.of());
      List<String> tags = env.getArgument("tags");
      List<String> schemas = env.getArgument("schema");
      Boolean active = env.getArgument("is_active");
      List<String> unknown = new ArrayList<>();
      if (tags != null) {
        List<String> known = (List<String>) data.getOrDefault("known_tags", List.of());
        tags.stream().filter(t -> !known.contains(t)).forEach(unknown::add);
      }
      if (schemas != null) {
        List<String> known = (List<String>) data.getOrDefault("known_schemas", List.of());
        schemas.stream().filter(s -> !known.contains(s)).forEach(unknown::add);
      }
      if (!unknown.isEmpty()) {
        // what Nautobot's filter sets say about a name they do not know
        String field = tags != null ? "tags" : "schema";
        return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env)
            .message("{'" + field + "': ['Select a valid choice. " + unknown.get(0)
                + " is not one of the available choices.']}").build()).build();
      }
      List<Map<String, Object>> matching = rows.stream()
          .filter(row -> tags == null || names(row.get("tags")).stream().anyMatch(tags::contains))
          .filter(row -> schemas == null || schemas.contains(name(row.get("config_context_schema"))))
          .filter(row -> active == null || active.equals(row.getOrDefault("is_active", true)))
          .toList();
      Integer offset = env.getArgument("offset");
      Integer limit = env.getArgument("limit");
      int from = Math.min(offset == null ? 0 : offset, matching.size());
      int to = limit == null || limit == 0 ? matching.size() : Math.min(matching.size(), from + limit);
      return matching.subList(from, to);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Object objects) {
    if (!(objects instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(o -> name(o)).filter(Objects::nonNull).toList();
  }

  @SuppressWarnings("unchecked")
  private static String name(Object object) {
    return object instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("name") : null;
  }

  private static MockResponse json(int code, Object body) {
    try {
      return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
          .body(MAPPER.writeValueAsString(body)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
