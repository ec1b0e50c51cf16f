package org.keagen.source.netbox;

import java.io.PrintStream;

/**
 * Where a fetch reports how far it got, what the user should know, and (with {@code --debug}) each
 * request. Lines handed to a sink never contain the token. Implementations must be thread-safe:
 * pages complete on several threads.
 */
public interface ProgressSink {

  /**
   * Objects of one kind fetched so far.
   *
   * @param stage what is being fetched, e.g. {@code reserved addresses}
   * @param done objects fetched so far in this stage
   * @param total objects the server says there are in this stage
   */
  void progress(String stage, long done, long total);

  /** Something the user should know that does not stop the fetch, e.g. {@code --insecure}. */
  void warning(String message);

  /** One request's method, URL, status, attempt and duration; shown only with {@code --debug}. */
  default void debug(String line) {}

  /** A sink that drops everything. */
  static ProgressSink none() {
    return NoProgress.INSTANCE;
  }

  /**
   * The CLI's sink: warnings always go to {@code err}; progress goes there as one rewritten line
   * only when {@code terminal} is true (stderr is a terminal), and debug lines only when
   * {@code debug} is true.
   */
  static ProgressSink stderr(PrintStream err, boolean terminal, boolean debug) {
    return new StderrProgress(err, terminal, debug);
  }

  /** {@link #stderr(PrintStream, boolean, boolean)} on {@code System.err}, progress when it is a terminal. */
  static ProgressSink forStderr(boolean debug) {
    return stderr(System.err, Terminal.stderrIsTerminal(), debug);
  }
}
