package org.keagen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keagen.cli.config.KeagenConfig;
import org.keagen.cli.source.SourceSettings;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code keagen snapshot}: records what the source says (filtered) as a canonical snapshot file, to
 * replay later with {@code --source snapshot} or to keep in git. From a snapshot file it rewrites
 * it canonically. Written like {@code generate}: atomically and only when the bytes change.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Record the source of truth as a snapshot file (canonical JSON: sorted keys, LF, final"
        + " newline) on stdout or in FILE. With --source snapshot, rewrite a snapshot file canonically;"
        + " with filters, keep only the part they select."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  keagen snapshot --config keagen.yaml -o snapshot.json",
        "  keagen snapshot --source netbox --url https://netbox.example.net \\",
        "      --token-file ~/.netbox-token -o snapshot.json",
        "  keagen snapshot --snapshot all-sites.json --location dc1 -o dc1.json"},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
final class SnapshotCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  KeagenCommand parent;

  @Mixin
  SourceOptions sourceOptions;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 22,
      description = "Write the snapshot here; default: stdout. (The config file's 'output' is the Kea config's"
          + " and is not used.)")
  Path outputFile;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    CliEnvironment env = parent.environment();
    KeagenConfig file = sourceOptions.loadConfig(env, commandLine);
    Reporter reporter = new Reporter(commandLine.getErr(), sourceOptions.format());
    Snapshot snapshot;
    boolean exists;
    try {
      SourceSettings settings = sourceOptions.settings(file, env, commandLine);
      // before the fetch: a pipe or a directory in the output's place fails the run at once
      exists = outputFile != null && InputFiles.existingOutput(outputFile, "-o");
      snapshot = SourceOptions.fetch(settings, env, commandLine, reporter);
    } catch (FindingException e) {
      reporter.report(e.finding());
      return reporter.failed();
    }
    if (snapshot == null || reporter.hasErrors()) {
      return reporter.failed();
    }
    Snapshot recorded = snapshot;
    String where;
    Boolean changed = null;
    if (outputFile == null) {
      PrintWriter out = commandLine.getOut();
      try {
        SnapshotJson.write(recorded, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a PrintWriter does not throw; it keeps an error flag
      }
      where = "written to stdout";
    } else {
      try {
        changed = AtomicWrite.ifChanged(outputFile, out -> SnapshotJson.write(recorded, out), exists,
            warning -> reporter.report(new Finding(false, "output-owner-changed", outputFile.toString(), warning, "")));
      } catch (IOException e) {
        reporter.report(Finding.error(Finding.OUTPUT_UNWRITABLE, outputFile.toString(),
            "cannot write the snapshot: " + IoReason.of(e), "check that the directory exists and is writable"));
        return reporter.failed();
      }
      where = outputFile + (changed ? " changed" : " unchanged");
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode()
        .put("prefixes", snapshot.prefixes().size())
        .put("pool_addresses", snapshot.poolAddresses().size())
        .put("reserved_addresses", snapshot.reservedAddresses().size())
        .put("devices", snapshot.devices().size())
        .put("warnings", reporter.warnings())
        .put("output", outputFile == null ? "-" : outputFile.toString());
    if (changed == null) {
      fields.putNull("changed");
    } else {
      fields.put("changed", changed);
    }
    reporter.summary("keagen: snapshot of " + snapshot.prefixes().size() + " prefixes, "
        + snapshot.poolAddresses().size() + " pool addresses, " + snapshot.reservedAddresses().size()
        + " reserved addresses, " + snapshot.devices().size() + " devices; " + where, fields);
    return KeagenCommand.EXIT_OK;
  }
}
