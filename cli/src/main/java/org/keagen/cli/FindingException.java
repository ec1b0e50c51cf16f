package org.keagen.cli;

/** A step of a run failed with one finding (exit 1); the command reports it and stops. */
final class FindingException extends Exception {
  private final transient Finding finding;

  FindingException(Finding finding) {
    super(finding.toLine());
    this.finding = finding;
  }

  Finding finding() {
    return finding;
  }
}
