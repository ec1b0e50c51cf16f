package org.keagen.cli.source;

import java.util.function.Consumer;
import org.keagen.source.nautobot.NautobotSource;
import org.keagen.source.nautobot.NautobotSourceConfig;
import org.keagen.source.netbox.NetboxSource;
import org.keagen.source.netbox.NetboxSourceConfig;

/**
 * The sources this build reads: snapshot files, NetBox (REST) and Nautobot (GraphQL). Each adapter
 * gets the run's settings mapped onto its own configuration; a setting it cannot take (a tag that
 * is no slug, a page size of 0) is a usage error.
 */
final class StandardSources implements SourceFactory {

  @Override
  public SnapshotProvider open(SourceSettings settings) throws SourceUnavailableException {
    try {
      return switch (settings.kind()) {
        case snapshot -> new SnapshotFileSource(settings.snapshotFile());
        case netbox -> SnapshotProvider.of(NetboxSource.of(netbox(settings)), settings.describe());
        case nautobot -> SnapshotProvider.of(NautobotSource.of(nautobot(settings)), settings.describe());
      };
    } catch (IllegalArgumentException e) {
      throw new SourceUnavailableException(settings.describe() + ": " + e.getMessage());
    }
  }

  private static NetboxSourceConfig netbox(SourceSettings s) {
    NetboxSourceConfig.Builder b = NetboxSourceConfig.builder(s.url(), s.token().supplier())
        .insecure(s.insecure())
        .progress(org.keagen.source.netbox.ProgressSink.stderr(System.err, System.console() != null, false));
    set(s.tags().subnet(), b::subnetTag);
    set(s.tags().pool(), b::poolTag);
    set(s.tags().reserve(), b::reserveTag);
    set(s.fields().gateway(), b::gatewayField);
    set(s.fields().subnetId(), b::subnetIdField);
    set(s.fields().ztpEnabled(), b::ztpField);
    set(s.fields().interfaceRole(), b::interfaceRoleField);
    if (s.pageSize() != null) {
      b.pageSize(s.pageSize());
    }
    if (s.parallelism() != null) {
      b.parallelism(s.parallelism());
    }
    return b.build();
  }

  private static NautobotSourceConfig nautobot(SourceSettings s) {
    NautobotSourceConfig.Builder b = NautobotSourceConfig.builder(s.url(), s.token().supplier())
        .insecure(s.insecure())
        .progress(org.keagen.source.nautobot.ProgressSink.forStderr());
    set(s.tags().subnet(), b::subnetTag);
    set(s.tags().pool(), b::poolTag);
    set(s.tags().reserve(), b::reserveTag);
    set(s.gatewayRelationship(), b::gatewayRelationship);
    set(s.fields().subnetId(), b::subnetIdField);
    set(s.fields().ztpEnabled(), b::ztpField);
    if (s.pageSize() != null) {
      b.pageSize(s.pageSize());
    }
    return b.build();
  }

  /** Applies a setting when the run gives one; {@code null} keeps the adapter's default. */
  private static void set(String value, Consumer<String> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
