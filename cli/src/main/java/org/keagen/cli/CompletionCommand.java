package org.keagen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keagen completion}: prints the bash (and zsh, through bashcompinit) completion script picocli generates. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print the shell completion script for keagen (bash; zsh after 'autoload -U bashcompinit &&"
        + " bashcompinit')."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(keagen completion)                                  # this shell",
        "  keagen completion > /etc/bash_completion.d/keagen            # every new shell"},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
final class CompletionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("keagen", spec.root().commandLine()));
    out.flush();
    return KeagenCommand.EXIT_OK;
  }
}
