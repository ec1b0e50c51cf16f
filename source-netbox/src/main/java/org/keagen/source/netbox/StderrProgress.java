package org.keagen.source.netbox;

import java.io.PrintStream;

/**
 * Progress as one line rewritten in place ({@code \r}) at most ten times a second, finished with a
 * newline when a stage completes; warnings and debug lines as plain lines.
 */
final class StderrProgress implements ProgressSink {
  private static final long MIN_INTERVAL_NANOS = 100_000_000L;

  private final PrintStream err;
  private final boolean terminal;
  private final boolean debug;
  private long lastDraw;
  private boolean lineOpen;

  StderrProgress(PrintStream err, boolean terminal, boolean debug) {
    this.err = err;
    this.terminal = terminal;
    this.debug = debug;
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!terminal) {
      return;
    }
    boolean finished = done >= total;
    long now = System.nanoTime();
    if (!finished && lineOpen && now - lastDraw < MIN_INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    err.print("\rnetbox: " + stage + " " + done + "/" + total + (finished ? "\n" : ""));
    err.flush();
    lineOpen = !finished;
  }

  @Override
  public synchronized void warning(String message) {
    endLine();
    err.println("warning: " + message);
  }

  @Override
  public synchronized void debug(String line) {
    if (debug) {
      endLine();
      err.println("debug: " + line);
    }
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }
}
