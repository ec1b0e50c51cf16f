package org.keagen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.keagen.kea.KeaVersion;

/**
 * The corpus's Kea 2.2 cases against the real {@code kea-dhcp4 -t} 2.2: every config the corpus
 * marks as rejected by Kea is rejected by it (so keagen, which rejects all of them, is never looser
 * than Kea), and every one it marks as accepted is accepted by it (so the rule is one Kea misses).
 */
class InvalidConfigsAgainstKeaTest {

  @TestFactory
  Stream<DynamicTest> kea22AgreesWithTheCorpusOnWhatItRejects() throws Exception {
    Optional<KeaCheck> kea = KeaCheck.find().filter(k -> k.version().filter(KeaVersion.V2_2::equals).isPresent());
    if (kea.isEmpty()) {
      System.err.println("*** SKIPPED: kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    }
    assumeTrue(kea.isPresent(), "kea-dhcp4 2.2 is not installed; run scripts/install-kea.sh (Debian 12)");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode testCase : InvalidConfigCorpusTest.corpus()) {
      if (InvalidConfigCorpusTest.version(testCase) != KeaVersion.V2_2) {
        continue;
      }
      boolean rejects = testCase.get("kea-2.2-rejects").asBoolean();
      tests.add(DynamicTest.dynamicTest(testCase.get("name").asText() + (rejects ? " (Kea rejects)" : " (Kea misses)"),
          () -> {
            KeaCheck.Result result = kea.get().check(testCase.get("config").toString());
            assertEquals(!rejects, result.accepted(), () -> "kea-dhcp4 -t said: " + result.reason());
          }));
    }
    return tests.stream();
  }
}
