package org.keagen.source.nautobot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The live servers the integration tests use, named by environment variables; a test without
 * its server is skipped with a loud message naming the script that starts it.
 */
final class LiveServers {
  private LiveServers() {}

  /** A server's URL and a supplier reading its token file when the fetch starts. */
  record Server(String url, Path tokenFile) {
    Supplier<String> token() {
      return () -> {
        try {
          return Files.readString(tokenFile).strip();
        } catch (IOException e) {
          throw new IllegalStateException("cannot read the token file " + tokenFile, e);
        }
      };
    }
  }

  /** The Nautobot of {@code scripts/nautobot/setup.sh}, or the test is skipped. */
  static Server nautobot() {
    return server("KEAGEN_NAUTOBOT_URL", "KEAGEN_NAUTOBOT_TOKEN_FILE", "scripts/nautobot/setup.sh");
  }

  /** The NetBox of {@code scripts/netbox/setup.sh}, or the test is skipped. */
  static Server netbox() {
    return server("KEAGEN_NETBOX_URL", "KEAGEN_NETBOX_TOKEN_FILE", "scripts/netbox/setup.sh");
  }

  private static Server server(String urlVariable, String tokenVariable, String script) {
    String url = System.getenv(urlVariable);
    String tokenFile = System.getenv(tokenVariable);
    boolean present = url != null && !url.isBlank() && tokenFile != null && Files.isReadable(Path.of(tokenFile));
    if (!present) {
      String message = "SKIPPED: " + urlVariable + " and " + tokenVariable + " are not both set (to a URL and a"
          + " readable token file); run " + script + " and export the two lines it prints to run this test";
      System.err.println("*** " + message + " ***");
      Assumptions.abort(message);
    }
    return new Server(url, Path.of(tokenFile));
  }
}
