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
import java.util.Map;
import java.util.TreeMap;
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
        FALLBACK + HEAD + "\"pool_addresses\": [" + ADDRESS,
        FALLBACK + HEAD + "\"reserved_addresses\": [{\"address\": \"10.0.0.6\", \"interfaces\": [{\"name\": \"e\","
            + " \"device_id\": \"d\", \"name\": \"f\"}]}]}",
        FALLBACK + HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": {\"a\": 1, \"a\": 2}}]}",
        FALLBACK + HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": {\"a\": NaN}}]}"));
    documents.addAll(resumedAfterTheSectionsReadAside());
    documents.addAll(duplicateKeys());
    documents.addAll(malformedElements());
    documents.addAll(contexts());
    return documents;
  }

  /**
   * The reserved addresses and the devices are read by a second parser; the first goes on after
   * each of them, wherever they are: first, between others, last, followed by what only the tree
   * read can report.
   */
  private static List<String> resumedAfterTheSectionsReadAside() {
    String device = "{\"id\": \"d\", \"name\": \"n\", \"config_context\": {\"dhcp\": {\"options\": {}}}}";
    String reserved = "\"reserved_addresses\": [{\"address\": \"10.0.0.6/24\", \"interfaces\": [{\"name\": \"eth0\","
        + " \"mac_address\": \"00:11:22:33:44:55\", \"device_id\": \"d\"}]}]";
    String devices = "\"devices\": [" + device + "]";
    String prefixes = "\"prefixes\": [{\"id\": \"p\", \"prefix\": \"10.0.0.0/24\"}]";
    String pool = "\"pool_addresses\": [" + ADDRESS + "]";
    return List.of(
        HEAD + reserved + ", " + devices + ", " + prefixes + ", " + pool + "}",
        HEAD + devices + ", \"bogus\": {\"x\": [1]}, " + reserved + ", " + prefixes + "}",
        HEAD + prefixes + ", " + pool + ", " + reserved + ", " + devices + "}",
        HEAD + prefixes + ", " + devices + "\n  \n}\n\n",
        HEAD + reserved + ",\"static_config\":[],\"option_definitions\":[{\"name\":\"o\"}]}",
        HEAD + "\"devices\": []}",
        // the second parser starts at the first key of theirs in any object: here a nested one, whose read is not used
        HEAD + "\"pool_addresses\": [{\"id\": \"1\", \"address\": \"10.0.0.5\", \"devices\": [{\"id\": \"x\","
            + " \"name\": \"bogus\"}]}], " + devices + "}",
        HEAD + "\"prefixes\": [{\"id\": \"p\", \"prefix\": \"10.0.0.0/24\", " + reserved + "}], " + reserved + ", "
            + devices + "}",
        HEAD + "\"other\": {\"devices\": [], \"x\": 1}, " + devices + ", " + reserved + "}",
        HEAD + "\"other\": [{\"reserved_addresses\" : [1, {\"devices\": {}}]}], " + reserved + "}",
        FALLBACK + HEAD + devices + ", \"x\": }",
        FALLBACK + HEAD + devices + "} x",
        FALLBACK + HEAD + devices + ", " + prefixes + ", " + devices + "}",
        FALLBACK + HEAD + reserved + ", \"prefixes\": [], " + reserved + "}",
        FALLBACK + HEAD + devices);
  }

  /** A key twice in one object, anywhere: only the tree read reports it. */
  private static List<String> duplicateKeys() {
    String twice = "{\"a\": 1, \"b\": {\"c\": [{\"d\": 1, \"d\": 1}]}}";
    List<String> documents = new ArrayList<>(List.of(
        "{\"format\": \"keagen-snapshot/1\", \"source\": {\"kind\": \"x\", \"kind\": \"y\"}}",
        HEAD + "\"other\": " + twice + "}", HEAD + "\"format\": \"keagen-snapshot/1\"}",
        HEAD + "\"prefixes\": [], \"devices\": [], \"prefixes\": null}",
        HEAD + "\"option_definitions\": [" + twice + "]}",
        HEAD + "\"static_config\": [{\"name\": \"f\", \"reservations\": [" + twice + "]}]}",
        HEAD + "\"static_config\": [{\"name\": \"f\", \"subnets\": [], \"subnets\": []}]}",
        HEAD + "\"pool_addresses\": [[" + twice + "]]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"x\": 1, \"y\": 2, \"x\": 3}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"x\": " + twice + "}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"vrf\": " + twice + "}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"vrf\": null, \"vrf\": null}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [], \"interfaces\": []}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [" + twice + "]}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [{\"q\": " + twice + "}]}]}",
        HEAD + "\"pool_addresses\": [{\"address\": \"10.0.0.5\", \"interfaces\": [[" + twice + "]]}]}",
        HEAD + "\"prefixes\": [{\"id\": \"p\", \"prefix\": \"10.0.0.0/8\", \"subnet_id\": 1, \"subnet_id\": 1}]}",
        HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": {}, \"config_context\": {}}]}",
        HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": null, \"config_context\": {}}]}",
        HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"ztp_enabled\": true, \"ztp_enabled\": true}]}",
        HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": " + twice + "}]}",
        HEAD + "\"devices\": [{\"id\": \"d\", \"name\": \"n\", \"config_context\": {\"a\": 1}}, {\"id\": \"e\","
            + " \"name\": \"n\", \"config_context\": {\"a\": 1, \"a\": 1}}]}"));
    documents.replaceAll(document -> FALLBACK + document);
    return documents;
  }

  /** Values of every JSON type, for fields that expect another one (or this one). */
  private static final List<String> VALUES = List.of("\"s\"", "\"\"", "\"  \"", "\"\\u00e9\\ud83d\\ude00\"", "5", "-0", "1.0",
      "1e3", "1e400", "-2.5E-3", "12345678901234567890", "9223372036854775807", "true", "false", "null", "{}",
      "{\"a\": [1, {\"b\": null}]}", "[]", "[1, [2, {}], \"x\"]", "[{\"name\": \"eth0\", \"device_id\": \"d\"}]",
      "\"17\"", "\"017\"", "\"-1\"", "\"10.0.0.5\"", "\"10.0.0.5/24\"", "\"10.0.0.05\"", "\"10.0.0.5/33\"");

  /** A valid element of each kind, as ordered key/value pairs, to spoil one field at a time. */
  private static final Map<String, List<String[]>> ELEMENTS = Map.of(
      "prefixes", List.of(new String[] {"id", "\"p\""}, new String[] {"prefix", "\"10.0.0.0/24\""},
          new String[] {"vrf", "\"blue\""}, new String[] {"location", "\"site\""}, new String[] {"tenant", "\"t\""},
          new String[] {"gateway", "\"10.0.0.1\""}, new String[] {"subnet_id", "7"}),
      "pool_addresses", List.of(new String[] {"id", "\"a\""}, new String[] {"address", "\"10.0.0.5/24\""},
          new String[] {"vrf", "\"blue\""}, new String[] {"interfaces", "[]"}),
      "reserved_addresses", List.of(new String[] {"address", "\"10.0.0.6/24\""}, new String[] {"interfaces",
          "[{\"name\": \"eth0\", \"role\": \"mgmt\", \"mac_address\": \"00:11:22:33:44:55\", \"device_id\": \"d\"}]"}),
      "devices", List.of(new String[] {"id", "\"d\""}, new String[] {"name", "\"leaf1\""}, new String[] {"serial", "\"S1\""},
          new String[] {"platform", "\"sonic\""}, new String[] {"role", "\"leaf\""}, new String[] {"location", "\"site\""},
          new String[] {"ztp_enabled", "true"}, new String[] {"config_context", "{\"dhcp\": {\"options\": {}}}"}),
      "static_config", List.of(new String[] {"name", "\"f\""}, new String[] {"reservations", "[{\"hw-address\": \"x\"}]"},
          new String[] {"subnets", "[]"}),
      "option_definitions", List.of(new String[] {"name", "\"o\""}, new String[] {"code", "224"}));

  /**
   * Addresses of the usual shape, a decimal id and an address in the plain form, which the token
   * read takes as numbers: spoiled after fields it has read that way.
   */
  private static final List<Map.Entry<String, List<String[]>>> USUAL_ADDRESSES = List.of(
      Map.entry("pool_addresses", List.of(new String[] {"id", "\"17\""}, new String[] {"address", "\"10.0.0.5/24\""},
          new String[] {"vrf", "null"}, new String[] {"interfaces", "[]"})),
      Map.entry("reserved_addresses", List.of(new String[] {"vrf", "\"blue\""}, new String[] {"address", "\"10.0.0.6\""},
          new String[] {"id", "\"18\""}, new String[] {"interfaces", "[{\"name\": \"eth0\", \"device_id\": \"d\"}]"})));

  /** The keys of an interface attachment, spoiled inside a reserved address. */
  private static final List<String[]> ATTACHMENT = List.of(new String[] {"name", "\"eth0\""},
      new String[] {"role", "\"mgmt\""}, new String[] {"mac_address", "\"00:11:22:33:44:55\""},
      new String[] {"device_id", "\"d\""});

  /**
   * Elements with one field of every JSON type, absent, or next to an unknown key (first, between,
   * last), and whole elements of every type; in each section and inside an address's interfaces.
   */
  private static List<String> malformedElements() {
    List<String> documents = new ArrayList<>();
    List<Map.Entry<String, List<String[]>>> kinds = new ArrayList<>(new TreeMap<>(ELEMENTS).entrySet());
    kinds.addAll(USUAL_ADDRESSES);
    for (Map.Entry<String, List<String[]>> kind : kinds) {
      String section = kind.getKey();
      for (String[] field : kind.getValue()) {
        for (String value : VALUES) {
          documents.add(HEAD + "\"" + section + "\": [" + object(kind.getValue(), field[0], value) + "]}");
        }
        documents.add(HEAD + "\"" + section + "\": [" + object(kind.getValue(), field[0], null) + "]}");
      }
      documents.add(HEAD + "\"" + section + "\": [" + object(kind.getValue(), null, null) + ", "
          + String.join(", ", VALUES) + "]}");
      for (int at = 0; at <= kind.getValue().size(); at++) {
        List<String[]> fields = new ArrayList<>(kind.getValue());
        fields.add(at, new String[] {"unknown_" + at, VALUES.get(at % VALUES.size())});
        fields.add(new String[] {"zz", "{\"deep\": [[[]]]}"});
        documents.add(HEAD + "\"" + section + "\": [" + object(fields, null, null) + "]}");
      }
    }
    for (String[] field : ATTACHMENT) {
      for (String value : VALUES) {
        documents.add(HEAD + "\"reserved_addresses\": [{\"address\": \"10.0.0.6\", \"interfaces\": ["
            + object(ATTACHMENT, field[0], value) + "], \"vrf\": 3}]}");
      }
      documents.add(HEAD + "\"reserved_addresses\": [{\"interfaces\": [" + object(ATTACHMENT, field[0], null)
          + ", 1, null, [], {\"x\": 1}], \"id\": 5, \"address\": \"10.0.0.6\"}]}");
    }
    // several findings in one element, in an order unlike the checks' order
    documents.add(HEAD + "\"devices\": [{\"config_context\": 1, \"ztp_enabled\": \"no\", \"role\": 2, \"x\": 1,"
        + " \"name\": \"\", \"id\": null, \"y\": {}}, {\"location\": [], \"name\": \"n\", \"id\": \"d\", \"serial\": {}}]}");
    documents.add(HEAD + "\"pool_addresses\": [{\"vrf\": 1, \"interfaces\": [{\"device_id\": 1, \"q\": 2}, {\"role\": 3,"
        + " \"name\": \"e\", \"device_id\": \"d\"}], \"q\": 0, \"address\": \"a\", \"id\": []}]}");
    documents.add(HEAD + "\"prefixes\": [{\"subnet_id\": 1.5, \"tenant\": 1, \"prefix\": \" \", \"id\": \"p\"}, {\"id\": \"q\","
        + " \"prefix\": \"10.0.0.0/8\", \"tenant\": 1, \"vrf\": false, \"subnet_id\": 99999999999999999999}]}");
    documents.add(HEAD + "\"pool_addresses\": [], \"reserved_addresses\": [], \"devices\": [], \"prefixes\": []}");
    return documents;
  }

  /** An element's JSON: {@code fields} with {@code key} given {@code value}, or left out when {@code value} is null. */
  private static String object(List<String[]> fields, String key, String value) {
    List<String> members = new ArrayList<>();
    for (String[] field : fields) {
      if (!field[0].equals(key)) {
        members.add("\"" + field[0] + "\": " + field[1]);
      } else if (value != null) {
        members.add("\"" + field[0] + "\": " + value);
      }
    }
    return "{" + String.join(", ", members) + "}";
  }

  /**
   * Devices whose config contexts are equal, equal but for key order, or differ only in how a number
   * is written: which of them share one object must not change.
   */
  private static List<String> contexts() {
    List<String> contexts = List.of("{}", "{\"a\": 1, \"b\": [1, 2]}", "{\"b\": [1, 2], \"a\": 1}", "{\"a\": 1.0, \"b\": [1, 2]}",
        "{\"a\": 1e0, \"b\": [1, 2]}", "{\"a\": 10E-1, \"b\": [1, 2]}", "{\"a\": 1, \"b\":[1,2]}", "{\"b\": [2, 1], \"a\": 1}",
        "{\"n\": 12345678901234567890, \"m\": -9223372036854775808, \"k\": 2147483648, \"f\": 1e400}",
        "{\"n\": 12345678901234567890, \"m\": -9223372036854775808, \"k\": 2147483648, \"f\": 1e401}",
        "{\"x\": -0, \"y\": -0.0, \"z\": 0.1, \"w\": 1.7976931348623157e308, \"v\": 4.9e-324, \"u\": 1e-400}",
        "{\"x\": 0, \"y\": 0.0, \"z\": 0.10, \"w\": 1.7976931348623157E308, \"v\": 5e-324, \"u\": 0}",
        "{\"s\": \"\\u00e9\\ud83d\\ude00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0001\", \"\\u00e9\": null, \"\": \"\"}",
        "{\"s\": \"\\ud800\", \"t\": \"\\udc00x\"}", "{\"s\": \"é😀\"}", "{\"s\": \"\\u00e9\\ud83d\\ude00\"}",
        "{\"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"subnet_options\": {\"routers\": \"10.0.0.1\"}}}}},"
            + " \"ztp\": {\"ipv4\": [\"198.18.0.1\"], \"ipv6\": []}, \"deep\": [[[[{\"a\": [true, false, null]}]]]]}",
        "{\"ztp\": {\"ipv6\": [], \"ipv4\": [\"198.18.0.1\"]}, \"deep\": [[[[{\"a\": [true, false, null]}]]]],"
            + " \"dhcp\": {\"options\": {\"interface_names\": {\"eth0\": {\"subnet_options\": {\"routers\": \"10.0.0.1\"}}}}}}");
    List<String> devices = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (String context : contexts) {
        devices.add("{\"id\": \"d" + devices.size() + "\", \"name\": \"n\", \"config_context\": " + context + "}");
      }
    }
    List<String> documents = new ArrayList<>();
    documents.add(HEAD + "\"devices\": [" + String.join(", ", devices) + "]}");
    // contexts of every size up to beyond a read buffer, each twice, across the file's chunks
    List<String> sized = new ArrayList<>();
    for (int size = 0; size < 24_000; size = size * 5 / 4 + 7) {
      String context = "{\"pad\": \"" + "x".repeat(size) + "\", \"n\": [1.5, -2, {\"k\": \"\\u00e9\"}]}";
      for (String id : List.of("a", "b")) {
        sized.add("{\"id\": \"" + id + size + "\", \"name\": \"n\", \"config_context\": " + context + "}");
      }
    }
    documents.add(HEAD + "\"devices\": [" + String.join(", ", sized) + "]}");
    for (String value : VALUES) {
      documents.add(HEAD + "\"devices\": [" + devices.get(1) + ", {\"id\": \"d\", \"name\": \"n\", \"config_context\": "
          + value + "}, " + devices.get(2) + "]}");
    }
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
        assertEquals(contexts(tree), contexts(text));
        assertEquals(contexts(tree), contexts(streamed));
        assertEquals(contexts(tree), contexts(bytes));
        boolean fallsBack = json.startsWith(FALLBACK);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(fallsBack, SnapshotJson.readStreaming(json, "snap.json") == null,
            "only documents that are not one object fall back to the tree read");
        assertEquals(fallsBack, SnapshotJson.readStreaming(utf8, "snap.json") == null, "bytes");
        assertEquals(fallsBack, SnapshotJson.readStreaming(file, "snap.json") == null, "file");
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

  /**
   * Each device's config context as text (key order and number forms included), and for each the
   * first device whose context is the very same object.
   */
  private static List<String> contexts(SnapshotJson.ReadResult result) {
    List<String> out = new ArrayList<>();
    if (result.ok()) {
      List<Device> devices = result.snapshot().devices();
      for (Device device : devices) {
        int first = 0;
        while (devices.get(first).configContext() != device.configContext()) {
          first++;
        }
        out.add(device.configContext() + " shared with device " + first);
      }
    }
    return out;
  }

  private static List<String> lines(SnapshotJson.ReadResult result) {
    return result.diagnostics().stream().map(Diagnostic::toLine).toList();
  }

  private static String abbreviate(String json) {
    String flat = json.replaceAll("\\s+", " ");
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
