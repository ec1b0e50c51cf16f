package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte comparison with a file under {@code source-netbox/src/test/resources/}; run with
 * {@code -Dgolden.update=true} to rewrite the file deliberately.
 */
final class Golden {

  private Golden() {}

  static Path resource(String relative) {
    String repo = System.getProperty("keagen.repo.dir");
    Path root = repo == null ? Path.of("").toAbsolutePath().getParent() : Path.of(repo);
    return root.resolve("source-netbox/src/test/resources").resolve(relative);
  }

  static void assertMatches(String relative, String actual) throws IOException {
    Path file = resource(relative);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    assertTrue(Files.exists(file), "golden file " + file + " is missing; create it with -Dgolden.update=true");
    String expected = Files.readString(file);
    if (!expected.equals(actual)) {
      Path copy = Path.of("target", "golden-actual", relative);
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, actual);
      assertEquals(expected, actual, "differs from golden file " + file + " (actual output in "
          + copy.toAbsolutePath() + "; rewrite deliberately with -Dgolden.update=true)");
    }
  }
}
