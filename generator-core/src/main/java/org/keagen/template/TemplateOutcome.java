package org.keagen.template;

import java.util.Objects;

/**
 * The result of rendering one template: the text, or why there is none.
 *
 * @param text the rendered text, or {@code null} on failure
 * @param failure the kind of failure, or {@code null} on success
 * @param message what went wrong, or {@code null} on success
 */
public record TemplateOutcome(String text, Failure failure, String message) {

  /** Why a template did not render. */
  public enum Failure {
    /** Bad syntax, an unknown variable or filter, a wrong argument type. */
    INVALID,
    /** The template tried something the sandbox forbids (method call, include, unbounded output). */
    UNSAFE
  }

  public static TemplateOutcome rendered(String text) {
    return new TemplateOutcome(Objects.requireNonNull(text), null, null);
  }

  public static TemplateOutcome failed(Failure failure, String message) {
    return new TemplateOutcome(null, Objects.requireNonNull(failure), Objects.requireNonNull(message));
  }

  public boolean ok() {
    return failure == null;
  }
}
