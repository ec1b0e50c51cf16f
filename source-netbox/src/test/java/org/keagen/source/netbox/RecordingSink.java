package org.keagen.source.netbox;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line a fetch reported, so that tests can look for the token in them. */
final class RecordingSink implements ProgressSink {
  final List<String> progress = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> debug = new ArrayList<>();

  @Override
  public synchronized void progress(String stage, long done, long total) {
    progress.add(stage + " " + done + "/" + total);
  }

  @Override
  public synchronized void warning(String message) {
    warnings.add(message);
  }

  @Override
  public synchronized void debug(String line) {
    debug.add(line);
  }

  /** Everything reported, one line each. */
  synchronized String all() {
    return String.join("\n", progress) + "\n" + String.join("\n", warnings) + "\n" + String.join("\n", debug);
  }
}
