package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;

/** Reading a snapshot file's bytes: only UTF-8 is text, and a broken file never echoes its content. */
class SnapshotBytesTest {
  private static final String MINIMAL = "{\"format\": \"keagen-snapshot/1\", \"devices\": [{\"id\": \"d1\", \"name\": \"%s\"}]}";

  @Test
  void readsUtf8Bytes() {
    SnapshotJson.ReadResult read = SnapshotJson.read(MINIMAL.formatted("leaf-é").getBytes(StandardCharsets.UTF_8), "s.json");

    assertTrue(read.ok(), read.diagnostics()::toString);
    assertEquals("leaf-é", read.snapshot().devices().get(0).name());
  }

  @Test
  void latin1BytesAreASnapshotErrorNamingTheFileAndOffset() {
    SnapshotJson.ReadResult read = SnapshotJson.read(MINIMAL.formatted("leaf-é").getBytes(StandardCharsets.ISO_8859_1), "s.json");

    assertFalse(read.ok());
    Diagnostic d = read.diagnostics().get(0);
    assertEquals(DiagnosticCode.SNAPSHOT_INVALID, d.code());
    assertEquals("s.json", d.object());
    int offset = MINIMAL.indexOf("%s") + "leaf-".length();
    assertEquals("is not UTF-8 text: invalid byte 0xe9 at line 1 (byte offset " + offset + ")", d.message());
  }

  @Test
  void aTokenThatLostItsQuotesIsNotEchoed() {
    String json = "{\"format\": \"keagen-snapshot/1\", \"devices\": [{\"id\": \"d1\", \"name\": \"leaf\","
        + " \"config_context\": {\"api_token\": kgcanary5f0c2e9d1b7a}}]}";

    SnapshotJson.ReadResult read = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), "s.json");

    assertFalse(read.ok());
    String line = read.diagnostics().get(0).toLine();
    assertTrue(line.startsWith("error[snapshot-invalid] s.json: not valid JSON at line 1, column "), line);
    assertFalse(line.contains("kgcanary"), line);
  }
}
