package org.keagen.source.netbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.source.SourceException;
import org.keagen.source.UnverifiedTls;

/**
 * GETs JSON from NetBox: the token in the {@code Authorization} header, bounded retries with
 * exponential backoff on 429, 5xx and connection errors, and one clear {@link SourceException}
 * (URL, status, what to check) for everything else. No message it produces contains the token.
 */
final class NetboxHttp implements AutoCloseable {
  private static final ObjectMapper MAPPER = SnapshotJson.newMapper();
  private static final int MAX_DETAIL = 300;

  private final OkHttpClient client;
  private final ApiToken token;
  private final NetboxSourceConfig config;
  private final ProgressSink sink;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  NetboxHttp(ApiToken token, NetboxSourceConfig config) {
    this.token = token;
    this.config = config;
    this.sink = config.progress();
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.connectTimeout())
        .connectionPool(new ConnectionPool(config.parallelism(), 1, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .followRedirects(false);
    if (config.insecure()) {
      builder.sslSocketFactory(UnverifiedTls.socketFactory(), UnverifiedTls.TRUST_ALL)
          .hostnameVerifier((host, session) -> true);
    }
    this.client = builder.build();
  }

  /** GETs one URL and parses the JSON answer, retrying what is worth retrying. */
  JsonNode get(HttpUrl url) throws SourceException {
    Request request = new Request.Builder().url(url).header("Authorization", token.authorization())
        .header("Accept", "application/json").get().build();
    int attempts = config.retries() + 1;
    String lastProblem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (cancelled) {
        throw cancelledError(url);
      }
      long started = System.nanoTime();
      Call call = client.newCall(request);
      inFlight.add(call);
      Duration retryAfter = null;
      try (Response response = call.execute()) {
        String body = response.body().string();
        int code = response.code();
        debug(url, code + "", started, attempt);
        if (code == 200) {
          return parse(url, body, response.header("Content-Type"));
        }
        if (!retryable(code)) {
          throw statusError(url, code, response.message(), body, response.header("Location"));
        }
        lastProblem = "HTTP " + code + reason(response.message());
        if (code == 429) {
          retryAfter = retryAfter(response.header("Retry-After"));
        }
      } catch (SSLPeerUnverifiedException | SSLHandshakeException e) {
        debug(url, "TLS failure", started, attempt);
        throw tlsError(url, e);
      } catch (UnknownHostException e) {
        debug(url, "unknown host", started, attempt);
        throw new SourceException("cannot resolve the host of " + url.host() + " (" + display(url) + ")",
            "check --url", e);
      } catch (IOException e) {
        if (cancelled) {
          throw cancelledError(url);
        }
        debug(url, "failed: " + describe(e), started, attempt);
        lastProblem = describe(e);
      } finally {
        inFlight.remove(call);
      }
      if (attempt < attempts) {
        sleep(retryAfter != null ? retryAfter : backoff(attempt), url);
      }
    }
    throw new SourceException("NetBox request " + display(url) + " failed " + attempts + " times; last: "
        + lastProblem, exhaustedHint(url, lastProblem));
  }

  /** What to do when every attempt failed with {@code problem}. */
  private String exhaustedHint(HttpUrl url, String problem) {
    if (problem != null && problem.startsWith("HTTP")) {
      return "NetBox is overloaded or failing; try again later or lower the parallelism";
    }
    if (problem != null && problem.startsWith("timed out")) {
      long ms = config.readTimeout().toMillis();
      return "NetBox did not answer within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
          + ": check its load and logs,"
          + " or lower the page size so that each page is quicker";
    }
    return "check that NetBox is running and reachable at "
        + display(url.newBuilder().encodedPath("/").query(null).build());
  }

  /** Aborts every request in flight; later {@link #get} calls fail at once. */
  void cancelAll() {
    cancelled = true;
    inFlight.forEach(Call::cancel);
  }

  @Override
  public void close() {
    cancelAll();
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  private JsonNode parse(HttpUrl url, String body, String contentType) throws SourceException {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
      String where = e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset();
      throw new SourceException("NetBox answered " + display(url) + " with "
          + (json ? "invalid or truncated JSON" + where : "something that is not JSON (content type "
              + (contentType == null ? "none" : contentType) + ")")
          + " (" + body.length() + " characters)",
          json ? "a proxy or the server cut the answer short; try again, and check NetBox's logs"
              : "check that --url points at NetBox itself, not a login page or a proxy");
    }
  }

  private SourceException statusError(HttpUrl url, int code, String message, String body, String location) {
    String detail = detail(body);
    String what = "NetBox answered HTTP " + code + reason(message) + " for " + display(url)
        + (detail.isEmpty() ? "" : ": " + detail);
    String hint = switch (code) {
      case 401 -> "the token was not accepted: check NETBOX_TOKEN or --token-file (v1 tokens are sent as"
          + " 'Token', v2 tokens 'nbt_KEY.SECRET' as 'Bearer'), and that it is enabled and not expired";
      case 403 -> "the token's user may not read this: it needs view permission on ipam.prefix,"
          + " ipam.ipaddress, dcim.interface and dcim.device (and the token may restrict source IPs)";
      case 404 -> "check --url: give NetBox's base URL (e.g. https://netbox.example.net), and use"
          + " NetBox 4.2 or later";
      case 400 -> "NetBox rejected the query: check that the tag slugs exist (a filter on an unknown tag"
          + " is an error) and the custom field names";
      default -> code >= 300 && code < 400
          ? "NetBox redirected" + (location == null ? "" : " to " + token.redact(location))
              + ": give the final URL as --url, e.g. https:// instead of http://"
          : "check NetBox's logs";
    };
    return new SourceException(what, hint);
  }

  private SourceException tlsError(HttpUrl url, IOException e) {
    return new SourceException("the TLS certificate of " + url.host() + " was not accepted: " + describe(e),
        "add NetBox's CA to Java's trust store (or -Djavax.net.ssl.trustStore=...);"
            + " --insecure skips verification but lets anyone in between read the token");
  }

  private SourceException cancelledError(HttpUrl url) {
    return new SourceException("request to " + display(url) + " was abandoned after another request failed", "");
  }

  /** NetBox's {@code detail} text or the start of the body, without the token. */
  private String detail(String body) {
    String text = body == null ? "" : body.strip();
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node.has("detail")) {
        text = node.get("detail").asText();
      } else {
        text = node.toString();
      }
    } catch (JsonProcessingException e) {
      if (text.startsWith("<")) {
        return "(an HTML page)";
      }
    }
    text = text.replaceAll("\\s+", " ");
    if (text.length() > MAX_DETAIL) {
      text = text.substring(0, MAX_DETAIL) + "...";
    }
    return token.redact(text);
  }

  private static boolean retryable(int code) {
    return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  private Duration backoff(int attempt) {
    long base = config.retryBackoff().toMillis();
    long max = NetboxSourceConfig.MAX_BACKOFF.toMillis();
    long exponential = Math.min(max, base << Math.min(attempt - 1, 20));
    // between half and all of it, so that parallel workers do not retry in lockstep
    long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      if (seconds < 0) {
        return null;
      }
      Duration wanted = Duration.ofSeconds(seconds);
      return wanted.compareTo(NetboxSourceConfig.MAX_BACKOFF) > 0 ? NetboxSourceConfig.MAX_BACKOFF : wanted;
    } catch (NumberFormatException e) {
      return null; // an HTTP date: use the backoff instead
    }
  }

  private void sleep(Duration delay, HttpUrl url) throws SourceException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelledError(url);
    }
  }

  private void debug(HttpUrl url, String outcome, long started, int attempt) {
    long ms = (System.nanoTime() - started) / 1_000_000;
    sink.debug("GET " + display(url) + " -> " + outcome + " in " + ms + " ms"
        + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
  }

  /** A URL as printed: never with user info (the token travels in a header, not in URLs). */
  static String display(HttpUrl url) {
    return url.newBuilder().username("").password("").build().toString();
  }

  private String describe(IOException e) {
    String kind;
    if (e instanceof SocketTimeoutException) {
      kind = "timed out";
    } else if (e instanceof ConnectException) {
      kind = "connection refused or unreachable";
    } else if (e instanceof InterruptedIOException) {
      kind = "interrupted";
    } else if (e instanceof SSLException) {
      kind = "TLS error";
    } else {
      kind = "connection error";
    }
    String message = e.getMessage();
    return token.redact(message == null || message.isBlank() ? kind : kind + ": " + message);
  }

  private static String reason(String message) {
    return message == null || message.isBlank() ? "" : " " + message;
  }
}
