package org.keagen.cli.source;

/**
 * The sources this build reads: snapshot files. The NetBox and Nautobot adapters plug in here, each
 * as one {@code case} mapping {@link SourceSettings} onto its own configuration and wrapping the
 * adapter with {@link SnapshotProvider#of}.
 */
final class StandardSources implements SourceFactory {

  @Override
  public SnapshotProvider open(SourceSettings settings) throws SourceUnavailableException {
    return switch (settings.kind()) {
      case snapshot -> new SnapshotFileSource(settings.snapshotFile());
      case netbox, nautobot -> throw new SourceUnavailableException("--source " + settings.kind()
          + " is not available in this build; record a snapshot elsewhere and use --source snapshot");
    };
  }
}
