package org.keagen.source.nautobot;

import java.io.PrintStream;

/**
 * Where a fetch reports how far it got and what the user should know. Lines handed to a sink
 * never contain the token.
 */
public interface ProgressSink {

  /**
   * Objects of one kind fetched so far.
   *
   * @param stage what is being fetched, e.g. {@code reserved addresses}
   * @param done objects fetched so far in this stage
   * @param finished whether the stage's last page has arrived
   */
  void progress(String stage, long done, boolean finished);

  /** Something the user should know that does not stop the fetch, e.g. {@code --insecure}. */
  void warning(String message);

  /** A sink that drops everything. */
  static ProgressSink none() {
    return new ProgressSink() {
      @Override
      public void progress(String stage, long done, boolean finished) {}

      @Override
      public void warning(String message) {}
    };
  }

  /**
   * The CLI's sink: warnings always go to {@code err}; progress goes there as one rewritten line
   * only when {@code terminal} is true (stderr is a terminal, not a log file or a pipe).
   */
  static ProgressSink stderr(PrintStream err, boolean terminal) {
    return new StderrProgress(err, terminal);
  }

  /** {@link #stderr(PrintStream, boolean)} on {@code System.err}, progress when there is a console. */
  static ProgressSink forStderr() {
    return stderr(System.err, System.console() != null);
  }
}
