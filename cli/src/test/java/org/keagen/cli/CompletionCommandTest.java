package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keagen completion}: the script, loaded into a real bash, completes commands and options. */
class CompletionCommandTest {

  @TempDir
  Path dir;

  /** Runs bash with the completion script loaded and returns what it completes {@code words} to. */
  private String complete(Path script, String words) throws IOException, InterruptedException {
    String program = "source " + script + "\n"
        + "COMP_WORDS=(" + words + ")\n"
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
        + "_complete_keagen keagen \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n"
        + "complete -p keagen\n";
    Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, bash.exitValue(), out);
    return out;
  }

  @Test
  void completesSubcommandsAndOptionsInBash() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    CliRun run = CliRun.of("completion");
    assertEquals(0, run.exit(), run.err());
    Path script = Files.writeString(dir.resolve("keagen-completion.bash"), run.out());

    String subcommands = complete(script, "keagen ''");
    String options = complete(script, "keagen generate --det");
    String sources = complete(script, "keagen generate --source ''");

    List<String> lines = subcommands.lines().toList();
    assertTrue(lines.containsAll(List.of("completion", "generate", "push", "snapshot", "validate")), subcommands);
    assertTrue(subcommands.contains("-F _complete_keagen keagen"), subcommands);
    assertTrue(options.lines().toList().contains("--detailed-exitcode"), options);
    assertTrue(sources.lines().toList().containsAll(List.of("netbox", "nautobot", "snapshot")), sources);
  }
}
