package org.keagen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.Generator;
import org.keagen.plan.DhcpPlan;
import org.keagen.resolve.SubnetIdHistory;
import org.keagen.snapshot.SnapshotJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keagen generate}: snapshot in, Kea config out. Every diagnostic goes to stderr; with any
 * error nothing is written. The output file is replaced atomically, and only when its bytes change.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate kea-dhcp4.conf from the source of truth and write it to FILE or stdout.",
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
final class GenerateCommand implements Callable<Integer> {

  /** Where the facts come from. */
  enum Source { snapshot, netbox, nautobot }

  @Spec
  CommandSpec spec;

  @Option(names = "--source", paramLabel = "KIND", defaultValue = "snapshot",
      description = "Source of truth: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Source source;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "The snapshot file to read (--source snapshot).")
  Path snapshotFile;

  @Option(names = "--kea-version", paramLabel = "VERSION", converter = KeaVersionConverter.class,
      description = "The Kea version the config is for: 2.2, 2.4, 2.6 or 3.0 (default: the newest).")
  KeaVersion keaVersion = KeaVersion.newest();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the config here (its subnet ids are kept); default: stdout.")
  Path outputFile;

  @Override
  public Integer call() {
    if (source != Source.snapshot) {
      throw usage("--source " + source + " is not available yet in this build; use --source snapshot");
    }
    if (snapshotFile == null) {
      throw usage("Missing required option: '--snapshot=FILE' (with --source snapshot)");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Diagnostic> diagnostics = new ArrayList<>();
    byte[] snapshotBytes;
    try {
      snapshotBytes = InputFiles.read(snapshotFile);
    } catch (IOException e) {
      return fail(err, "cannot read snapshot " + snapshotFile + ": " + IoReason.of(e));
    }
    SnapshotJson.ReadResult read = SnapshotJson.read(snapshotBytes, snapshotFile.toString());
    diagnostics.addAll(read.diagnostics());
    SubnetIdHistory history = SubnetIdHistory.none();
    byte[] previous = null;
    if (outputFile != null && Files.exists(outputFile)) {
      if (!Files.isRegularFile(outputFile)) {
        return report(err, List.of(unwritable(Files.isDirectory(outputFile) ? "is a directory"
            : "is not a regular file (a device, a pipe or a socket)")));
      }
      try {
        previous = InputFiles.read(outputFile);
      } catch (IOException e) {
        return report(err, List.of(unwritable("cannot be read: " + IoReason.of(e))));
      }
      SubnetIdHistory.ReadResult ids = SubnetIdHistory.fromKeaConfig(previous, outputFile.toString());
      diagnostics.addAll(ids.diagnostics());
      history = ids.history();
    }
    if (!read.ok() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return report(err, diagnostics);
    }
    Generation generation = Generator.run(read.snapshot(),
        GenerationOptions.defaults().withSubnetIds(history).withKeaVersion(keaVersion));
    diagnostics.addAll(generation.diagnostics());
    if (!generation.ok()) {
      return report(err, diagnostics);
    }
    diagnostics.forEach(d -> err.println(d.toLine()));
    String where;
    if (outputFile == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(generation.configText());
      out.flush();
      if (out.checkError()) {
        return fail(err, "cannot write the config to stdout");
      }
      where = "written to stdout";
    } else {
      try {
        boolean changed = AtomicWrite.ifChanged(outputFile, generation.configText().getBytes(StandardCharsets.UTF_8),
            previous, warning -> err.println("warning: " + warning));
        where = outputFile + (changed ? " changed" : " unchanged");
      } catch (IOException e) {
        return report(err, List.of(unwritable("cannot be written: " + IoReason.of(e))));
      }
    }
    err.println(summary(generation.plan(), diagnostics.size(), where));
    return KeagenCommand.EXIT_OK;
  }

  private static String summary(DhcpPlan plan, int warnings, String where) {
    return "keagen: " + plan.subnets().size() + " subnets, " + plan.poolCount() + " pools, "
        + plan.reservationCount() + " reservations, " + warnings + " warnings; " + where;
  }

  /** Prints the diagnostics; fails when there is an error among them (a reader's findings are errors). */
  private static int report(PrintWriter err, List<Diagnostic> diagnostics) {
    diagnostics.forEach(d -> err.println(d.toLine()));
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    err.println("keagen: " + errors + " errors, nothing written");
    return KeagenCommand.EXIT_ERROR;
  }

  private Diagnostic unwritable(String what) {
    return Diagnostic.error(DiagnosticCode.OUTPUT_UNWRITABLE, outputFile.toString(), what,
        "give -o the path of a regular file in a directory keagen may write to");
  }

  private static int fail(PrintWriter err, String line) {
    err.println("keagen: " + line);
    return KeagenCommand.EXIT_ERROR;
  }

  /** Reads {@code --kea-version}; an unsupported version is a usage error. */
  static final class KeaVersionConverter implements CommandLine.ITypeConverter<KeaVersion> {
    @Override
    public KeaVersion convert(String value) {
      return KeaVersion.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "expected one of " + String.join(", ", KeaVersion.labels()) + " but was '" + value + "'"));
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
