package org.keagen.diagnostic;

/** How bad a finding is: an error stops the run, a warning is reported and the run goes on. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
