package org.keagen.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;

/**
 * Where a sandboxed template writes its output: at most a given number of characters, beyond which
 * it fails as Pebble's own size limit does ({@code "Tried to write more than N chars."}). It is
 * Pebble's fast path for printed values ({@link SpecializedWriter}); Pebble's limit wraps the
 * output in a writer that allocates a buffer for each render, a gigabyte of garbage at a hundred
 * thousand reservations. Every tag that renders into a writer of its own is forbidden in the
 * sandbox, so all output passes through this one.
 */
final class BoundedWriter extends Writer implements SpecializedWriter {
  private final StringBuilder text = new StringBuilder();
  private final int maxChars;

  BoundedWriter(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    reserve(length);
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) {
    reserve(length);
    text.append(string, offset, offset + length);
  }

  @Override
  public void write(int c) {
    reserve(1);
    text.append((char) c);
  }

  @Override
  public void writeSpecialized(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void writeSpecialized(int i) {
    writeSpecialized(String.valueOf(i));
  }

  @Override
  public void writeSpecialized(long l) {
    writeSpecialized(String.valueOf(l));
  }

  @Override
  public void writeSpecialized(double d) {
    writeSpecialized(String.valueOf(d));
  }

  @Override
  public void writeSpecialized(float f) {
    writeSpecialized(String.valueOf(f));
  }

  @Override
  public void writeSpecialized(short s) {
    writeSpecialized(String.valueOf(s));
  }

  @Override
  public void writeSpecialized(byte b) {
    writeSpecialized(String.valueOf(b));
  }

  @Override
  public void writeSpecialized(char c) {
    write(c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }

  private void reserve(int length) {
    if (text.length() + (long) length > maxChars) {
      throw new PebbleException(null, "Tried to write more than " + maxChars + " chars.");
    }
  }
}
