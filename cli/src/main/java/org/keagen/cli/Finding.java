package org.keagen.cli;

import java.util.Objects;
import org.keagen.cli.source.SourceFailure;
import org.keagen.diagnostic.Diagnostic;

/**
 * One finding a run reports: a diagnostic of the pipeline, or one of the command's own (a source
 * that cannot be read, a file that cannot be written, the removal guard). The codes of the
 * command's own findings are as stable as the pipeline's.
 *
 * @param error true for an error (the run writes nothing), false for a warning
 * @param code the stable code, e.g. {@code reserve-no-interface} or {@code removal-over-limit}
 * @param object what the finding is about, e.g. a file or an object of the source
 * @param message what is wrong
 * @param hint what to change, or empty
 */
record Finding(boolean error, String code, String object, String message, String hint) {
  /** A source could not be read. */
  static final String SOURCE_FAILED = "source-failed";
  /** The existing output file, a template or a token file could not be read. */
  static final String FILE_UNREADABLE = "file-unreadable";
  /** The output could not be written. */
  static final String OUTPUT_UNWRITABLE = "output-unwritable";
  /** The new config would remove more subnets or reservations than allowed. */
  static final String REMOVAL_OVER_LIMIT = "removal-over-limit";
  /** The source gave nothing while the existing output has subnets or reservations. */
  static final String EMPTY_SOURCE = "empty-source";
  /** The command line or the config file is wrong (exit 64). */
  static final String USAGE = "usage";

  Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  static Finding of(Diagnostic d) {
    return new Finding(d.isError(), d.code().id(), d.object(), d.message(), d.hint());
  }

  static Finding of(SourceFailure failure) {
    return new Finding(true, SOURCE_FAILED, failure.object(), failure.message(), failure.hint());
  }

  static Finding error(String code, String object, String message, String hint) {
    return new Finding(true, code, object, message, hint);
  }

  /** The same finding as a warning (a guard overridden by {@code --force}). */
  Finding asWarning() {
    return new Finding(false, code, object, message, hint);
  }

  /** {@code error[code] object: message (fix: hint)}, the form of every diagnostic. */
  String toLine() {
    String line = (error ? "error" : "warning") + "[" + code + "] " + object + ": " + message;
    return hint.isEmpty() ? line : line + " (fix: " + hint + ")";
  }
}
