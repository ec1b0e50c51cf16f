package org.keagen.kea;

import java.util.List;
import java.util.Objects;

/**
 * A DHCPv4 option definition: Kea's standard ones from its table, or a custom {@code option-def}.
 *
 * @param space the option space, e.g. {@code dhcp4}
 * @param name the option name
 * @param code the option code
 * @param type the data type ({@code uint8}, {@code ipv4-address}, {@code record}, ...)
 * @param array whether the option holds a list of values
 * @param recordFields the field types of a {@code record}, else empty
 */
public record OptionDefinition(String space, String name, int code, String type, boolean array,
    List<String> recordFields) {

  public OptionDefinition {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    recordFields = List.copyOf(recordFields);
  }

  public static OptionDefinition of(String space, String name, int code, String type, boolean array) {
    return new OptionDefinition(space, name, code, type, array, List.of());
  }
}
