/**
 * The neutral snapshot: what a source of truth says about DHCP, in plain records with nothing
 * Kea-specific beyond the verbatim option definitions and static fragments operators keep there.
 * Source adapters produce a {@link org.keagen.snapshot.Snapshot}; {@link
 * org.keagen.snapshot.SnapshotJson} reads and writes its JSON form so that runs can be recorded and
 * replayed without a server.
 */
package org.keagen.snapshot;
