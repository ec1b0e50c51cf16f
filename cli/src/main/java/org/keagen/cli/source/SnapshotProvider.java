package org.keagen.cli.source;

import org.keagen.source.SourceAdapter;
import org.keagen.source.SourceException;

/** One opened source: fetches the complete snapshot, or says why it cannot. */
@FunctionalInterface
public interface SnapshotProvider {

  Fetched fetch();

  /**
   * A provider over a source adapter: its {@link SourceException} becomes the failure, named by
   * {@code object} (e.g. {@code netbox https://netbox.example.net}).
   */
  static SnapshotProvider of(SourceAdapter adapter, String object) {
    return () -> {
      try {
        return Fetched.of(adapter.fetch());
      } catch (SourceException e) {
        return Fetched.failed(new SourceFailure(object, e.getMessage(), e.hint()));
      }
    };
  }
}
