package org.keagen.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Kea's HTTP control channel: the Kea 2.x Control Agent, which forwards to kea-dhcp4 when the
 * command names {@code "service": ["dhcp4"]}, or Kea 3.0's own HTTP socket, which accepts the same
 * form. Basic auth when credentials are given; HTTPS verified unless explicitly turned off.
 */
public final class HttpControlChannel implements ControlChannel {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> SERVICE = List.of("dhcp4");

  private final URI uri;
  private final BasicCredentials credentials;
  private final Duration timeout;
  private final HttpClient client;

  private HttpControlChannel(URI uri, BasicCredentials credentials, Duration timeout, HttpClient client) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.credentials = credentials;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = client;
  }

  /** A channel to {@code uri} ({@code http} or {@code https}). */
  public static HttpControlChannel of(URI uri, ChannelSettings settings) throws ControlChannelException {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    if (uri.getScheme().equalsIgnoreCase("https")) {
      builder.sslContext(TlsContexts.create(settings.tls()));
    }
    return new HttpControlChannel(uri, settings.credentials(), settings.timeout(), builder.build());
  }

  @Override
  public String endpoint() {
    return uri.toString();
  }

  @Override
  public ControlResponse send(ControlCommand command) throws ControlChannelException {
    String body;
    try {
      body = MAPPER.writeValueAsString(command.toJson(SERVICE));
    } catch (JsonProcessingException e) {
      throw new ControlChannelException("cannot encode " + command.name(), e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (credentials != null) {
      request.header("Authorization", credentials.header());
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new ControlChannelException("timed out after " + timeout.toSeconds() + " s connecting to " + uri, e);
    } catch (HttpTimeoutException e) {
      throw new ControlChannelException("timed out after " + timeout.toSeconds() + " s waiting for the answer to "
          + command.name() + " from " + uri, e);
    } catch (ConnectException e) {
      throw new ControlChannelException("cannot connect to " + uri + " (is the Kea control agent or HTTP socket"
          + " listening there?)", e);
    } catch (SSLException e) {
      throw new ControlChannelException("TLS with " + uri + " failed: " + e.getMessage()
          + " (give the CA with the CA-certificate option, or check the server certificate's names)", e);
    } catch (IOException e) {
      throw new ControlChannelException("cannot talk to " + uri + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlChannelException("interrupted while sending " + command.name() + " to " + uri, e);
    }
    return answer(response, command);
  }

  private ControlResponse answer(HttpResponse<String> response, ControlCommand command)
      throws ControlChannelException {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new ControlChannelException(uri + " refused the credentials (HTTP " + status + ")"
          + (credentials == null ? "; it requires basic auth" : ""));
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new ControlChannelException("the answer to " + command.name() + " from " + uri + " (HTTP " + status
          + ") is not JSON");
    }
    if (status != 200 && (json == null || !(json.isObject() || json.isArray()))) {
      throw new ControlChannelException(uri + " answered HTTP " + status + " to " + command.name());
    }
    try {
      return ControlResponse.parse(json);
    } catch (ControlChannelException e) {
      throw new ControlChannelException("the answer to " + command.name() + " from " + uri + " (HTTP " + status
          + "): " + e.getMessage(), e);
    }
  }

  private static String describe(IOException e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e.getClass().getSimpleName() : cause.getMessage();
  }
}
