package org.keagen.source;

/**
 * A source could not be read. The message names the URL or file and what to check, and never
 * contains credentials.
 */
public final class SourceException extends Exception {
  private final String hint;

  public SourceException(String message, String hint) {
    super(message);
    this.hint = hint == null ? "" : hint;
  }

  public SourceException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
  }

  /** What the user can change. */
  public String hint() {
    return hint;
  }
}
