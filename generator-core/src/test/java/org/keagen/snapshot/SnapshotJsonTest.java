package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keagen.ExampleFiles;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.diagnostic.Severity;

/** {@link SnapshotJson}: path-named read diagnostics, JSON syntax errors, and write/read round trips. */
class SnapshotJsonTest {
  private static final String HEAD = "{\"format\": \"keagen-snapshot/1\", ";

  private static List<Diagnostic> errors(String json) {
    SnapshotJson.ReadResult read = SnapshotJson.read(json, "snap.json");
    assertFalse(read.ok(), "accepted: " + json);
    assertNull(read.snapshot());
    assertFalse(read.diagnostics().isEmpty());
    read.diagnostics().forEach(d -> {
      assertEquals(Severity.ERROR, d.severity(), d.toLine());
      assertEquals(DiagnosticCode.SNAPSHOT_INVALID, d.code(), d.toLine());
    });
    return read.diagnostics();
  }

  private static Diagnostic only(String json) {
    List<Diagnostic> found = errors(json);
    assertEquals(1, found.size(), () -> lines(found));
    return found.get(0);
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toLine).collect(Collectors.joining("\n"));
  }

  private static Snapshot read(String json) {
    SnapshotJson.ReadResult read = SnapshotJson.read(json, "snap.json");
    assertTrue(read.ok(), () -> lines(read.diagnostics()));
    return read.snapshot();
  }

  @Test
  void aWrongTypeDeepInsideIsNamedByItsPath() {
    Diagnostic d = only(HEAD + "\"reserved_addresses\": [{\"address\": \"10.0.0.5/24\", \"interfaces\":"
        + " [{\"name\": \"eth0\", \"device_id\": 42}]}]}");
    assertEquals("snap.json $.reserved_addresses[0].interfaces[0].device_id", d.object());
    assertEquals("expected a non-empty string, found the number 42", d.message());
    assertFalse(d.hint().isEmpty());
  }

  @Test
  void aMissingRequiredFieldIsNamedByItsPath() {
    Diagnostic d = only(HEAD + "\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\"}, {\"id\": \"p2\"}]}");
    assertEquals("snap.json $.prefixes[1].prefix", d.object());
    assertEquals("expected a string (required)", d.message());
  }

  @Test
  void anUnknownKeyIsNamedAndTheKnownKeysListed() {
    Diagnostic d = only(HEAD + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"serial_number\": \"X1\"}]}");
    assertEquals("snap.json $.devices[0].serial_number", d.object());
    assertTrue(d.message().startsWith("expected no such field; known fields are id, name, serial,"), d.message());
  }

  @Test
  void wrongTypesOfOptionalFieldsAreNamed() {
    assertEquals("snap.json $.devices[0].ztp_enabled",
        only(HEAD + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"ztp_enabled\": \"yes\"}]}").object());
    assertEquals("snap.json $.devices[0].config_context",
        only(HEAD + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"config_context\": []}]}").object());
    Diagnostic id = only(HEAD + "\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"subnet_id\": 1.5}]}");
    assertEquals("snap.json $.prefixes[0].subnet_id", id.object());
    assertEquals("expected an integer or null", id.message());
  }

  @Test
  void anotherFormatVersionIsRefused() {
    Diagnostic d = only("{\"format\": \"keagen-snapshot/2\"}");
    assertEquals("snap.json $.format", d.object());
    assertTrue(d.message().contains("\"keagen-snapshot/1\"") && d.message().contains("found \"keagen-snapshot/2\""),
        d.message());
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() {
    List<Diagnostic> found = errors("{\"format\": \"keagen-snapshot/1\","
        + " \"prefixes\": [{\"id\": \"p1\"}],"
        + " \"reserved_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [{\"name\": \"eth0\", \"device_id\": 7}]}],"
        + " \"devices\": [{\"id\": \"d1\", \"name\": \"\", \"ztp_enabled\": 1}],"
        + " \"extra\": true}");
    List<String> objects = found.stream().map(Diagnostic::object).sorted().toList();
    assertEquals(List.of(
        "snap.json $.devices[0].name",
        "snap.json $.devices[0].ztp_enabled",
        "snap.json $.extra",
        "snap.json $.prefixes[0].prefix",
        "snap.json $.reserved_addresses[0].interfaces[0].device_id"), objects, () -> lines(found));
  }

  @Test
  void invalidJsonIsReportedWithLineAndColumn() {
    String text = "{\n"
        + "  \"format\": \"keagen-snapshot/1\",\n"
        + "  \"prefixes\": [\n"
        + "    {\"id\": \"p1\" \"prefix\": \"10.0.0.0/24\"}\n"
        + "  ]\n"
        + "}\n";
    Diagnostic d = only(text);
    assertEquals("snap.json", d.object());
    assertTrue(d.message().startsWith("not valid JSON at line 4, column 17: "), d.message());
  }

  @Test
  void duplicateKeysAndTrailingTextAreInvalidJson() {
    Diagnostic duplicate = only("{\"format\": \"keagen-snapshot/1\", \"format\": \"keagen-snapshot/1\"}");
    assertTrue(duplicate.message().startsWith("not valid JSON at line 1, column "), duplicate.message());
    assertTrue(duplicate.message().contains("format"), duplicate.message());
    Diagnostic trailing = only("{\"format\": \"keagen-snapshot/1\"} {}");
    assertTrue(trailing.message().startsWith("not valid JSON"), trailing.message());
  }

  @Test
  void absentOptionalPartsGetTheirDefaults() {
    Snapshot snapshot = read(HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.50/24\"}]}");
    assertEquals(SourceInfo.of("snapshot"), snapshot.source());
    assertEquals(List.of(new Address("10.0.0.50/24", "10.0.0.50/24", null, List.of())), snapshot.poolAddresses());
    assertEquals(List.of(), snapshot.prefixes());
    assertEquals(List.of(), snapshot.staticFragments());
  }

  @Test
  void aSnapshotBuiltInCodeSurvivesWriteAndRead() {
    Snapshot snapshot = read(HEAD
        + "\"source\": {\"kind\": \"netbox\", \"url\": \"https://netbox.example.net\", \"version\": \"4.1.3\"},"
        + "\"prefixes\": [{\"id\": \"p1\", \"prefix\": \"10.0.0.0/24\", \"vrf\": \"corp\", \"gateway\": \"10.0.0.1\","
        + " \"subnet_id\": 4294967294}],"
        + "\"reserved_addresses\": [{\"id\": \"ip9\", \"address\": \"10.0.0.10/24\", \"vrf\": \"corp\", \"interfaces\":"
        + " [{\"name\": \"eth0\", \"role\": \"management\", \"mac_address\": \"00:11:22:33:44:55\", \"device_id\": \"d1\"}]}],"
        + "\"devices\": [{\"id\": \"d1\", \"name\": \"leaf1\", \"serial\": \"MT1\", \"ztp_enabled\": false,"
        + " \"config_context\": {\"dhcp\": {\"options\": {\"client_id_template\": \"00:{{ serial | hex }}\"}}}}],"
        + "\"option_definitions\": [{\"name\": \"x\", \"code\": 239, \"type\": \"string\"}],"
        + "\"static_config\": [{\"name\": \"legacy\", \"subnets\": [{\"subnet\": \"10.9.0.0/24\"}]}]}");
    String written = SnapshotJson.write(snapshot);
    assertEquals(snapshot, read(written));
    assertEquals(4294967294L, read(written).prefixes().get(0).subnetId());
    assertEquals(Boolean.FALSE, read(written).devices().get(0).ztpEnabled());
    assertTrue(written.endsWith("}\n") && !written.contains("\r"), "LF and a final newline");
  }

  @TestFactory
  Stream<DynamicTest> everyExampleSurvivesWriteAndRead() {
    return ExampleFiles.exampleDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Path file = dir.resolve("snapshot.json");
      Snapshot original = read(ExampleFiles.read(file));
      assertFalse(original.devices().isEmpty(), file + " has no devices");
      String written = SnapshotJson.write(original);
      Snapshot again = read(written);
      assertEquals(original, again);
      assertEquals(written, SnapshotJson.write(again), "writing is stable");
    }));
  }
}
