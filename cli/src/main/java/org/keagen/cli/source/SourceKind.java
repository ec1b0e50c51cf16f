package org.keagen.cli.source;

import java.util.Locale;

/** The kinds of source of truth keagen reads; the names are those of {@code --source}. */
public enum SourceKind {
  snapshot,
  netbox,
  nautobot;

  /** The kind named {@code text} (case-insensitive), or {@code null}. */
  public static SourceKind parse(String text) {
    for (SourceKind kind : values()) {
      if (kind.name().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    return null;
  }

  /** The environment variable that may hold this source's API token, or {@code null}. */
  public String tokenVariable() {
    return switch (this) {
      case netbox -> "NETBOX_TOKEN";
      case nautobot -> "NAUTOBOT_TOKEN";
      case snapshot -> null;
    };
  }
}
