package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keagen generate --source netbox|nautobot} against the real servers that {@code .ci/run}
 * starts ({@code scripts/netbox/setup.sh}, {@code scripts/nautobot/setup.sh}): the command writes
 * exactly the golden config the adapters' own integration tests hold, and never prints the token.
 * Skips loudly when a server's variables are not set.
 */
class SourceServersTest {
  @TempDir
  Path dir;

  private static Path golden(String path) {
    return Path.of(System.getProperty("keagen.repo.dir", "..")).resolve(path);
  }

  private void generatesTheGolden(String source, String urlVariable, String tokenVariable, String setup, Path golden)
      throws IOException {
    String url = System.getenv(urlVariable);
    String tokenFile = System.getenv(tokenVariable);
    if (url == null || tokenFile == null) {
      System.err.println("*** SKIPPED: no " + source + " server; run " + setup + " and source its env file");
    }
    assumeTrue(url != null && tokenFile != null, "no " + source + " server; run " + setup);
    Path output = dir.resolve("kea-dhcp4.conf");

    CliRun run = CliRun.of("generate", "--source", source, "--url", url, "--token-file", tokenFile,
        "--kea-version", "2.2", "-o", output.toString());

    assertEquals(0, run.exit(), run.err());
    assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(output), golden + " differs from the output");
    String token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
    assertFalse(run.err().contains(token) || run.out().contains(token), "the token was printed");
  }

  @Test
  void netboxGivesItsGoldenConfig() throws IOException {
    generatesTheGolden("netbox", "KEAGEN_NETBOX_URL", "KEAGEN_NETBOX_TOKEN_FILE", "scripts/netbox/setup.sh",
        golden("source-netbox/src/test/resources/netbox/integration/kea-dhcp4.conf"));
  }

  @Test
  void nautobotGivesItsGoldenConfig() throws IOException {
    generatesTheGolden("nautobot", "KEAGEN_NAUTOBOT_URL", "KEAGEN_NAUTOBOT_TOKEN_FILE", "scripts/nautobot/setup.sh",
        golden("source-nautobot/src/test/resources/nautobot/integration/realistic-site.kea-2.2.conf"));
  }
}
