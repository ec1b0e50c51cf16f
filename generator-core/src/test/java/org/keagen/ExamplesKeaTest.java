package org.keagen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.keagen.kea.KeaVersion;
import org.keagen.validate.KeaCheck;

/**
 * Every example's expected config for Kea 2.2 ({@code examples/<case>/kea-dhcp4.conf}) is accepted
 * by the real {@code kea-dhcp4 -t} 2.2 (Debian 12's Kea). The check runs on a copy whose interface
 * list is empty, so it does not depend on this machine's interfaces.
 */
class ExamplesKeaTest {

  @TestFactory
  Stream<DynamicTest> kea22AcceptsEveryExamplesConfig() {
    Optional<KeaCheck> kea = KeaCheck.find().filter(k -> k.version().filter(KeaVersion.V2_2::equals).isPresent());
    if (kea.isEmpty()) {
      System.err.println("*** SKIPPED: kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    }
    assumeTrue(kea.isPresent(), "kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    assertFalse(ExampleFiles.exampleDirs().isEmpty(), "no examples found");
    return ExampleFiles.exampleDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Path config = dir.resolve(ExamplesGoldenTest.expectedFile(KeaVersion.V2_2));
      KeaCheck.Result result = kea.get().check(ExampleFiles.read(config));
      assertTrue(result.accepted(), () -> config + " is rejected by kea-dhcp4 -t: " + result.reason());
    }));
  }
}
