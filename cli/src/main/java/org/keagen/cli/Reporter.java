package org.keagen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.keagen.diagnostic.Diagnostic;

/**
 * Prints a run's findings and its one-line summary on stderr, in the human or the JSON form, and
 * counts them. Every line is flushed at once, so the order with other output is kept.
 */
final class Reporter {
  private final PrintWriter err;
  private final OutputFormat format;
  private final List<Finding> findings = new ArrayList<>();

  Reporter(PrintWriter err, OutputFormat format) {
    this.err = err;
    this.format = format;
  }

  void report(Finding finding) {
    findings.add(finding);
    if (format == OutputFormat.json) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("kind", "finding");
      node.put("severity", finding.error() ? "error" : "warning");
      node.put("code", finding.code());
      node.put("object", finding.object());
      node.put("message", finding.message());
      node.put("hint", finding.hint());
      err.println(node.toString());
    } else {
      err.println(finding.toLine());
    }
    err.flush();
  }

  void reportAll(Collection<Diagnostic> diagnostics) {
    diagnostics.forEach(d -> report(Finding.of(d)));
  }

  boolean hasErrors() {
    return findings.stream().anyMatch(Finding::error);
  }

  long errors() {
    return findings.stream().filter(Finding::error).count();
  }

  long warnings() {
    return findings.stream().filter(f -> !f.error()).count();
  }

  /** The summary after an error: nothing was written. Returns the exit code 1. */
  int failed() {
    summary("keagen: " + errors() + " errors, nothing written", JsonNodeFactory.instance.objectNode()
        .put("errors", errors()).put("warnings", warnings()).put("written", false));
    return KeagenCommand.EXIT_ERROR;
  }

  /**
   * The last line of a run: {@code human} as it is, or the JSON object {@code fields} with {@code
   * "kind": "summary"} first.
   */
  void summary(String human, ObjectNode fields) {
    if (format == OutputFormat.json) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("kind", "summary");
      node.setAll(fields);
      err.println(node.toString());
    } else {
      err.println(human);
    }
    err.flush();
  }
}
