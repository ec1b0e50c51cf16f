package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/ansible/playbook.yml}, run by the real ansible-playbook (ansible-core from PyPI)
 * with the README's command, in a copy of the repository's examples with {@code ./keagen} running
 * this build's jar: changed=1, then changed=0, and a source error fails the task.
 */
class AnsiblePlaybookIT {
  /** The README's command, run as it is. */
  static final String README_COMMAND = "ansible-playbook -i examples/ansible/inventory.ini examples/ansible/playbook.yml"
      + " \\\n    -e keagen=$PWD/keagen -e keagen_config=$PWD/examples/keagen.yaml";
  private static final Pattern RECAP = Pattern.compile("localhost\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+"
      + "unreachable=0\\s+failed=(\\d+)");

  @TempDir
  Path work;

  Path ansible;
  Path home;

  @BeforeEach
  void copyOfTheExamples() throws IOException {
    ansible = RealTools.require("ansible-playbook");
    home = Files.createDirectories(work.resolve("home"));
    Path repo = RealTools.repoDir();
    for (String file : List.of("examples/keagen.yaml", "examples/cumulus-ztp-fabric/snapshot.json",
        "examples/ansible/playbook.yml", "examples/ansible/inventory.ini")) {
      Files.createDirectories(work.resolve(file).getParent());
      Files.copy(repo.resolve(file), work.resolve(file));
    }
    Files.createDirectories(work.resolve("out"));
    RealTools.keagenWrapper(work, "keagen");
  }

  /** Runs the README's command; returns ok, changed and failed of the recap, and the output. */
  private Recap playbook() throws IOException, InterruptedException {
    RealTools.Result result = RealTools.run(work, List.of(ansible.getParent()), home,
        Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString()), 5,
        "bash", "-c", README_COMMAND);
    var matcher = RECAP.matcher(result.output());
    assertTrue(matcher.find(), result.output());
    return new Recap(result.exit(), Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)), result.output());
  }

  private record Recap(int exit, int ok, int changed, int failed, String output) {}

  @Test
  void changedOnceThenUnchangedAndASourceErrorFailsTheTask() throws IOException, InterruptedException {
    assertTrue(RealTools.readme().contains(README_COMMAND), "the README shows the command tested here");
    Path output = work.resolve("out/kea-dhcp4.conf");

    Recap first = playbook();
    assertEquals(0, first.exit(), first.output());
    assertEquals(1, first.changed(), first.output());
    assertEquals(0, first.failed(), first.output());
    assertArrayEquals(Files.readAllBytes(RealTools.repoDir().resolve("examples/cumulus-ztp-fabric/kea-dhcp4.conf")),
        Files.readAllBytes(output), "the example's expected config (Kea 2.2, site ams1)");

    Recap second = playbook();
    assertEquals(0, second.exit(), second.output());
    assertEquals(1, second.ok(), second.output());
    assertEquals(0, second.changed(), second.output());

    byte[] before = Files.readAllBytes(output);
    Path snapshot = work.resolve("examples/cumulus-ztp-fabric/snapshot.json");
    String text = Files.readString(snapshot);
    Files.writeString(snapshot, text.substring(0, text.length() / 3));
    Recap broken = playbook();
    assertEquals(2, broken.exit(), "ansible-playbook exits 2 when a task failed:\n" + broken.output());
    assertEquals(1, broken.failed(), broken.output());
    assertEquals(0, broken.changed(), broken.output());
    assertTrue(broken.output().contains("error[snapshot-invalid]"), broken.output());
    assertArrayEquals(before, Files.readAllBytes(output), "the config stays as it was");
  }
}
