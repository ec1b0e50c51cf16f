package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blast-radius guard, on its own and through {@code generate}. */
class RemovalGuardTest {

  @TempDir
  Path dir;

  Path snapshot;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    snapshot = dir.resolve("snapshot.json");
    output = dir.resolve("kea-dhcp4.conf");
  }

  private CliRun generateFrom(String snapshotText, String... extra) throws IOException {
    Files.writeString(snapshot, snapshotText, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("generate", "--snapshot", snapshot.toString(), "-o", output.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static RemovalGuard.Inventory inventory(String json) {
    return RemovalGuard.Inventory.read(json).orElseThrow();
  }

  // the rule

  @Test
  void countsSubnetsByCidrAndReservationsByAddressInEveryScope() throws IOException {
    RemovalGuard.Inventory inventory = inventory("""
        {"Dhcp4": {"reservations": [{"ip-address": "10.0.0.5", "hw-address": "aa:bb:cc:dd:ee:ff"},
                                    {"client-id": "01:02"}],
                   "subnet4": [{"subnet": "10.0.0.0/24", "reservations": [{"ip-address": "10.0.0.6"}]}],
                   "shared-networks": [{"subnet4": [{"subnet": "10.9.0.0/24"}]}]}}
        """);

    assertEquals(List.of("10.0.0.0/24", "10.9.0.0/24"), List.copyOf(inventory.subnets()));
    assertEquals(List.of("ip 10.0.0.5", "client-id 01:02", "ip 10.0.0.6"), List.copyOf(inventory.reservations()));
  }

  @Test
  void movingAReservationBetweenScopesIsNoRemoval() throws IOException {
    RemovalGuard.Inventory global = inventory("""
        {"Dhcp4": {"reservations": [{"ip-address": "10.0.0.5"}], "subnet4": [{"subnet": "10.0.0.0/24"}]}}
        """);
    RemovalGuard.Inventory inSubnet = inventory("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24", "reservations": [{"ip-address": "10.0.0.5"}]}]}}
        """);

    assertEquals(Optional.empty(), RemovalGuard.check("f", global, inSubnet, 0));
  }

  @Test
  void theLimitIsInclusive() throws IOException {
    RemovalGuard.Inventory four = inventory("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24"}, {"subnet": "10.0.1.0/24"}, {"subnet": "10.0.2.0/24"},
                               {"subnet": "10.0.3.0/24"}]}}
        """);
    RemovalGuard.Inventory three = inventory("""
        {"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24"}, {"subnet": "10.0.1.0/24"}, {"subnet": "10.0.2.0/24"}]}}
        """);

    assertEquals(Optional.empty(), RemovalGuard.check("f", four, three, 25), "1 of 4 is 25%: allowed");
    Finding refused = RemovalGuard.check("f", four, three, 24).orElseThrow();
    assertEquals("removal-over-limit", refused.code());
    assertEquals("the new config would remove 1 of 4 subnets (25%) and 0 of 0 reservations, more than the limit"
        + " of 24%", refused.message());
  }

  @Test
  void anEmptyResultIsRefusedWhateverTheLimit() throws IOException {
    RemovalGuard.Inventory one = inventory("{\"Dhcp4\": {\"subnet4\": [{\"subnet\": \"10.0.0.0/24\"}]}}");
    RemovalGuard.Inventory none = inventory("{\"Dhcp4\": {\"subnet4\": []}}");

    assertEquals("empty-source", RemovalGuard.check("f", one, none, 100).orElseThrow().code());
    assertEquals(Optional.empty(), RemovalGuard.check("f", none, none, 0), "nothing to lose");
    assertEquals(Optional.empty(), RemovalGuard.check("f", none, one, 0));
  }

  // through generate

  @Test
  void removingMoreThanTheDefaultQuarterIsRefusedWithTheCounts() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(8)).exit());
    byte[] before = Files.readAllBytes(output);

    CliRun run = generateFrom(Fixtures.snapshot(5), "--detailed-exitcode");

    assertEquals(1, run.exit(), run.err());
    assertEquals(List.of(
        "error[removal-over-limit] " + output + ": the new config would remove 3 of 8 subnets (37.5%) and 3 of 8"
            + " reservations (37.5%), more than the limit of 25% (fix: check the source and the filters; raise"
            + " --max-removal-percent or pass --force to write it anyway)",
        "keagen: 1 errors, nothing written"), run.errLines());
    assertArrayEquals(before, Files.readAllBytes(output));
  }

  @Test
  void removingUpToTheLimitIsWritten() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(8)).exit());

    CliRun run = generateFrom(Fixtures.snapshot(6));

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.summary().endsWith(" changed"), run.summary());
  }

  @Test
  void aHigherLimitOrForceLetsTheRemovalThrough() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(8)).exit());
    assertEquals(0, generateFrom(Fixtures.snapshot(5), "--max-removal-percent", "40").exit());

    CliRun forced = generateFrom(Fixtures.snapshot(1), "--force");

    assertEquals(0, forced.exit(), forced.err());
    assertTrue(forced.err().startsWith("warning[removal-over-limit] "), forced.err());
    assertTrue(forced.summary().startsWith("keagen: 1 subnets, 1 pools, 1 reservations, 1 warnings;"), forced.summary());
  }

  @Test
  void anEmptySourceNeverOverwritesANonEmptyConfigWithoutForce() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(3)).exit());
    byte[] before = Files.readAllBytes(output);

    CliRun refused = generateFrom(Fixtures.empty(), "--max-removal-percent", "100");

    assertEquals(1, refused.exit(), refused.err());
    assertTrue(refused.err().startsWith("error[empty-source] " + output + ": the new config has no subnets and no"
        + " reservations, but the existing file has 3 subnets and 3 reservations"), refused.err());
    assertArrayEquals(before, Files.readAllBytes(output));

    CliRun forced = generateFrom(Fixtures.empty(), "--force");
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(forced.err().startsWith("warning[empty-source] "), forced.err());
    assertTrue(Files.readString(output).contains("\"subnet4\": []"), Files.readString(output));
  }

  @Test
  void theGuardAlsoFailsACheck() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(4)).exit());

    CliRun run = generateFrom(Fixtures.snapshot(1), "--check", "--diff", "--detailed-exitcode");

    assertEquals(1, run.exit(), "an error, not 'would change'");
    assertTrue(run.err().startsWith("error[removal-over-limit] "), run.err());
    assertTrue(run.out().startsWith("--- a/"), "the diff still shows what would change");
  }

  @Test
  void theLimitCanComeFromTheConfigFileAndIsCheckedForRange() throws IOException {
    assertEquals(0, generateFrom(Fixtures.snapshot(8)).exit());
    Path config = Files.writeString(dir.resolve("keagen.yaml"), "max-removal-percent: 50\n");

    assertEquals(0, generateFrom(Fixtures.snapshot(5), "--config", config.toString()).exit());
    assertEquals(64, generateFrom(Fixtures.snapshot(5), "--max-removal-percent", "101").exit());
  }
}
