package org.keagen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs keagen in this JVM with its own environment variables and sources, capturing what it prints. */
record CliRun(int exit, String out, String err) {

  static CliRun of(CliEnvironment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = KeagenCommand.commandLine(environment, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** No environment variables, this build's sources. */
  static CliRun of(String... args) {
    return of(CliEnvironment.of(Map.of()), args);
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The last line on stderr: the summary. */
  String summary() {
    List<String> lines = errLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
