package org.keagen.diagnostic;

import java.util.Objects;

/**
 * One finding about the input or the output.
 *
 * @param severity error or warning
 * @param code the stable code, e.g. {@code reserve-no-interface}
 * @param object the object concerned, e.g. {@code ip-address 10.0.0.5 (device leaf1)}
 * @param message what is wrong
 * @param hint what to change
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String object, String message, String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** An error: the run stops and writes nothing. */
  public static Diagnostic error(DiagnosticCode code, String object, String message, String hint) {
    return new Diagnostic(Severity.ERROR, code, object, message, hint);
  }

  public static Diagnostic warning(DiagnosticCode code, String object, String message, String hint) {
    return new Diagnostic(Severity.WARNING, code, object, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line human form: {@code error[code] object: message (hint: ...)}. */
  public String toLine() {
    String line = severity.label() + "[" + code.id() + "] " + object + ": " + message;
    return hint.isEmpty() ? line : line + " (fix: " + hint + ")";
  }

  @Override
  public String toString() {
    return toLine();
  }
}
