package org.keagen.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.keagen.ExampleFiles;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.json.StrictUtf8;

/**
 * The element-by-element reads ({@link SnapshotJson#read(String, String)} and {@link
 * SnapshotJson#read(Path, String)}) give exactly what reading the whole tree gives: the same
 * snapshot, or the same diagnostics in the same order.
 */
class SnapshotJsonStreamingTest {
  private static final String HEAD = "{\"format\": \"keagen-snapshot/1\", ";
  /** Marks the documents only the tree read can report (the marker is JSON whitespace). */
  private static final String FALLBACK = " \t";
  private static final String ADDRESS = "{\"id\": \"a\", \"address\": \"10.0.0.5/24\", \"interfaces\": []}";

  @TempDir
  Path dir;

  private static List<String> documents() throws IOException {
    List<String> documents = new ArrayList<>();
    for (Path example : ExampleFiles.exampleDirs()) {
      documents.add(Files.readString(example.resolve("snapshot.json"), StandardCharsets.UTF_8));
    }
    documents.addAll(List.of(
        HEAD + "\"prefixes\": [{\"id\": \"p\", \"prefix\": \"10.0.0.0/24\", \"vrf\": \"blue\"}], \"pool_addresses\": ["
            + ADDRESS + "]}",
        // findings in several sections and at the top level, in an order unlike the reader's
        "{\"static_config\": [{\"name\": 3}], \"bogus\": 1, \"devices\": [{\"id\": \"d\"}, 5],"
            + " \"pool_addresses\": [{\"address\": 7}, null], \"format\": \"keagen-snapshot/9\", \"also\": [],"
            + " \"prefixes\": [{\"id\": \"p\"}], \"source\": {\"kind\": 1}}",
        HEAD + "\"prefixes\": {\"not\": \"a list\"}, \"reserved_addresses\": null, \"devices\": 3}",
        HEAD + "\"option_definitions\": [{\"name\": \"x\"}, \"y\"], \"reserved_addresses\": [" + ADDRESS + ", "
            + "{\"address\": \"10.0.0.6\", \"interfaces\": [{\"name\": \"eth0\"}], \"extra\": true}]}",
        "{\"prefixes\": []}",
        "{\"format\": \"keagen-snapshot/1\", \"devices\": [null, 1, \"x\", [], {\"id\": \"d\", \"name\": \"n\"}]}",
        // not one object: the tree read reports these
        FALLBACK + "[]", FALLBACK, FALLBACK + "null", FALLBACK + "{\"format\": \"keagen-snapshot/1\"} {}",
        FALLBACK + "{\"format\": \"keagen-snapshot/1\"} x", FALLBACK + HEAD + "\"prefixes\": [], \"prefixes\": []}",
        FALLBACK + HEAD + "\"pool_addresses\": [" + ADDRESS + ",]}",
        FALLBACK + HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"id\": \"e\"}]}",
        FALLBACK + HEAD + "\"pool_addresses\": [" + ADDRESS));
    return documents;
  }

  @TestFactory
  Stream<DynamicTest> streamingAndTreeReadsAgree() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> documents = documents();
    for (int i = 0; i < documents.size(); i++) {
      String json = documents.get(i);
      tests.add(DynamicTest.dynamicTest("document " + i + ": " + abbreviate(json), () -> {
        SnapshotJson.ReadResult tree = SnapshotJson.readTree(json, "snap.json");
        SnapshotJson.ReadResult text = SnapshotJson.read(json, "snap.json");
        Path file = Files.writeString(dir.resolve("snap.json"), json, StandardCharsets.UTF_8);
        SnapshotJson.ReadResult streamed = SnapshotJson.read(file, "snap.json");
        SnapshotJson.ReadResult bytes = SnapshotJson.read(json.getBytes(StandardCharsets.UTF_8), "snap.json");
        assertEquals(lines(tree), lines(text));
        assertEquals(lines(tree), lines(streamed));
        assertEquals(lines(tree), lines(bytes));
        assertEquals(tree.snapshot(), text.snapshot());
        assertEquals(tree.snapshot(), streamed.snapshot());
        assertEquals(tree.snapshot(), bytes.snapshot());
        assertEquals(json.startsWith(FALLBACK), SnapshotJson.readStreaming(json, "snap.json") == null,
            "only documents that are not one object fall back to the tree read");
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aFileThatIsNotUtf8IsReportedAsItsBytesAre() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<byte[]> files = List.of(
        (HEAD + "\"prefixes\": []}").getBytes(StandardCharsets.UTF_16),
        new byte[] {'{', '\n', '"', (byte) 0xff, '"', '}'},
        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'},
        (HEAD + "\"source\": {\"kind\": \"café\"}}").getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < files.size(); i++) {
      byte[] content = files.get(i);
      tests.add(DynamicTest.dynamicTest("file " + i, () -> {
        Path file = Files.write(dir.resolve("snap.json"), content);
        StrictUtf8.Decoded decoded = StrictUtf8.decode(content);
        List<String> expected = decoded.ok() ? lines(SnapshotJson.readTree(decoded.text(), "snap.json"))
            : List.of("error[snapshot-invalid] snap.json: " + decoded.problem()
                + " (fix: re-record the snapshot with 'keagen snapshot', or convert the file to UTF-8)");
        assertEquals(expected, lines(SnapshotJson.read(content, "snap.json")));
        assertEquals(expected, lines(SnapshotJson.read(file, "snap.json")));
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> theCorpusHoldsBothOutcomes() throws IOException {
    List<String> documents = documents();
    long ok = documents.stream().filter(d -> SnapshotJson.readTree(d, "x").ok()).count();
    return Stream.of(
        DynamicTest.dynamicTest("some documents read", () -> assertTrue(ok >= 3)),
        DynamicTest.dynamicTest("some fail", () -> assertFalse(ok == documents.size())));
  }

  private static List<String> lines(SnapshotJson.ReadResult result) {
    return result.diagnostics().stream().map(Diagnostic::toLine).toList();
  }

  private static String abbreviate(String json) {
    String flat = json.replaceAll("\\s+", " ");
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
