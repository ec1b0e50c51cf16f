package org.keagen.kea;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kea's standard DHCPv4 option definitions and the versions that have each, read from the table
 * shipped with keagen ({@code org/keagen/kea/dhcp4-std-options-by-version.tsv}, taken from Kea's
 * sources).
 */
public final class StandardOptions {
  private static final String RESOURCE = "/org/keagen/kea/dhcp4-std-options-by-version.tsv";
  private static final StandardOptions INSTANCE = load();

  /** A definition with the versions that define it. */
  private record Entry(OptionDefinition definition, Set<KeaVersion> versions) {}

  private final List<Entry> entries;
  /** The entries by space and name, and by space and code, each list in table order. */
  private final Map<String, List<Entry>> byName = new HashMap<>();
  private final Map<String, List<Entry>> byCode = new HashMap<>();

  private StandardOptions(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      byName.computeIfAbsent(nameKey(e.definition().space(), e.definition().name()), k -> new ArrayList<>()).add(e);
      byCode.computeIfAbsent(codeKey(e.definition().space(), e.definition().code()), k -> new ArrayList<>()).add(e);
    }
  }

  private static String nameKey(String space, String name) {
    return space + "\u0000" + name;
  }

  private static String codeKey(String space, int code) {
    return space + "\u0000" + code;
  }

  public static StandardOptions instance() {
    return INSTANCE;
  }

  /** The definition of {@code name} in {@code space} that {@code version} has. */
  public Optional<OptionDefinition> byName(String space, String name, KeaVersion version) {
    return byName.getOrDefault(nameKey(space, name), List.of()).stream()
        .filter(e -> e.versions().contains(version))
        .map(Entry::definition).findFirst();
  }

  /** The definition with {@code code} in {@code space} that {@code version} has. */
  public Optional<OptionDefinition> byCode(String space, int code, KeaVersion version) {
    return byCode.getOrDefault(codeKey(space, code), List.of()).stream()
        .filter(e -> e.versions().contains(version))
        .map(Entry::definition).findFirst();
  }

  /** The oldest supported version that defines {@code name} in {@code space}, if any does. */
  public Optional<KeaVersion> firstVersionWith(String space, String name) {
    return byName.getOrDefault(nameKey(space, name), List.of()).stream()
        .flatMap(e -> e.versions().stream()).min(Enum::compareTo);
  }

  /** True when some supported version defines a standard option with this name or code in the space. */
  public boolean isStandard(String space, String name, int code) {
    return entries.stream().anyMatch(e -> e.definition().space().equals(space)
        && (e.definition().name().equals(name) || e.definition().code() == code));
  }

  private static StandardOptions load() {
    try (InputStream in = StandardOptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Kea option table is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = Arrays.asList(reader.readLine().split("\t", -1));
      List<Entry> entries = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        String type = cells[header.indexOf("type")];
        List<String> fields = cells[header.indexOf("record-fields")].isEmpty() ? List.of()
            : List.of(cells[header.indexOf("record-fields")].split(","));
        Set<KeaVersion> versions = EnumSet.noneOf(KeaVersion.class);
        for (KeaVersion version : KeaVersion.values()) {
          if (cells[header.indexOf(version.tableColumn())].startsWith("yes")) {
            versions.add(version);
          }
        }
        entries.add(new Entry(new OptionDefinition(cells[header.indexOf("space")], cells[header.indexOf("name")],
            Integer.parseInt(cells[header.indexOf("code")]), type,
            Boolean.parseBoolean(cells[header.indexOf("array")]), fields), versions));
      }
      return new StandardOptions(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
