package org.keagen.source.nautobot.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed golden config of the Nautobot integration site passes the real {@code kea-dhcp4
 * -t} (also when no Nautobot runs), and the check itself rejects a broken config.
 */
class KeaDhcp4CheckTest {

  private static Path kea() {
    Path kea = KeaDhcp4Check.binary();
    if (kea == null) {
      System.err.println("*** KeaDhcp4CheckTest: SKIPPED, kea-dhcp4 is not installed (apt-get install kea-dhcp4-server) ***");
    }
    Assumptions.assumeTrue(kea != null, "kea-dhcp4 is not installed");
    return kea;
  }

  @Test
  void theGoldenConfigIsAcceptedByKea() throws Exception {
    String golden = Files.readString(Golden.path(NautobotIntegrationTest.GOLDEN));

    KeaDhcp4Check.Result result = KeaDhcp4Check.check(kea(), golden);

    assertTrue(result.accepted(), result.output());
  }

  @Test
  void aBrokenConfigIsRejected() throws Exception {
    String broken = Files.readString(Golden.path(NautobotIntegrationTest.GOLDEN))
        .replace("\"10.20.0.0/24\"", "\"10.20.0.0/33\"");

    KeaDhcp4Check.Result result = KeaDhcp4Check.check(kea(), broken);

    assertFalse(result.accepted(), result.output());
  }
}
