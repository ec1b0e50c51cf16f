package org.keagen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;
import org.keagen.validate.KeaCheck;
import org.keagen.validate.KeaConfigValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keagen validate FILE}: checks any Kea DHCPv4 config, generated or hand-written, against
 * the target version's schema and keagen's semantic rules, then with {@code kea-dhcp4 -t} when a
 * binary of that version is given or found. One line per finding; exit 0 valid, 1 invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate an existing kea-dhcp4 config: schema, semantic rules, and kea-dhcp4 -t when available.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  keagen validate /etc/kea/kea-dhcp4.conf --kea-version 2.6",
        "  keagen validate kea-dhcp4.conf --kea-binary /usr/sbin/kea-dhcp4 --output-format json"},
    exitCodeOnInvalidInput = KeagenCommand.EXIT_USAGE)
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The Kea config to validate.")
  Path file;

  @Option(names = "--kea-version", paramLabel = "VERSION", converter = GenerateCommand.KeaVersionConverter.class,
      description = "The Kea version the config is for: 2.2, 2.4, 2.6 or 3.0 (default: the newest).")
  KeaVersion keaVersion = KeaVersion.newest();

  @Option(names = "--output-format", paramLabel = "FORMAT",
      description = "Findings on stderr: human (one line each) or json (one JSON object per finding, then a"
          + " summary object); default: human.")
  OutputFormat outputFormat = OutputFormat.human;

  @Option(names = "--kea-binary", paramLabel = "PATH",
      description = "Run this kea-dhcp4 -t as well (default: a kea-dhcp4 of the target version on PATH, if any).")
  Path keaBinary;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Reporter reporter = new Reporter(err, outputFormat);
    String text;
    try {
      text = InputFiles.readText(file);
    } catch (IOException e) {
      if (outputFormat == OutputFormat.json) {
        reporter.report(Finding.error(Finding.FILE_UNREADABLE, file.toString(), "cannot read it: " + IoReason.of(e),
            ""));
        return reporter.failed();
      }
      err.println("keagen: cannot read " + file + ": " + IoReason.of(e));
      return KeagenCommand.EXIT_ERROR;
    }
    List<Diagnostic> findings = new ArrayList<>(KeaConfigValidator.validate(text, file.toString(), keaVersion));
    String kea = "kea-dhcp4 -t not run (no kea-dhcp4 " + keaVersion.label() + " found; give one with --kea-binary)";
    Optional<KeaCheck> check = keaBinary != null ? Optional.of(KeaCheck.at(keaBinary))
        : KeaCheck.find().filter(k -> k.version().filter(keaVersion::equals).isPresent());
    if (check.isPresent()) {
      KeaCheck.Result result = check.get().check(text);
      result.toDiagnostic(file.toString()).ifPresent(findings::add);
      kea = "kea-dhcp4 -t " + (result.accepted() ? "accepts it" : "rejects it");
    }
    reporter.reportAll(findings);
    long errors = reporter.errors();
    reporter.summary("keagen: " + file + " is " + (errors == 0 ? "valid" : "invalid") + " for " + keaVersion + " ("
        + errors + " errors, " + reporter.warnings() + " warnings; " + kea + ")",
        JsonNodeFactory.instance.objectNode().put("file", file.toString()).put("valid", errors == 0)
            .put("kea_version", keaVersion.label()).put("errors", errors).put("warnings", reporter.warnings())
            .put("kea_check", kea));
    return errors == 0 ? KeagenCommand.EXIT_OK : KeagenCommand.EXIT_ERROR;
  }
}
