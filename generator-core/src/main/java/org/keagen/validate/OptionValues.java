package org.keagen.validate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keagen.kea.OptionDefinition;
import org.keagen.resolve.Cidrs;

/**
 * Checks an {@code option-data} value against its definition as Kea parses it in CSV form: arrays
 * and records are comma-separated ({@code \,} escapes a comma), integers are decimal or {@code 0x}
 * hex within their type's range, booleans are {@code true}/{@code false}/{@code 1}/{@code 0}. It is
 * never looser than Kea, and stricter where Kea accepts what is plainly a mistake (an empty array
 * element, an IPv6 address in an IPv4 option, a malformed domain name, an unescaped comma in a
 * single-valued option, of which Kea silently keeps the part before the comma).
 */
public final class OptionValues {
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

  private OptionValues() {}

  /** What is wrong with {@code data} for {@code definition}, or empty when Kea will accept it. */
  public static Optional<String> problem(OptionDefinition definition, String data, boolean csvFormat) {
    if (!csvFormat) {
      String hex = data.replace(" ", "").replace(":", "");
      return hex.isEmpty() || HEX.matcher(hex).matches() ? Optional.empty()
          : Optional.of("'" + data + "' is not hex bytes, which csv-format false requires");
    }
    String type = definition.type();
    if (type.equals("empty")) {
      return data.isBlank() ? Optional.empty() : Optional.of("option " + definition.name() + " carries no data");
    }
    if (type.equals("record")) {
      return record(definition, data);
    }
    if (definition.array()) {
      if (data.isBlank()) {
        return Optional.empty();
      }
      for (String element : splitCsv(data)) {
        Optional<String> problem = value(type, element);
        if (problem.isPresent()) {
          return Optional.of("element '" + element.strip() + "' " + problem.get());
        }
      }
      return Optional.empty();
    }
    if (!type.equals("internal") && data.indexOf(',') >= 0) {
      // Kea splits csv data on commas and a single-valued option keeps the first part only
      List<String> parts = splitCsv(data);
      if (parts.size() > 1) {
        return Optional.of("'" + data + "' has a comma that is not escaped, so Kea would keep only '"
            + parts.get(0).strip() + "' (write \\, for a comma inside the value)");
      }
    }
    return value(type, data).map(p -> "'" + data + "' " + p);
  }

  private static Optional<String> record(OptionDefinition definition, String data) {
    List<String> fields = splitCsv(data);
    List<String> types = definition.recordFields();
    boolean countOk = definition.array() ? fields.size() >= types.size() : fields.size() == types.size();
    if (!countOk) {
      return Optional.of("'" + data + "' has " + fields.size() + " comma-separated field(s); the record needs "
          + (definition.array() ? "at least " : "") + types.size() + " (" + String.join(", ", types) + ")");
    }
    for (int i = 0; i < fields.size(); i++) {
      String type = types.get(Math.min(i, types.size() - 1));
      Optional<String> problem = value(type, fields.get(i));
      if (problem.isPresent()) {
        return Optional.of("field " + (i + 1) + " '" + fields.get(i).strip() + "' " + problem.get());
      }
    }
    return Optional.empty();
  }

  /** What is wrong with one value of {@code type}, phrased to follow the value. */
  static Optional<String> value(String type, String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      return Optional.of("is empty");
    }
    return switch (type) {
      case "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.equals("1") || v.equals("0")
          ? Optional.empty() : Optional.of("is not a boolean (true or false)");
      case "uint8" -> integer(v, 0, 255);
      case "uint16" -> integer(v, 0, 65_535);
      case "uint32" -> integer(v, 0, 4_294_967_295L);
      case "int8" -> integer(v, -128, 127);
      case "int16" -> integer(v, -32_768, 32_767);
      case "int32" -> integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "ipv4-address" -> Cidrs.isIpv4(v) && !v.contains("/")
          ? Optional.empty() : Optional.of("is not an IPv4 address");
      case "ipv6-address" -> Cidrs.isIpv6(v) && !v.contains("/")
          ? Optional.empty() : Optional.of("is not an IPv6 address");
      case "ipv6-prefix" -> Cidrs.isIpv6(v) && v.contains("/")
          ? Optional.empty() : Optional.of("is not an IPv6 prefix");
      case "fqdn" -> fqdn(v);
      case "binary" -> HEX.matcher(v.replace(" ", "")).matches() && !v.startsWith("0x")
          ? Optional.empty() : Optional.of("is not hex bytes (e.g. 0a0b0c)");
      case "string", "tuple", "psid", "internal" -> Optional.empty();
      default -> Optional.of("has type " + type + ", which keagen cannot check");
    };
  }

  private static Optional<String> integer(String v, long min, long max) {
    try {
      BigInteger value = v.toLowerCase(Locale.ROOT).startsWith("0x")
          ? new BigInteger(v.substring(2), 16) : new BigInteger(v);
      return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0
          ? Optional.empty() : Optional.of("is outside " + min + ".." + max);
    } catch (NumberFormatException e) {
      return Optional.of("is not an integer");
    }
  }

  private static Optional<String> fqdn(String v) {
    String name = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    if (name.isEmpty() || name.length() > 253) {
      return Optional.of("is not a domain name");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.of("is not a domain name (label '" + label + "')");
      }
    }
    return Optional.empty();
  }

  /** Splits Kea CSV option data on commas not escaped with a backslash. */
  static List<String> splitCsv(String data) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\\' && i + 1 < data.length() && data.charAt(i + 1) == ',') {
        current.append(',');
        i++;
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
