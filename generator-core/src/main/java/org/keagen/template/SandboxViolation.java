package org.keagen.template;

import io.pebbletemplates.pebble.error.PebbleException;

/** Thrown inside a render when a template does what the sandbox forbids; reported as unsafe. */
final class SandboxViolation extends PebbleException {
  private static final long serialVersionUID = 1L;

  SandboxViolation(String message, Integer lineNumber, String templateName) {
    super(null, message, lineNumber, templateName);
  }
}
