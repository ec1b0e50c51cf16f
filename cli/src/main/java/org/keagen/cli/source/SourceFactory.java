package org.keagen.cli.source;

/**
 * Opens the source a run's settings name. The seam where source adapters plug into the CLI: tests
 * give their own factory, {@link StandardSources} is what this build has.
 */
@FunctionalInterface
public interface SourceFactory {

  /**
   * The provider for {@code settings}.
   *
   * @throws SourceUnavailableException when this build cannot read that kind of source (exit 64)
   */
  SnapshotProvider open(SourceSettings settings) throws SourceUnavailableException;

  /** The sources of this build. */
  static SourceFactory standard() {
    return new StandardSources();
  }
}
