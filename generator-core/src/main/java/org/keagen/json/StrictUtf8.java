package org.keagen.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as UTF-8 without repairing anything: a malformed sequence (a stray byte, an
 * overlong form, an encoded surrogate, UTF-16 text) is reported with its line and byte offset
 * instead of silently becoming U+FFFD.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** The text, or the problem with the bytes ({@code text} is then {@code null}). */
  public record Decoded(String text, String problem) {
    public boolean ok() {
      return text != null;
    }
  }

  /**
   * What {@link #decode} would report for the bytes of {@code in}, or {@code null} when they are
   * UTF-8, read in chunks so that a large file needs no text of its own size.
   */
  public static String problem(InputStream in) throws IOException {
    return problem(in, 64 * 1024);
  }

  static String problem(InputStream in, int chunk) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.allocate(chunk);
    byte[] bytes = buffer.array();
    CharBuffer out = CharBuffer.allocate(chunk);
    long consumed = 0; // bytes before the buffer's start
    long lines = 1; // lines up to the buffer's start
    boolean end = false;
    while (true) {
      if (!end) {
        int read = in.read(bytes, buffer.position(), buffer.remaining());
        if (read < 0) {
          end = true;
        } else {
          buffer.position(buffer.position() + read);
        }
      }
      buffer.flip();
      int start = buffer.position();
      int asciiNewlines = asciiNewlines(bytes, start, buffer.limit());
      if (asciiNewlines >= 0) {
        buffer.position(buffer.limit()); // ASCII is UTF-8 as it is: nothing to decode
        lines += asciiNewlines;
      } else {
        CoderResult result = decoder.decode(buffer, out, end);
        while (result.isOverflow()) {
          out.clear();
          result = decoder.decode(buffer, out, end);
        }
        if (!result.isError() && end) {
          result = decoder.flush(out);
        }
        if (result.isError()) {
          return message(bytes[buffer.position()], lines + newlines(bytes, start, buffer.position()),
              consumed + buffer.position());
        }
        out.clear();
        lines += newlines(bytes, start, buffer.position());
      }
      consumed += buffer.position();
      if (end) {
        return null;
      }
      buffer.compact();
    }
  }

  /** Eight bytes of an array as one number, for the checks below. */
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x7f7f7f7f7f7f7f7fL;
  private static final long LINE_FEEDS = 0x0a0a0a0a0a0a0a0aL;
  private static final long ONES = 0x0101010101010101L;

  /**
   * The number of line feeds in the range when it is all ASCII, else -1; eight bytes at a time (a
   * quarter of the time a byte at a time takes on a large snapshot).
   */
  private static int asciiNewlines(byte[] bytes, int from, int to) {
    int count = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) WORDS.get(bytes, i);
      if ((word & HIGH_BITS) != 0) {
        return -1;
      }
      // a byte of the XOR is zero where the word has a line feed: its high bit is set exactly there
      long feeds = word ^ LINE_FEEDS;
      long atFeeds = ~(((feeds & LOW_BITS) + LOW_BITS) | feeds | LOW_BITS);
      if (atFeeds != 0) {
        // one per line feed in each byte, summed into the top byte (Long.bitCount is a call under C1)
        count += (int) ((atFeeds >>> 7) * ONES >>> 56);
      }
    }
    for (; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) {
        return -1;
      }
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  private static int newlines(byte[] bytes, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  private static String message(byte invalid, long line, long offset) {
    return "is not UTF-8 text: invalid byte " + String.format("0x%02x", invalid & 0xff)
        + " at line " + line + " (byte offset " + offset + ")";
  }

  public static Decoded decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Decoded(null, message(bytes[offset], line, offset));
    }
    return new Decoded(out.flip().toString(), null);
  }
}
