/**
 * Where a run's snapshot comes from. {@link org.keagen.cli.source.SourceSettings} holds every source
 * setting from the command line and the config file, already checked; a {@link
 * org.keagen.cli.source.SourceFactory} turns it into a {@link org.keagen.cli.source.SnapshotProvider}.
 * This build's {@link org.keagen.cli.source.StandardSources} reads snapshot files; the NetBox and
 * Nautobot adapters plug in there.
 */
package org.keagen.cli.source;
