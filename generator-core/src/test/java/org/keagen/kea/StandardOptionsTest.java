package org.keagen.kea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The indexed look-ups answer what a scan of the option table in table order answers. */
class StandardOptionsTest {
  private record Row(String space, String name, int code, List<String> versions) {}

  private static List<Row> table() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(StandardOptions.class.getResourceAsStream(
        "/org/keagen/kea/dhcp4-std-options-by-version.tsv"), StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(in.readLine().split("\t", -1));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        List<String> versions = new ArrayList<>();
        for (KeaVersion version : KeaVersion.values()) {
          if (cells[header.indexOf(version.tableColumn())].startsWith("yes")) {
            versions.add(version.name());
          }
        }
        rows.add(new Row(cells[0], cells[1], Integer.parseInt(cells[2]), versions));
      }
    }
    return rows;
  }

  @Test
  void lookUpsMatchATableScan() throws Exception {
    List<Row> rows = table();
    assertTrue(rows.size() > 100);
    List<String> names = new ArrayList<>(rows.stream().map(Row::name).distinct().toList());
    names.add("no-such-option");
    List<String> spaces = new ArrayList<>(rows.stream().map(Row::space).distinct().toList());
    spaces.add("no-such-space");
    StandardOptions options = StandardOptions.instance();
    for (KeaVersion version : KeaVersion.values()) {
      for (String space : spaces) {
        for (String name : names) {
          Optional<Row> expected = rows.stream().filter(r -> r.space().equals(space) && r.name().equals(name)
              && r.versions().contains(version.name())).findFirst();
          assertEquals(expected.map(Row::code), options.byName(space, name, version).map(OptionDefinition::code),
              space + "/" + name + " " + version);
        }
        for (int code = 0; code <= 255; code++) {
          int c = code;
          Optional<Row> expected = rows.stream().filter(r -> r.space().equals(space) && r.code() == c
              && r.versions().contains(version.name())).findFirst();
          assertEquals(expected.map(Row::name), options.byCode(space, code, version).map(OptionDefinition::name),
              space + "/" + code + " " + version);
        }
      }
    }
    for (String space : spaces) {
      for (String name : names) {
        Optional<String> first = Arrays.stream(KeaVersion.values()).map(KeaVersion::name)
            .filter(v -> rows.stream().anyMatch(r -> r.space().equals(space) && r.name().equals(name)
                && r.versions().contains(v))).findFirst();
        assertEquals(first, options.firstVersionWith(space, name).map(KeaVersion::name), space + "/" + name);
      }
    }
  }
}
