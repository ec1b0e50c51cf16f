package org.keagen.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.keagen.json.JsonErrors;

/**
 * Kea's unix control socket: one connection per command; Kea answers with one JSON object and
 * closes. Every wait is bounded by the timeout.
 */
public final class UnixSocketChannel implements ControlChannel {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path socket;
  private final Duration timeout;

  private UnixSocketChannel(Path socket, Duration timeout) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public static UnixSocketChannel of(Path socket, Duration timeout) {
    return new UnixSocketChannel(socket, timeout);
  }

  @Override
  public String endpoint() {
    return "unix:" + socket;
  }

  @Override
  public ControlResponse send(ControlCommand command) throws ControlChannelException {
    if (!Files.exists(socket)) {
      throw new ControlChannelException("no control socket at " + socket + " (is kea-dhcp4 running with this socket?)");
    }
    byte[] request;
    try {
      request = MAPPER.writeValueAsBytes(command.toJson(List.of()));
    } catch (JsonProcessingException e) {
      throw new ControlChannelException("cannot encode " + command.name(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      write(channel, selector, ByteBuffer.wrap(request), deadline, command);
      return ControlResponse.parse(read(channel, selector, deadline, command));
    } catch (IOException e) {
      throw new ControlChannelException("cannot talk to " + endpoint() + ": " + reason(e), e);
    }
  }

  private void write(SocketChannel channel, Selector selector, ByteBuffer buffer, long deadline,
      ControlCommand command) throws IOException, ControlChannelException {
    SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
    while (buffer.hasRemaining()) {
      await(selector, deadline, command, "sending");
      channel.write(buffer);
    }
    key.cancel();
    selector.selectNow();
  }

  /** Reads until Kea closes, or until the bytes so far are one whole JSON value. */
  private JsonNode read(SocketChannel channel, Selector selector, long deadline, ControlCommand command)
      throws IOException, ControlChannelException {
    channel.register(selector, SelectionKey.OP_READ);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (true) {
      await(selector, deadline, command, "waiting for the answer to");
      buffer.clear();
      int count = channel.read(buffer);
      if (count < 0) {
        return parse(received.toByteArray(), command, true);
      }
      received.write(buffer.array(), 0, count);
      if (count > 0 && endsWithBrace(buffer.array(), count)) {
        JsonNode whole = parse(received.toByteArray(), command, false);
        if (whole != null) {
          return whole;
        }
      }
    }
  }

  /** Waits until the channel is ready or the deadline passes; a spurious wake-up just returns. */
  private void await(Selector selector, long deadline, ControlCommand command, String doing)
      throws IOException, ControlChannelException {
    long left = deadline - System.nanoTime();
    if (left > 0) {
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    if (selector.selectedKeys().isEmpty() && System.nanoTime() >= deadline) {
      throw new ControlChannelException("timed out after " + timeout.toSeconds() + " s " + doing + " "
          + command.name() + " on " + endpoint());
    }
    selector.selectedKeys().clear();
  }

  /** Whether the last non-blank byte read closes a JSON value, so the answer may be whole. */
  private static boolean endsWithBrace(byte[] chunk, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (!Character.isWhitespace(chunk[i])) {
        return chunk[i] == '}' || chunk[i] == ']';
      }
    }
    return false;
  }

  /** The JSON value, or {@code null} when incomplete and more may come. */
  private JsonNode parse(byte[] bytes, ControlCommand command, boolean closed) throws ControlChannelException {
    if (bytes.length == 0) {
      throw new ControlChannelException(endpoint() + " closed the connection without answering " + command.name());
    }
    try {
      return MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      if (!closed) {
        return null;
      }
      throw new ControlChannelException("the answer to " + command.name() + " from " + endpoint()
          + " is not JSON" + JsonErrors.describe(e));
    }
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
