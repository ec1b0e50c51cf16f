package org.keagen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code keagen} command: usage errors exit 64, data and I/O errors exit 1. */
@Command(name = "keagen",
    description = "Generates ISC Kea DHCPv4 configuration from a network source of truth.",
    mixinStandardHelpOptions = true,
    versionProvider = KeagenCommand.Version.class,
    subcommands = {GenerateCommand.class, ValidateCommand.class, PushCommand.class},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
public final class KeagenCommand implements Runnable {
  /** Success. */
  public static final int EXIT_OK = 0;
  /** Errors in the data or in reading or writing files; nothing was written. */
  public static final int EXIT_ERROR = 1;
  /** The command line itself is wrong (BSD's {@code EX_USAGE}). */
  public static final int EXIT_USAGE = 64;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, writing UTF-8 to stdout and stderr whatever the platform default. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new KeagenCommand());
    commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** The project version, filtered into {@code version.properties} by Maven. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"keagen " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
