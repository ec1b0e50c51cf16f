package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run names its subcommand first, and only that one is built; anything else sees all of them. */
class SubcommandsTest {
  private static final CliEnvironment NONE = CliEnvironment.of(Map.of());
  private static final List<String> ALL = List.of("generate", "snapshot", "validate", "push", "completion");

  private static List<String> built(String... args) {
    return List.copyOf(KeagenCommand.commandLine(NONE, args).getSubcommands().keySet());
  }

  @Test
  void aRunOfOneSubcommandBuildsOnlyIt() {
    assertEquals(List.of("generate"), built("generate", "--snapshot", "s.json"));
    assertEquals(List.of("validate"), built("validate", "kea.conf"));
    assertEquals(List.of("push"), built("push", "--help"));
  }

  @Test
  void helpSuggestionsAndCompletionSeeEverySubcommand() {
    assertEquals(ALL, built());
    assertEquals(ALL, built("--help"));
    assertEquals(ALL, built("generat"));
    assertEquals(ALL, built("completion"));
  }
}
