package org.keagen.source.netbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that progress is drawn only for a person watching. */
final class Terminal {

  private Terminal() {}

  /**
   * On Linux, file descriptor 2 resolves to a {@code /dev/pts/N} or {@code /dev/ttyN} device when it
   * is a terminal; elsewhere Java can only tell whether the console (stdin and stdout) is one.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
