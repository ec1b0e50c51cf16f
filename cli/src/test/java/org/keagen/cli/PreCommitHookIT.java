package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code .pre-commit-hooks.yaml}, run by the real pre-commit from PyPI as a user
 * would: a site repository whose {@code .pre-commit-config.yaml} is the README's, pointing at a
 * copy of this repository's hook manifest, with {@code keagen} on PATH. A commit whose
 * kea-dhcp4.conf is stale fails with the diff; once regenerated it passes.
 */
class PreCommitHookIT {
  /** The hook part of the README's .pre-commit-config.yaml; the test's differs only in repo and rev. */
  static final String README_HOOKS = """
          hooks:
            - id: keagen-check
              args: [--config, keagen.yaml]
      """;
  static final String README_INSTALL = "pre-commit install";

  @TempDir
  Path work;

  Path preCommit;
  Path keagen;
  Path bin;
  Path home;
  Map<String, String> env;

  @BeforeEach
  void tools() throws IOException {
    preCommit = RealTools.require("pre-commit");
    RealTools.require("git");
    bin = work.resolve("bin");
    keagen = RealTools.keagenWrapper(bin, "keagen");
    home = Files.createDirectories(work.resolve("home"));
    env = Map.of("PRE_COMMIT_HOME", work.resolve("pre-commit-cache").toString(), "NO_COLOR", "1",
        "GIT_CONFIG_NOSYSTEM", "1");
  }

  private RealTools.Result run(Path dir, String... command) throws IOException, InterruptedException {
    return RealTools.run(dir, List.of(bin, preCommit.getParent()), home, env, 5, command);
  }

  private void ok(Path dir, String... command) throws IOException, InterruptedException {
    RealTools.Result result = run(dir, command);
    assertEquals(0, result.exit(), String.join(" ", command) + ":\n" + result.output());
  }

  private void gitRepo(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    ok(dir, "git", "init", "-q");
    ok(dir, "git", "config", "user.name", "keagen test");
    ok(dir, "git", "config", "user.email", "keagen-test@example.net");
    ok(dir, "git", "config", "commit.gpgsign", "false");
  }

  private int commits(Path dir) throws IOException, InterruptedException {
    RealTools.Result count = run(dir, "git", "rev-list", "--count", "HEAD");
    return count.exit() == 0 ? Integer.parseInt(count.output().trim()) : 0;
  }

  /** A repository holding only this repository's hook manifest, as pre-commit clones it. */
  private String hookRepository(Path dir) throws IOException, InterruptedException {
    gitRepo(dir);
    Files.copy(RealTools.repoDir().resolve(".pre-commit-hooks.yaml"), dir.resolve(".pre-commit-hooks.yaml"));
    ok(dir, "git", "add", ".pre-commit-hooks.yaml");
    ok(dir, "git", "commit", "-q", "-m", "keagen hooks");
    return run(dir, "git", "rev-parse", "HEAD").output().trim();
  }

  @Test
  void theHookFailsWithTheDiffOnAStaleConfigAndPassesOnAFreshOne() throws IOException, InterruptedException {
    assertTrue(RealTools.readme().contains(README_HOOKS), "the README shows the hook configuration tested here");
    assertTrue(RealTools.readme().contains(README_INSTALL));
    Path hooks = work.resolve("keagen-hooks");
    String rev = hookRepository(hooks);
    Path site = work.resolve("site");
    gitRepo(site);
    Files.writeString(site.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: " + hooks.toUri() + "\n    rev: "
        + rev + "\n" + README_HOOKS, StandardCharsets.UTF_8);
    Files.writeString(site.resolve("keagen.yaml"), "snapshot: snapshot.json\noutput: kea-dhcp4.conf\n");
    Files.writeString(site.resolve("snapshot.json"), Fixtures.snapshot(3));
    ok(site, keagen.toString(), "generate", "--config", "keagen.yaml");
    ok(site, preCommit.toString(), "install");

    // a fresh config: the hook passes
    ok(site, "git", "add", "-A");
    RealTools.Result fresh = run(site, "git", "commit", "-m", "DHCP for three subnets");
    assertEquals(0, fresh.exit(), fresh.output());
    assertTrue(fresh.output().contains("kea-dhcp4.conf is up to date with the source of truth"), fresh.output());
    assertTrue(fresh.output().contains("Passed"), fresh.output());
    assertEquals(1, commits(site));

    // the source changed, the config was not regenerated: the hook fails with the diff
    Files.writeString(site.resolve("snapshot.json"), Fixtures.snapshot(4));
    ok(site, "git", "add", "snapshot.json");
    RealTools.Result stale = run(site, "git", "commit", "-m", "a fourth subnet");
    assertNotEquals(0, stale.exit(), stale.output());
    assertTrue(stale.output().contains("Failed"), stale.output());
    assertTrue(stale.output().contains("--- a/kea-dhcp4.conf\n+++ b/kea-dhcp4.conf\n@@ "), stale.output());
    assertTrue(stale.output().contains("+        \"subnet\": \"10.0.3.0/24\""), stale.output());
    assertTrue(stale.output().contains("keagen: 4 subnets, 4 pools, 4 reservations, 0 warnings; kea-dhcp4.conf would"
        + " change (--check: not written)"), stale.output());
    assertEquals(1, commits(site), "the commit was refused");
    assertFalse(Files.readString(site.resolve("kea-dhcp4.conf")).contains("10.0.3.0/24"), "the hook writes nothing");

    // regenerated: the hook passes
    ok(site, keagen.toString(), "generate", "--config", "keagen.yaml");
    ok(site, "git", "add", "kea-dhcp4.conf");
    RealTools.Result regenerated = run(site, "git", "commit", "-m", "a fourth subnet");
    assertEquals(0, regenerated.exit(), regenerated.output());
    assertTrue(regenerated.output().contains("Passed"), regenerated.output());
    assertEquals(2, commits(site));
  }
}
