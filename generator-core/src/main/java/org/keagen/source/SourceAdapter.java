package org.keagen.source;

import org.keagen.snapshot.Snapshot;

/** Pulls the DHCP facts from one source of truth. */
public interface SourceAdapter {

  /**
   * Fetches a complete snapshot, or fails: a partial result is never returned.
   *
   * @throws SourceException when the source cannot be read completely
   */
  Snapshot fetch() throws SourceException;
}
