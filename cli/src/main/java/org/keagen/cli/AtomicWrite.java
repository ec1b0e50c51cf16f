package org.keagen.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Replaces a file's content atomically and only when it changes: the bytes go to a temporary file
 * in the same directory, are flushed to disk, take over the old file's permissions, owner and
 * group, and are renamed over the target (the file a symbolic link points to); the directory is
 * then flushed too. Readers see the old file or the new one, never a partial one. The old bytes
 * may be kept as {@code FILE.bak}, written the same way.
 */
final class AtomicWrite {
  private AtomicWrite() {}

  /**
   * Writes {@code content} to {@code target} unless {@code current} (the target's bytes, or {@code
   * null} when it does not exist) already equals it.
   *
   * @param warnings told when the old file's owner or group cannot be kept
   * @return true when the file was written
   */
  static boolean ifChanged(Path target, byte[] content, byte[] current, Consumer<String> warnings)
      throws IOException {
    return ifChanged(target, content, current, false, warnings);
  }

  /**
   * As {@link #ifChanged(Path, byte[], byte[], Consumer)}; with {@code backup}, the replaced bytes
   * are first kept, atomically too, in {@code FILE.bak} beside the file (with its permissions).
   */
  static boolean ifChanged(Path target, byte[] content, byte[] current, boolean backup, Consumer<String> warnings)
      throws IOException {
    if (current != null && Arrays.equals(current, content)) {
      return false;
    }
    // through a symbolic link, the file it points to is replaced and the link kept
    Path absolute = current != null ? target.toRealPath() : target.toAbsolutePath();
    if (backup && current != null) {
      replace(absolute.resolveSibling(absolute.getFileName() + ".bak"), current, absolute, warnings);
    }
    replace(absolute, content, current != null ? absolute : null, warnings);
    return true;
  }

  /** Something that writes a file's new content to a stream, e.g. a document too large to hold in memory. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * {@link #ifChanged(Path, byte[], byte[], Consumer)} for content written as it is made: it goes to
   * the temporary file, which is compared with the target (when {@code exists}) and dropped when equal.
   */
  static boolean ifChanged(Path target, Content content, boolean exists, Consumer<String> warnings) throws IOException {
    Path absolute = exists ? target.toRealPath() : target.toAbsolutePath();
    Path existing = exists ? absolute : null;
    return replace(absolute, content, existing, existing, warnings);
  }

  /** Temp file, fsync, attributes of {@code attributesFrom} (if any), rename, directory fsync. */
  private static void replace(Path absolute, byte[] content, Path attributesFrom, Consumer<String> warnings)
      throws IOException {
    replace(absolute, out -> out.write(content), null, attributesFrom, warnings);
  }

  /**
   * {@link #replace(Path, byte[], Path, Consumer)} for streamed content; with {@code unlessEqualTo},
   * nothing is replaced when that file already has the same bytes. True when the file was replaced.
   */
  private static boolean replace(Path absolute, Content content, Path unlessEqualTo, Path attributesFrom,
      Consumer<String> warnings) throws IOException {
    Path dir = absolute.getParent();
    Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (unlessEqualTo != null && Files.mismatch(temp, unlessEqualTo) < 0) {
        return false;
      }
      if (attributesFrom != null) {
        keepAttributes(attributesFrom, temp, warnings);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically in " + dir, e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
    return true;
  }

  private static void keepAttributes(Path from, Path to, Consumer<String> warnings) throws IOException {
    PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (target == null) {
      return; // not a POSIX file system: the new file has the default attributes
    }
    PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
    PosixFileAttributes fresh = target.readAttributes();
    try {
      if (!old.group().equals(fresh.group())) {
        target.setGroup(old.group());
      }
      if (!old.owner().equals(fresh.owner())) {
        target.setOwner(old.owner());
      }
    } catch (IOException e) {
      warnings.accept("could not keep the owner and group of " + from + " (" + IoReason.of(e)
          + "); the new file belongs to " + fresh.owner().getName() + ":" + fresh.group().getName());
    }
    target.setPermissions(old.permissions());
  }

  /** Makes the rename durable; some platforms cannot open a directory, which is not an error. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // the rename itself has happened; only its durability across a crash is not forced
    }
  }
}
