package org.keagen.source.nautobot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.keagen.source.SourceException;
import org.keagen.source.UnverifiedTls;

/**
 * Talks to one Nautobot: {@code POST api/graphql/} with a query document and its variables, and
 * {@code GET api/status/}, with {@code Authorization: Token ...}. Connection errors, timeouts and
 * HTTP 429, 502, 503 and 504 are retried a bounded number of times with doubling delays (a
 * server's {@code Retry-After} is honoured up to {@link NautobotSourceConfig#MAX_BACKOFF}). A
 * response with GraphQL {@code errors} fails, with every message and the query's name, even when
 * it also has data. No message ever holds the token: text the server sends back (bodies, GraphQL
 * error messages) is scrubbed of it before it is quoted.
 */
final class GraphqlClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String REDACTED = "[redacted]";

  private final OkHttpClient http;
  private final BaseUrl base;
  private final String token;
  private final int retries;
  private final Duration backoff;
  private final Duration readTimeout;

  private GraphqlClient(OkHttpClient http, BaseUrl base, String token, int retries, Duration backoff,
      Duration readTimeout) {
    this.http = http;
    this.base = base;
    this.token = token;
    this.retries = retries;
    this.backoff = backoff;
    this.readTimeout = readTimeout;
  }

  /** A client for {@code config}'s server, authenticating with {@code token}. */
  static GraphqlClient create(NautobotSourceConfig config, BaseUrl base, String token) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .followRedirects(false)
        .retryOnConnectionFailure(false);
    if (config.insecure()) {
      builder.sslSocketFactory(UnverifiedTls.socketFactory(), UnverifiedTls.TRUST_ALL)
          .hostnameVerifier((host, session) -> true);
    }
    return new GraphqlClient(builder.build(), base, token, config.retries(), config.retryBackoff(),
        config.readTimeout());
  }

  /** The base URL's display form. */
  String url() {
    return base.display();
  }

  /** {@code GET api/status/}: Nautobot's version and health, and a first check of the token. */
  JsonNode status() throws SourceException {
    HttpUrl url = base.resolve("api/status/");
    Request request = new Request.Builder().url(url).get()
        .header("Authorization", "Token " + token).header("Accept", "application/json").build();
    Reply reply = send(request, "status request");
    if (reply.code != 200) {
      throw httpFailure(reply, url, "status request");
    }
    return parse(reply, url, "status request");
  }

  /**
   * Runs {@code document} with {@code variables} and returns the response's {@code data}.
   *
   * @param what the request in messages, e.g. {@code keagen_dhcp_prefixes (offset 500)}
   */
  JsonNode query(QueryDocument document, ObjectNode variables, String what) throws SourceException {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("query", document.text());
    body.set("variables", variables);
    body.put("operationName", document.operationName());
    HttpUrl url = base.resolve("api/graphql/");
    Request request;
    try {
      request = new Request.Builder().url(url)
          .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
          .header("Authorization", "Token " + token).header("Accept", "application/json").build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Reply reply = send(request, "GraphQL query " + what);
    String query = "Nautobot GraphQL query " + what;
    JsonNode response = null;
    if (reply.looksLikeJson()) {
      try {
        response = MAPPER.readTree(reply.body);
      } catch (JsonProcessingException e) {
        response = null;
      }
    }
    if (response != null && response.isObject() && response.path("errors").isArray()
        && !response.path("errors").isEmpty()) {
      throw GraphqlErrors.failure(query + " at " + url(), response.path("errors"), this::redact);
    }
    if (reply.code != 200) {
      throw httpFailure(reply, url, "GraphQL query " + what);
    }
    if (response == null || !response.isObject()) {
      throw new SourceException(query + " at " + url() + ": the response is not a JSON object"
          + excerpt(reply), "check that the URL is Nautobot's base URL");
    }
    JsonNode data = response.get("data");
    if (data == null || !data.isObject()) {
      throw new SourceException(query + " at " + url() + ": the response has no data and no errors",
          "check the Nautobot server's log");
    }
    return data;
  }

  private Reply send(Request request, String what) throws SourceException {
    int attempt = 0;
    while (true) {
      attempt++;
      String failure;
      Duration wait = delay(attempt);
      try (Response response = http.newCall(request).execute()) {
        String body = response.body().string();
        int code = response.code();
        if (!retryable(code) || attempt > retries) {
          return new Reply(code, body, response.header("Content-Type"), response.header("Location"), attempt);
        }
        failure = "HTTP " + code;
        Duration asked = retryAfter(response.header("Retry-After"));
        if (asked != null) {
          wait = asked;
        }
      } catch (SSLException e) {
        throw new SourceException("TLS with Nautobot at " + url() + " failed (" + what + "): "
            + redact(e.getMessage()),
            "check the server's certificate; --insecure skips the check (not for production)", e);
      } catch (IOException e) {
        failure = describe(e);
        if (attempt > retries) {
          throw new SourceException("cannot reach Nautobot at " + url() + " (" + what + "): " + failure
              + attemptsText(attempt), e instanceof InterruptedIOException
                  ? "Nautobot did not answer within " + millisOrSeconds(readTimeout) + ": check its load and"
                      + " log, or lower the page size so that each page is quicker"
                  : "check the URL and the network, and that Nautobot is running", e);
        }
      }
      sleep(wait, what, failure);
    }
  }

  private Duration delay(int attempt) {
    long millis = backoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, NautobotSourceConfig.MAX_BACKOFF.toMillis()));
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return Duration.ofSeconds(Math.max(0, Math.min(seconds, NautobotSourceConfig.MAX_BACKOFF.toSeconds())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void sleep(Duration wait, String what, String failure) throws SourceException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while waiting to retry " + what + " (" + failure + ")", "");
    }
  }

  private static boolean retryable(int code) {
    return code == 429 || code == 502 || code == 503 || code == 504;
  }

  private SourceException httpFailure(Reply reply, HttpUrl url, String what) {
    String message = "Nautobot at " + url() + " answered HTTP " + reply.code + " to the " + what
        + attemptsText(reply.attempts) + excerpt(reply);
    return switch (reply.code) {
      case 401, 403 -> new SourceException(message,
          "check the token (NAUTOBOT_TOKEN or --token-file): it must be valid and its user must be"
              + " allowed to view prefixes, IP addresses, devices, interfaces and config contexts");
      case 429 -> new SourceException(message, "Nautobot (or a proxy in front of it) kept refusing requests as too"
          + " many: try again later, or raise its rate limit for this token's user");
      case 404 -> new SourceException(message, "check the URL: it must be Nautobot's base URL ("
          + url + " was not found)");
      case 301, 302, 303, 307, 308 -> new SourceException(message + " (a redirect to "
          + reply.location + ")", "give the URL the server redirects to, e.g. https instead of http");
      default -> new SourceException(message, reply.code >= 500
          ? "the server failed; check the Nautobot server's log" : "check the URL and the server");
    };
  }

  private JsonNode parse(Reply reply, HttpUrl url, String what) throws SourceException {
    try {
      JsonNode node = MAPPER.readTree(reply.body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new SourceException("Nautobot at " + url + ": the " + what + " did not return a JSON object"
        + excerpt(reply), "check that the URL is Nautobot's base URL");
  }

  private static String attemptsText(int attempts) {
    return attempts > 1 ? " (after " + attempts + " attempts)" : "";
  }

  /** The start of a body, on one line, for messages, without the token. */
  private String excerpt(Reply reply) {
    String text = reply.body.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "";
    }
    if (reply.looksLikeJson()) {
      try {
        JsonNode node = MAPPER.readTree(reply.body);
        if (node.hasNonNull("detail")) {
          return ": " + redact(node.get("detail").asText());
        }
      } catch (JsonProcessingException e) {
        // fall through to the raw excerpt
      }
    }
    text = redact(text);
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  private String describe(IOException e) {
    String message = redact(e.getMessage());
    if (e instanceof InterruptedIOException) {
      return "timed out" + (message == null ? "" : " (" + message + ")");
    }
    String type = e.getClass().getSimpleName();
    return message == null ? type : type + ": " + message;
  }

  /** {@code text} with the token replaced; {@code null} stays {@code null}. */
  String redact(String text) {
    return text == null ? null : text.replace(token, REDACTED);
  }

  private static String millisOrSeconds(Duration duration) {
    long ms = duration.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** A response read completely. */
  private record Reply(int code, String body, String contentType, String location, int attempts) {
    boolean looksLikeJson() {
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      String start = body.stripLeading();
      return type.contains("json") || start.startsWith("{") || start.startsWith("[");
    }
  }

  /** The messages of a GraphQL {@code errors} array. */
  static final class GraphqlErrors {
    private GraphqlErrors() {}

    static SourceException failure(String query, JsonNode errors, java.util.function.UnaryOperator<String> redact) {
      List<String> messages = new ArrayList<>();
      boolean unknownField = false;
      boolean unknownChoice = false;
      for (JsonNode error : errors) {
        String message = redact.apply(error.path("message").asText(error.toString()));
        // graphql-core (Nautobot) says "Cannot query field"; graphql-java says "FieldUndefined"
        unknownField |= message.contains("Cannot query field") || message.contains("FieldUndefined");
        unknownChoice |= message.contains("valid choice");
        StringBuilder line = new StringBuilder(message);
        JsonNode location = error.path("locations").path(0);
        if (location.has("line")) {
          line.append(" (line ").append(location.path("line").asInt()).append(", column ")
              .append(location.path("column").asInt()).append(')');
        }
        if (error.path("path").isArray() && !error.path("path").isEmpty()) {
          List<String> parts = new ArrayList<>();
          error.path("path").forEach(p -> parts.add(p.asText()));
          line.append(" at ").append(String.join(".", parts));
        }
        messages.add(line.toString());
      }
      String hint;
      if (unknownField) {
        hint = "Nautobot's schema lacks a field keagen asks for: check that the relationship"
            + " (--gateway-relationship) and the custom fields (--ztp-field, --subnet-id-field) exist"
            + " with these keys, and that Nautobot is 2.3 or later";
      } else if (unknownChoice) {
        hint = "a filter value is unknown to Nautobot: check that the tags and config context schemas"
            + " keagen filters on exist";
      } else {
        hint = "check the Nautobot server's log";
      }
      return new SourceException(query + " failed: " + String.join("; ", messages), hint);
    }
  }
}
