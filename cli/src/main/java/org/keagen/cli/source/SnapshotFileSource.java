package org.keagen.cli.source;

import java.io.IOException;
import java.nio.file.Path;
import org.keagen.cli.InputFiles;
import org.keagen.cli.IoReason;
import org.keagen.snapshot.SnapshotJson;

/** Reads a recorded snapshot file; every malformed field is one diagnostic naming its JSON path. */
final class SnapshotFileSource implements SnapshotProvider {
  private final Path file;

  SnapshotFileSource(Path file) {
    this.file = file;
  }

  @Override
  public Fetched fetch() {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file);
    } catch (IOException e) {
      return Fetched.failed(new SourceFailure(file.toString(), "cannot read the snapshot: " + IoReason.of(e),
          "check the path given by --snapshot or 'snapshot' in the config file"));
    }
    SnapshotJson.ReadResult read = SnapshotJson.read(bytes, file.toString());
    return new Fetched(read.snapshot(), read.diagnostics(), null);
  }
}
