package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a failed run must leave as it was: every file and directory under a working directory, with
 * its type, modification time and (for regular files) content.
 */
final class DirectoryState {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  private DirectoryState() {}

  /** Gives every regular file and directory a modification time no run can produce. */
  static void age(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        if (!Files.isSymbolicLink(p) && (Files.isRegularFile(p) || Files.isDirectory(p))) {
          Files.setLastModifiedTime(p, LONG_AGO);
        }
      }
    }
  }

  /** Type, modification time and (for regular files) content of everything under {@code root}. */
  static Map<String, String> of(Path root) throws IOException {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what;
        if (a.isSymbolicLink()) {
          what = "link to " + Files.readSymbolicLink(p);
        } else if (a.isDirectory()) {
          what = "directory " + a.lastModifiedTime();
        } else if (a.isRegularFile()) {
          what = "file " + a.lastModifiedTime() + " " + Arrays.hashCode(Files.readAllBytes(p)) + " " + a.size();
        } else {
          what = "other " + a.lastModifiedTime();
        }
        state.put(root.relativize(p).toString(), what);
      }
    }
    return state;
  }

  static void mkfifo(Path path) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
