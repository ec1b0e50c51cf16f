package org.keagen.kea;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kea versions keagen renders for. They differ in accepted keys: 2.6 drops {@code
 * reservation-mode} and requires subnet ids; 3.0 replaces {@code control-socket} with {@code
 * control-sockets}, {@code client-class} with {@code client-classes} and {@code
 * require-client-classes} with {@code evaluate-additional-classes}.
 */
public enum KeaVersion {
  V2_2("2.2", "kea-2.2.0"),
  V2_4("2.4", "kea-2.4.0"),
  V2_6("2.6", "kea-2.6.0"),
  V3_0("3.0", "kea-3.0.0");

  private final String label;
  private final String tableColumn;

  KeaVersion(String label, String tableColumn) {
    this.label = label;
    this.tableColumn = tableColumn;
  }

  /** The newest supported version, the default target. */
  public static KeaVersion newest() {
    return V3_0;
  }

  /** The version for {@code 2.2}, {@code 2.4}, {@code 2.6} or {@code 3.0} (a patch level is ignored). */
  public static Optional<KeaVersion> parse(String text) {
    String trimmed = text.trim();
    return Arrays.stream(values())
        .filter(v -> trimmed.equals(v.label) || trimmed.startsWith(v.label + "."))
        .findFirst();
  }

  /** The labels of every supported version, for messages. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(KeaVersion::label).toList();
  }

  public String label() {
    return label;
  }

  /** The column of this version in the option table. */
  String tableColumn() {
    return tableColumn;
  }

  public boolean atLeast(KeaVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return "Kea " + label;
  }
}
