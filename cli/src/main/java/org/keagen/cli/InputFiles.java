package org.keagen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input files with a size bound, so that a device or an endless pipe cannot fill memory. */
public final class InputFiles {
  /** The largest snapshot or existing config keagen reads. */
  public static final int MAX_BYTES = 512 * 1024 * 1024;

  private InputFiles() {}

  /** The file's bytes; fails when it holds more than {@link #MAX_BYTES}. */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES);
      if (in.read() != -1) {
        throw new IOException("larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    }
  }
}
