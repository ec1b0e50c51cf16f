package org.keagen.cli.source;

import java.util.Objects;

/**
 * Why a source gave no snapshot: a file that cannot be read, a server that cannot be reached or
 * answered wrongly. Never carries credentials.
 *
 * @param object what failed, e.g. {@code netbox https://netbox.example.net} or a file
 * @param message what went wrong
 * @param hint what to check, or empty
 */
public record SourceFailure(String object, String message, String hint) {
  public SourceFailure {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }
}
