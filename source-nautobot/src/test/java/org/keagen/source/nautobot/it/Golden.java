package org.keagen.source.nautobot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Golden files under {@code source-nautobot/src/test/resources/}: compared byte for byte (JSONAssert
 * first, for a readable difference); {@code -Dgolden.update=true} rewrites them instead.
 */
final class Golden {
  private Golden() {}

  static Path path(String resource) {
    return Path.of(System.getProperty("keagen.repo.dir", "."), "source-nautobot/src/test/resources", resource);
  }

  static void assertMatches(String resource, String actual) throws IOException, JSONException {
    Path file = path(resource);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      System.err.println("golden file rewritten: " + file);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError("no golden file " + file + "; write it with -Dgolden.update=true");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
    assertEquals(expected, actual, "same JSON, different bytes: " + file);
  }
}
