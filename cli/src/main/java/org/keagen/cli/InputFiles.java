package org.keagen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keagen.json.StrictUtf8;

/**
 * How every command reads the user's files: with a size bound, so that a device or an endless pipe
 * cannot fill memory; text as UTF-8 without repair, so that a stray byte is reported with its line
 * and byte offset instead of silently becoming U+FFFD; and an existing output file only when it is
 * a regular file, so that a pipe in its place cannot block the run.
 */
public final class InputFiles {
  /** The largest snapshot, config, template or other input file keagen reads. */
  public static final int MAX_BYTES = 512 * 1024 * 1024;

  private InputFiles() {}

  /** Text that is not UTF-8; the message gives the first bad byte, its line and offset. */
  public static final class NotUtf8Exception extends IOException {
    NotUtf8Exception(String problem) {
      super(problem);
    }
  }

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

  /**
   * The file's text, read as {@link #read} does and decoded strictly.
   *
   * @throws NotUtf8Exception when the bytes are not UTF-8 ({@link IoReason} gives its message)
   */
  public static String readText(Path file) throws IOException {
    StrictUtf8.Decoded decoded = StrictUtf8.decode(read(file));
    if (!decoded.ok()) {
      // "is not UTF-8 text: invalid byte 0xff at line 3 (byte offset 41)", without the "is "
      throw new NotUtf8Exception(decoded.problem().replaceFirst("^is ", ""));
    }
    return decoded.text();
  }

  /**
   * The bytes of the output file a command is about to replace, or {@code null} when there is none.
   * Anything but a regular file there (a directory, a pipe, a device, a socket) is refused before
   * it is opened: reading a pipe would block, a device might never end, and neither can be replaced.
   *
   * @param option where the path came from, for the hint, e.g. {@code -o (or 'output' in the config file)}
   */
  static byte[] readExistingOutput(Path output, String option) throws FindingException {
    if (!existingOutput(output, option)) {
      return null;
    }
    try {
      return read(output);
    } catch (IOException e) {
      throw unreadable(output, option, e);
    }
  }

  /**
   * True when the output file a command is about to replace exists and can be read, which is
   * checked as {@link #readExistingOutput} checks it, without reading it.
   */
  static boolean existingOutput(Path output, String option) throws FindingException {
    if (!Files.exists(output)) {
      return false;
    }
    if (!Files.isRegularFile(output)) {
      throw new FindingException(Finding.error(Finding.OUTPUT_UNWRITABLE, output.toString(),
          Files.isDirectory(output) ? "is a directory" : "is not a regular file (a device, a pipe or a socket)",
          "give " + option + " the path of a regular file"));
    }
    try {
      Files.newInputStream(output).close();
    } catch (IOException e) {
      throw unreadable(output, option, e);
    }
    return true;
  }

  private static FindingException unreadable(Path output, String option, IOException e) {
    return new FindingException(Finding.error(Finding.FILE_UNREADABLE, output.toString(),
        "cannot read the existing output file: " + IoReason.of(e), "check " + option));
  }
}
