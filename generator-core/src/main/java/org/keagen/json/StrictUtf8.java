package org.keagen.json;

import java.nio.ByteBuffer;
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
      return new Decoded(null, "is not UTF-8 text: invalid byte " + String.format("0x%02x", bytes[offset] & 0xff)
          + " at line " + line + " (byte offset " + offset + ")");
    }
    return new Decoded(out.flip().toString(), null);
  }
}
