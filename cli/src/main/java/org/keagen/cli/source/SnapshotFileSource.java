package org.keagen.cli.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keagen.cli.InputFiles;
import org.keagen.cli.IoReason;
import org.keagen.snapshot.SnapshotJson;

/**
 * Reads a recorded snapshot file; every malformed field is one diagnostic naming its JSON path. A
 * regular file is read from disk as it is parsed, never held whole in memory (at 1.1 million
 * addresses its bytes would be the largest object of the run); anything else (a pipe, a process
 * substitution) can be read only once, so its bytes are read first, within {@link
 * InputFiles#MAX_BYTES}.
 */
final class SnapshotFileSource implements SnapshotProvider {
  private final Path file;

  SnapshotFileSource(Path file) {
    this.file = file;
  }

  @Override
  public Fetched fetch() {
    SnapshotJson.ReadResult read;
    try {
      read = Files.isRegularFile(file) ? readRegular() : SnapshotJson.read(InputFiles.read(file), file.toString());
    } catch (IOException e) {
      return Fetched.failed(new SourceFailure(file.toString(), "cannot read the snapshot: " + IoReason.of(e),
          "check the path given by --snapshot or 'snapshot' in the config file"));
    }
    return new Fetched(read.snapshot(), read.diagnostics(), null);
  }

  private SnapshotJson.ReadResult readRegular() throws IOException {
    if (Files.size(file) > InputFiles.MAX_BYTES) {
      throw new IOException("larger than " + InputFiles.MAX_BYTES + " bytes");
    }
    return SnapshotJson.read(file, file.toString());
  }
}
