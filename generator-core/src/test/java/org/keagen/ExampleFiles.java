package org.keagen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's {@code examples/} and {@code schemas/} are, for tests. */
public final class ExampleFiles {
  private ExampleFiles() {}

  /** The repository root, from the {@code keagen.repo.dir} system property the build sets. */
  public static Path repoDir() {
    String dir = System.getProperty("keagen.repo.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("system property keagen.repo.dir is not set; run the tests through Maven");
    }
    Path repo = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(repo.resolve("schemas"))) {
      throw new IllegalStateException("keagen.repo.dir " + repo + " has no schemas/ folder; run Maven from the repository root");
    }
    return repo;
  }

  /** A file under {@code schemas/}. */
  public static Path schema(String name) {
    return repoDir().resolve("schemas").resolve(name);
  }

  /** Every {@code examples/<case>/} folder that holds a {@code snapshot.json}, sorted by name. */
  public static List<Path> exampleDirs() {
    Path examples = repoDir().resolve("examples");
    try (Stream<Path> dirs = Files.list(examples)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("snapshot.json"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + examples, e);
    }
  }

  /** The text of a file, read as UTF-8. */
  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
