package org.keagen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.keagen.cli.config.KeagenConfig;
import org.keagen.cli.source.SourceSettings;
import org.keagen.json.StrictUtf8;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.plan.DhcpPlan;
import org.keagen.render.ServerTemplate;
import org.keagen.resolve.SubnetIdHistory;
import org.keagen.snapshot.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code keagen generate}: source in, Kea config out. Every finding goes to stderr; with any error
 * nothing is written. The output file is replaced atomically, only when its bytes change, and not
 * when the new config would remove too much of it ({@link RemovalGuard}) unless forced.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Generate kea-dhcp4.conf from the source of truth and write it to FILE (only when its bytes"
        + " change, atomically) or to stdout. Diagnostics and a one-line summary go to stderr."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:written, or unchanged (--check: up to date)",
        " 1:errors in the data, the source or a file; nothing written (--check without"
            + " --detailed-exitcode: also 'would change')",
        " 2:with --detailed-exitcode: the file changed (--check: would change)",
        "64:usage error: a wrong option or config file"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  keagen generate --snapshot snapshot.json -o kea-dhcp4.conf",
        "  keagen generate --config site1.keagen.yaml --detailed-exitcode",
        "  keagen generate --config site1.keagen.yaml --check --diff",
        "  keagen generate --source netbox --url https://netbox.example.net \\",
        "      --token-file ~/.netbox-token --location dc1 --kea-version 2.6 \\",
        "      -o /etc/kea/kea-dhcp4.conf --backup",
        "  KEAGEN_CONFIG=keagen.yaml keagen generate --check --output-format json"},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
final class GenerateCommand implements Callable<Integer> {
  static final int DEFAULT_MAX_REMOVAL_PERCENT = 25;

  @Spec
  CommandSpec spec;

  @ParentCommand
  KeagenCommand parent;

  @Mixin
  SourceOptions sourceOptions;

  @Option(names = "--kea-version", paramLabel = "VERSION", converter = KeaVersionConverter.class, order = 20,
      description = "The Kea version the config is for: 2.2, 2.4, 2.6 or 3.0 (default: the newest).")
  KeaVersion keaVersion;

  @Option(names = "--template", paramLabel = "FILE", order = 21,
      description = "Server skeleton: a Pebble template rendering {\"Dhcp4\": {...}} with the interfaces, lease"
          + " database, loggers, control socket and hooks (default: keagen's templates/kea-dhcp4.json.peb).")
  Path template;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 22,
      description = "Write the config here (its subnet ids are kept); default: stdout.")
  Path outputFile;

  @Option(names = "--check", order = 23,
      description = "Write nothing; exit 0 when FILE is up to date, else 1 (2 with --detailed-exitcode).")
  boolean check;

  @Option(names = "--diff", order = 24, description = "Print the unified diff from FILE to the new config on stdout.")
  boolean diff;

  @Option(names = "--detailed-exitcode", order = 25,
      description = "Exit 0 unchanged, 2 changed (or would change), 1 error, 64 usage error.")
  boolean detailedExitCode;

  @Option(names = "--backup", negatable = true, order = 26,
      description = "Keep the replaced file as FILE.bak.")
  Boolean backup;

  @Option(names = "--max-removal-percent", paramLabel = "N", order = 27,
      description = "Refuse to write when the new config would remove more than N%% of FILE's subnets or"
          + " reservations (default: " + DEFAULT_MAX_REMOVAL_PERCENT + ").")
  Integer maxRemovalPercent;

  @Option(names = "--force", order = 28,
      description = "Write even when the removal guard refuses (more removed than allowed, or an empty result).")
  boolean force;

  /** The existing output file as read: its bytes, text and inventory; all {@code null} when absent. */
  /**
   * The existing output: its bytes, and when it is a Kea config, its inventory and subnet ids. Its
   * text is decoded again only for a diff, so that it is not held while the new config is made.
   */
  private record Previous(byte[] bytes, RemovalGuard.Inventory inventory, SubnetIdHistory history) {
    static final Previous NONE = new Previous(null, null, SubnetIdHistory.none());

    String text() {
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    CliEnvironment env = parent.environment();
    KeagenConfig file = sourceOptions.loadConfig(env, commandLine);
    Reporter reporter = new Reporter(commandLine.getErr(), sourceOptions.format());
    Path output = outputFile != null ? outputFile : file.output();
    KeaVersion version = keaVersion != null ? keaVersion : file.keaVersion() != null ? file.keaVersion()
        : KeaVersion.newest();
    Path templateFile = template != null ? template : file.template();
    int maxRemoval = maxRemovalPercent != null ? maxRemovalPercent : file.maxRemovalPercent() != null
        ? file.maxRemovalPercent() : DEFAULT_MAX_REMOVAL_PERCENT;
    boolean keepBackup = backup != null ? backup : Boolean.TRUE.equals(file.backup());
    checkUsage(output, maxRemoval);
    try {
      SourceSettings settings = sourceOptions.settings(file, env, commandLine);
      ServerTemplate skeleton = templateFile == null ? ServerTemplate.defaultTemplate() : readTemplate(templateFile);
      Previous previous = output == null ? Previous.NONE : readPrevious(output, reporter);
      if (reporter.hasErrors()) {
        return reporter.failed();
      }
      // handed over as the only reference, so that the snapshot (at scale the largest object) can be
      // collected once it is resolved
      AtomicReference<Snapshot> snapshot =
          new AtomicReference<>(SourceOptions.fetch(settings, env, commandLine, reporter));
      if (snapshot.get() == null || reporter.hasErrors()) {
        return reporter.failed();
      }
      Generation generation = Generator.run(snapshot.getAndSet(null), GenerationOptions.defaults()
          .withSubnetIds(previous.history()).withServerTemplate(skeleton).withKeaVersion(version));
      reporter.reportAll(generation.diagnostics());
      if (!generation.ok()) {
        return reporter.failed();
      }
      return output == null ? toStdout(generation, reporter)
          : toFile(output, previous, generation, maxRemoval, keepBackup, reporter);
    } catch (FindingException e) {
      reporter.report(e.finding());
      return reporter.failed();
    }
  }

  private void checkUsage(Path output, int maxRemoval) {
    if (output == null) {
      String needsFile = check ? "--check" : diff ? "--diff" : detailedExitCode ? "--detailed-exitcode"
          : Boolean.TRUE.equals(backup) ? "--backup" : null;
      if (needsFile != null) {
        throw usage(needsFile + " compares with an output file: give -o FILE (or 'output' in the config file)");
      }
    }
    if (maxRemoval < 0 || maxRemoval > 100) {
      throw usage("--max-removal-percent: expected 0 to 100");
    }
  }

  private static ServerTemplate readTemplate(Path path) throws FindingException {
    try {
      return ServerTemplate.of(path.toString(), InputFiles.readText(path));
    } catch (IOException e) {
      throw new FindingException(Finding.error(Finding.FILE_UNREADABLE, path.toString(),
          "cannot read the server template: " + IoReason.of(e), "check --template or 'template' in the config file"));
    }
  }

  /** Reads the existing output; an empty file counts as no config. Findings go to {@code reporter}. */
  private static Previous readPrevious(Path output, Reporter reporter) throws FindingException {
    byte[] bytes = InputFiles.readExistingOutput(output, "-o (or 'output' in the config file)");
    if (bytes == null) {
      return Previous.NONE;
    }
    StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
    if (!decoded.ok()) {
      // the subnet id reader names the problem (previous-config-invalid); it is not overwritten
      reporter.reportAll(SubnetIdHistory.fromKeaConfig(bytes, output.toString()).diagnostics());
      return new Previous(bytes, null, SubnetIdHistory.none());
    }
    String text = decoded.text();
    if (text.isBlank()) {
      return new Previous(bytes, null, SubnetIdHistory.none());
    }
    RemovalGuard.Collector inventory = new RemovalGuard.Collector();
    SubnetIdHistory.ReadResult ids = SubnetIdHistory.fromKeaConfig(text, output.toString(), inventory);
    // a file that is not a Kea config is named by the subnet id reader (previous-config-invalid)
    reporter.reportAll(ids.diagnostics());
    if (!ids.diagnostics().isEmpty()) {
      return new Previous(bytes, null, SubnetIdHistory.none());
    }
    return new Previous(bytes, inventory.inventory(), ids.history());
  }

  private int toStdout(Generation generation, Reporter reporter) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(generation.configText());
    out.flush();
    if (out.checkError()) {
      reporter.report(Finding.error(Finding.OUTPUT_UNWRITABLE, "stdout", "cannot write the config", ""));
      return reporter.failed();
    }
    summary(reporter, generation.plan(), "written to stdout", null, null, false);
    return KeagenCommand.EXIT_OK;
  }

  private int toFile(Path output, Previous previous, Generation generation, int maxRemoval, boolean keepBackup,
      Reporter reporter) throws FindingException {
    byte[] bytes = generation.configUtf8();
    boolean changed = previous.bytes() == null || !Arrays.equals(previous.bytes(), bytes);
    // decoded once, and only for the removal guard or the diff of a changed file
    String text = changed && (previous.inventory() != null || diff) ? generation.configText() : null;
    if (changed && previous.inventory() != null) {
      Optional<Finding> refused = RemovalGuard.check(output.toString(), previous.inventory(),
          RemovalGuard.Inventory.read(text).orElseThrow(() -> new IllegalStateException(
              "keagen produced a config that is not a Kea DHCPv4 config")), maxRemoval);
      refused.ifPresent(f -> reporter.report(force ? f.asWarning() : f));
    }
    if (diff && changed) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(UnifiedDiff.of(output.toString(), previous.text(), text));
      out.flush();
    }
    if (reporter.hasErrors()) {
      return reporter.failed();
    }
    if (check) {
      summary(reporter, generation.plan(), output + (changed ? " would change (--check: not written)" : " unchanged"),
          output, changed, false);
      return !changed ? KeagenCommand.EXIT_OK : detailedExitCode ? KeagenCommand.EXIT_CHANGED : KeagenCommand.EXIT_ERROR;
    }
    try {
      AtomicWrite.ifChanged(output, bytes, previous.bytes(), keepBackup, warning -> reporter.report(
          new Finding(false, "output-owner-changed", output.toString(), warning, "")));
    } catch (IOException e) {
      throw new FindingException(Finding.error(Finding.OUTPUT_UNWRITABLE, output.toString(),
          "cannot write the config: " + IoReason.of(e), "check that the directory exists and is writable"));
    }
    summary(reporter, generation.plan(), output + (changed ? " changed" : " unchanged"), output, changed, changed);
    return changed && detailedExitCode ? KeagenCommand.EXIT_CHANGED : KeagenCommand.EXIT_OK;
  }

  private void summary(Reporter reporter, DhcpPlan plan, String where, Path output, Boolean changed, boolean written) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode()
        .put("subnets", plan.subnets().size())
        .put("pools", plan.poolCount())
        .put("reservations", plan.reservationCount())
        .put("warnings", reporter.warnings())
        .put("errors", 0);
    fields.put("output", output == null ? "-" : output.toString());
    if (changed == null) {
      fields.putNull("changed");
    } else {
      fields.put("changed", changed);
    }
    fields.put("written", written || output == null);
    fields.put("check", check);
    reporter.summary("keagen: " + plan.subnets().size() + " subnets, " + plan.poolCount() + " pools, "
        + plan.reservationCount() + " reservations, " + reporter.warnings() + " warnings; " + where, fields);
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
