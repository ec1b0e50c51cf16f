package org.keagen.source.nautobot;

import java.io.PrintStream;

/**
 * Progress as one line rewritten in place ({@code \r}) on a terminal, finished by a newline when a
 * stage ends; warnings as lines of their own, prefixed {@code warning: }.
 */
final class StderrProgress implements ProgressSink {
  private final PrintStream err;
  private final boolean terminal;
  private boolean lineOpen;

  StderrProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void progress(String stage, long done, boolean finished) {
    if (!terminal) {
      return;
    }
    err.print("\rnautobot: " + stage + ": " + done + (finished ? "" : " ..."));
    lineOpen = !finished;
    if (finished) {
      err.println();
    }
    err.flush();
  }

  @Override
  public synchronized void warning(String message) {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
    err.println("warning: " + message);
    err.flush();
  }
}
