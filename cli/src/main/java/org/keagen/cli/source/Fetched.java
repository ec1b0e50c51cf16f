package org.keagen.cli.source;

import java.util.List;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.snapshot.Snapshot;

/**
 * What a source gave: a complete snapshot, or the reasons there is none. Never a partial snapshot.
 *
 * @param snapshot the snapshot, or {@code null}
 * @param diagnostics findings about the data read (e.g. a malformed snapshot file); errors mean no snapshot
 * @param failure why the source could not be read, or {@code null}
 */
public record Fetched(Snapshot snapshot, List<Diagnostic> diagnostics, SourceFailure failure) {
  public Fetched {
    diagnostics = List.copyOf(diagnostics);
    if (snapshot != null && (failure != null || diagnostics.stream().anyMatch(Diagnostic::isError))) {
      throw new IllegalArgumentException("a failed fetch has no snapshot");
    }
    if (snapshot == null && failure == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a fetch without a snapshot needs a reason");
    }
  }

  public static Fetched of(Snapshot snapshot) {
    return new Fetched(snapshot, List.of(), null);
  }

  public static Fetched failed(SourceFailure failure) {
    return new Fetched(null, List.of(), failure);
  }

  public boolean ok() {
    return snapshot != null;
  }
}
