package org.keagen.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * Where an object key of a UTF-8 JSON text seems to start, found by a byte search rather than a
 * parse: the first {@code "name"} that a comma or an opening brace comes before and a colon after
 * (JSON whitespace between). Only a guess: those bytes may be inside a string or a nested object,
 * so whoever starts reading there checks that the document has that key at that offset. The search
 * looks at eight bytes at a time for a quote followed by a key's first letter, which the elements
 * of a snapshot's large lists hardly ever hold, and checks only there.
 */
final class KeyGuess {
  /** Bytes searched per read. */
  static final int CHUNK = 1 << 20;
  /** The whitespace a key may have around it that the guess looks through. */
  static final int CONTEXT = 256;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private KeyGuess() {}

  /** The offset of the opening quote of the first key among {@code names} in {@code in}, or -1. */
  static long first(InputStream in, Collection<String> names) throws IOException {
    byte[][] keys = names.stream().map(name -> ('"' + name + '"').getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    int longest = Arrays.stream(keys).mapToInt(key -> key.length).max().orElse(0);
    byte[] buffer = new byte[CONTEXT + CHUNK + longest + CONTEXT];
    int length = 0;
    int from = 0;
    long bufferStart = 0;
    while (true) {
      length += in.readNBytes(buffer, length, buffer.length - length);
      boolean last = length < buffer.length;
      // a key starting before limit has its context after it in the buffer, or the text ends
      int limit = last ? length : length - longest - CONTEXT;
      int found = search(buffer, from, limit, length, keys);
      if (found >= 0) {
        return bufferStart + found;
      }
      if (last) {
        return -1;
      }
      // keep the context before the next start, and what was not searched yet
      int keepFrom = limit - CONTEXT;
      System.arraycopy(buffer, keepFrom, buffer, 0, length - keepFrom);
      bufferStart += keepFrom;
      length -= keepFrom;
      from = CONTEXT;
    }
  }

  /** The first start in [from, limit) of one of {@code keys} as a key in {@code buffer[0, length)}, or -1. */
  private static int search(byte[] buffer, int from, int limit, int length, byte[][] keys) {
    int at = from;
    for (; at + 9 <= limit; at += 8) {
      // a bit at the top of each byte that is a quote, and of each that may be a key's first letter
      long word = (long) WORDS.get(buffer, at);
      long quotes = equalBytes(word, (byte) '"');
      long letters = 0;
      for (byte[] key : keys) {
        letters |= equalBytes(word, key[1]);
      }
      // byte 7's follower is the next word's byte 0
      long nextFirst = buffer[at + 8];
      boolean across = (quotes & 1L << 63) != 0 && isFirstLetter(nextFirst, keys);
      if ((quotes << 8 & letters) != 0 || across) {
        int found = check(buffer, at, at + 8, length, keys);
        if (found >= 0) {
          return found;
        }
      }
    }
    return at < limit ? check(buffer, at, limit, length, keys) : -1;
  }

  /**
   * A bit at the top of each byte of {@code word} that equals {@code b}, and perhaps of bytes above
   * one that does (the borrow), which the check then passes over; never missing one.
   */
  private static long equalBytes(long word, byte b) {
    long v = word ^ (b & 0xffL) * LOW_BITS;
    return (v - LOW_BITS) & ~v & HIGH_BITS;
  }

  private static boolean isFirstLetter(long b, byte[][] keys) {
    for (byte[] key : keys) {
      if (b == key[1]) {
        return true;
      }
    }
    return false;
  }

  /** The first start in [from, to) of one of {@code keys} as a key, or -1. */
  private static int check(byte[] buffer, int from, int to, int length, byte[][] keys) {
    for (int at = from; at < to; at++) {
      if (buffer[at] != '"') {
        continue;
      }
      for (byte[] key : keys) {
        int end = at + key.length;
        if (end <= length && Arrays.equals(buffer, at, end, key, 0, key.length) && isKey(buffer, at, end, length)) {
          return at;
        }
      }
    }
    return -1;
  }

  /** True when a comma or an opening brace comes before {@code start} and a colon at or after {@code end}. */
  private static boolean isKey(byte[] buffer, int start, int end, int length) {
    int before = start - 1;
    while (before >= 0 && isWhitespace(buffer[before])) {
      before--;
    }
    int after = end;
    while (after < length && isWhitespace(buffer[after])) {
      after++;
    }
    return before >= 0 && (buffer[before] == ',' || buffer[before] == '{') && after < length && buffer[after] == ':';
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
