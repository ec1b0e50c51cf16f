package org.keagen.cli.source;

/** The source asked for is not part of this build, or cannot be used as configured (exit 64). */
public final class SourceUnavailableException extends Exception {
  public SourceUnavailableException(String message) {
    super(message);
  }
}
