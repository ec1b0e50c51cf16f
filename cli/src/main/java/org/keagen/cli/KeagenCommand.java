package org.keagen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code keagen} command: usage errors exit 64, data and I/O errors exit 1, and {@code generate
 * --detailed-exitcode} exits 2 for a changed file. A usage error prints its message and where to
 * find help, or one JSON object with {@code --output-format json}.
 */
@Command(name = "keagen",
    description = "Generates ISC Kea DHCPv4 configuration from a network source of truth.",
    mixinStandardHelpOptions = true,
    versionProvider = KeagenCommand.Version.class,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:success", " 1:errors in the data, the source or a file; nothing written",
        " 2:generate --detailed-exitcode: the output changed (or would)", "64:usage error"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  keagen generate --snapshot snapshot.json -o kea-dhcp4.conf",
        "  keagen generate --config keagen.yaml --check --diff",
        "  keagen snapshot --config keagen.yaml -o snapshot.json",
        "  keagen validate /etc/kea/kea-dhcp4.conf --kea-version 2.6",
        "  source <(keagen completion)",
        "Run 'keagen COMMAND --help' for a command's options."},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
public final class KeagenCommand implements Runnable {
  /** Success. */
  public static final int EXIT_OK = 0;
  /** Errors in the data or in reading or writing files; nothing was written. */
  public static final int EXIT_ERROR = 1;
  /** {@code generate --detailed-exitcode}: the output changed, or would change with {@code --check}. */
  public static final int EXIT_CHANGED = 2;
  /** The command line itself is wrong (BSD's {@code EX_USAGE}). */
  public static final int EXIT_USAGE = 64;

  @Spec
  CommandSpec spec;

  private final CliEnvironment environment;

  KeagenCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    int exit;
    try {
      exit = commandLine(CliEnvironment.system(), args).execute(args);
    } catch (OutOfMemoryError e) {
      // every write is atomic and comes last, so nothing was written
      System.err.println("keagen: error[out-of-memory]: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB) is too small for this source of truth; nothing was written"
          + " (fix: give keagen a larger heap, e.g. KEAGEN_JAVA_OPTS=-Xmx2g for the keagen launcher,"
          + " or java -Xmx2g -jar)");
      exit = EXIT_ERROR;
    }
    System.exit(exit);
  }

  /** The configured command line, writing UTF-8 to stdout and stderr whatever the platform default. */
  public static CommandLine commandLine() {
    return commandLine(CliEnvironment.system());
  }

  /** The command line over the given environment variables and sources, with every subcommand. */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, new String[0]);
  }

  /**
   * The command line for running {@code args}: when they start with a subcommand's name, only that
   * subcommand is built (picocli reads every option of every subcommand it is given, half of a
   * small run's start-up), otherwise all of them, for help, suggestions and completion.
   */
  public static CommandLine commandLine(CliEnvironment environment, String[] args) {
    CommandLine commandLine = new CommandLine(new KeagenCommand(environment));
    String named = args.length > 0 ? args[0] : "";
    boolean one = SUBCOMMANDS.containsKey(named) && !named.equals("completion");
    SUBCOMMANDS.forEach((name, command) -> {
      if (!one || name.equals(named)) {
        commandLine.addSubcommand(name, command.get());
      }
    });
    commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    commandLine.setParameterExceptionHandler(KeagenCommand::usageError);
    return commandLine;
  }

  /** The subcommands by name, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("generate", GenerateCommand::new);
    commands.put("snapshot", SnapshotCommand::new);
    commands.put("validate", ValidateCommand::new);
    commands.put("push", PushCommand::new);
    commands.put("completion", CompletionCommand::new); // completes every subcommand: never built alone
    return Collections.unmodifiableMap(commands);
  }

  /** The environment subcommands read variables and open sources through. */
  CliEnvironment environment() {
    return environment;
  }

  /**
   * A usage error: its message and a pointer to the help (picocli's suggestions for a mistyped
   * option too), or one JSON finding when the arguments ask for {@code --output-format json}.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    String help = failed.getCommandSpec().qualifiedName() + " --help";
    if (wantsJson(args)) {
      // one finding per problem: a config file may have several, one line each
      for (String line : e.getMessage().split("\n")) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", "finding");
        node.put("severity", "error");
        node.put("code", Finding.USAGE);
        node.put("object", failed.getCommandSpec().qualifiedName());
        node.put("message", line);
        node.put("hint", "see '" + help + "'");
        err.println(node.toString());
      }
    } else {
      err.println(e.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
        err.println("Try '" + help + "' for more information.");
      }
    }
    err.flush();
    return failed.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static boolean wantsJson(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--output-format=json") || (args[i].equals("--output-format") && i + 1 < args.length
          && args[i + 1].equals("json"))) {
        return true;
      }
    }
    return false;
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
