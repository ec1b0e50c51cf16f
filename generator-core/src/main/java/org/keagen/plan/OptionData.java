package org.keagen.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * One Kea {@code option-data} entry.
 *
 * @param name the option name, e.g. {@code boot-file-name}
 * @param data the option value in Kea's textual form
 * @param code the option code, set when a custom option definition defines the name, else {@code null}
 * @param space the option space when it is not {@code dhcp4}, else {@code null}
 */
public record OptionData(String name, String data, Integer code, String space) {

  /** Canonical order in an {@code option-data} list: by name, then space. */
  public static final Comparator<OptionData> ORDER = Comparator.comparing(OptionData::name)
      .thenComparing(o -> Objects.requireNonNullElse(o.space(), ""));

  public OptionData {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }

  public static OptionData of(String name, String data) {
    return new OptionData(name, data, null, null);
  }
}
