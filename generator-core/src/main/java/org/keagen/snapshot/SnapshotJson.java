package org.keagen.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.keagen.concurrent.Background;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.json.CanonicalJson;
import org.keagen.json.JsonErrors;
import org.keagen.json.StrictUtf8;

/**
 * Reads and writes the snapshot's JSON form ({@code schemas/snapshot.schema.json}). Reading reports
 * every malformed field with its JSON path and what was expected, not just the first.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = newMapper();
  /**
   * Reads one value from the middle of a document: what follows it is the rest of the document.
   * It refuses a duplicate key itself, for the streaming read's parser does not.
   */
  private static final ObjectReader ONE_VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private SnapshotJson() {}

  /** A mapper that rejects duplicate keys and bounds nesting, for any untrusted JSON keagen reads. */
  public static ObjectMapper newMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return mapper;
  }

  /** The outcome of reading: a snapshot when there were no errors, else the errors. */
  public record ReadResult(Snapshot snapshot, List<Diagnostic> diagnostics) {
    public ReadResult {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return snapshot != null;
    }
  }

  /** Parses a snapshot file's bytes, which must be UTF-8; {@code origin} names the file in diagnostics. */
  public static ReadResult read(byte[] bytes, String origin) {
    try {
      return readChecked(() -> new ByteArrayInputStream(bytes), plainStart(bytes) ? new ArrayText(bytes) : null,
          () -> new String(bytes, StandardCharsets.UTF_8), origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Parses snapshot JSON text; {@code origin} names the file in diagnostics. */
  public static ReadResult read(String json, String origin) {
    ReadResult streamed = readStreaming(new StringText(json), origin);
    return streamed != null ? streamed : readTree(json, origin);
  }

  /**
   * Reads a snapshot file as {@link #read(byte[], String)} reads its bytes, without holding its
   * bytes, its text or its whole JSON tree: the file is checked to be UTF-8 in chunks, then each
   * prefix, address and device is read from the parser's tokens into its record.
   */
  public static ReadResult read(Path file, String origin) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(4);
    }
    return readChecked(() -> Files.newInputStream(file), plainStart(start) ? new FileText(file) : null,
        () -> Files.readString(file, StandardCharsets.UTF_8), origin);
  }

  /** Something that opens the snapshot's bytes again. */
  private interface ByteSource {
    InputStream open() throws IOException;
  }

  /** Something that reads the snapshot's whole text. */
  private interface WholeText {
    String read() throws IOException;
  }

  /**
   * Checks that the bytes are UTF-8 on a second thread while the element-by-element read of {@code
   * text} runs; a problem with the bytes is reported in place of whatever the read found. A document
   * that is not one object falls back to the tree read, as does one with no {@code text}.
   */
  private static ReadResult readChecked(ByteSource bytes, RawText text, WholeText whole, String origin)
      throws IOException {
    Background<Object> check = Background.start("utf8-check", () -> {
      try (InputStream in = bytes.open()) {
        return StrictUtf8.problem(in);
      } catch (IOException e) {
        return e;
      }
    });
    ReadResult streamed;
    Exception failed = null;
    try {
      streamed = text == null ? null : readStreamingFrom(text, origin);
    } catch (IOException | RuntimeException e) { // also what bytes that are not UTF-8 make the parser throw
      streamed = null;
      failed = e;
    }
    Object checked = check.join();
    if (checked instanceof IOException e) {
      throw e;
    }
    if (checked instanceof String problem) {
      return notUtf8(problem, origin);
    }
    if (failed instanceof IOException e) {
      throw e;
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    return streamed != null ? streamed : readTree(whole.read(), origin);
  }

  /**
   * True when UTF-8 bytes can go to Jackson's byte parser, which then reads them exactly as the
   * decoded text: no byte-order mark (which it would skip) and no NUL among the first four bytes
   * (from which it would guess UTF-16 or UTF-32). Other bytes are never a JSON document (neither a
   * NUL nor a byte-order mark is JSON whitespace), so only the tree read reads them, to report that.
   */
  private static boolean plainStart(byte[] bytes) {
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return !(bytes.length >= 3 && bytes[0] == (byte) 0xef && bytes[1] == (byte) 0xbb && bytes[2] == (byte) 0xbf);
  }

  /**
   * The element-by-element read, or {@code null} when only the tree read can report the document
   * (it is not one JSON object followed by nothing).
   */
  private static ReadResult readStreamingFrom(RawText text, String origin) throws IOException {
    try (JsonParser parser = text.open()) {
      return stream(parser, text, origin);
    } catch (JsonProcessingException e) {
      return null; // malformed JSON
    }
  }

  /** {@link #readStreamingFrom} for text in memory, which cannot fail to be read. */
  private static ReadResult readStreaming(RawText text, String origin) {
    try {
      return readStreamingFrom(text, origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The element-by-element read of {@code json}, or {@code null}; for tests. */
  static ReadResult readStreaming(String json, String origin) {
    return readStreaming(new StringText(json), origin);
  }

  /** The element-by-element read of UTF-8 {@code bytes}, or {@code null}; for tests. */
  static ReadResult readStreaming(byte[] bytes, String origin) {
    return readStreaming(new ArrayText(bytes), origin);
  }

  /** The element-by-element read of a UTF-8 file, or {@code null}; for tests. */
  static ReadResult readStreaming(Path file, String origin) throws IOException {
    return readStreamingFrom(new FileText(file), origin);
  }

  private static ReadResult notUtf8(String problem, String origin) {
    return new ReadResult(null, List.of(Diagnostic.error(DiagnosticCode.SNAPSHOT_INVALID, origin, problem,
        "re-record the snapshot with 'keagen snapshot', or convert the file to UTF-8")));
  }

  /** Reads the whole tree first; the reference behaviour, and the one for malformed JSON. */
  static ReadResult readTree(String json, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new ReadResult(null, List.of(Diagnostic.error(DiagnosticCode.SNAPSHOT_INVALID, origin,
          "not valid JSON" + JsonErrors.describe(e),
          "re-record the snapshot with 'keagen snapshot' or fix the JSON syntax")));
    }
    Reader reader = new Reader(origin, null);
    Snapshot snapshot = reader.snapshot(root);
    return reader.errors.isEmpty() ? new ReadResult(snapshot, List.of()) : new ReadResult(null, reader.errors);
  }

  /**
   * Reads a snapshot object element by element: the objects of the lists straight from the parser's
   * tokens, the rest as small trees. Returns {@code null} when the document is not one JSON object
   * followed by nothing, so the caller falls back to the tree read, which reports it. A duplicate
   * key throws, as the parser's own check would; that check is off, for it costs a set per object.
   */
  private static ReadResult stream(JsonParser parser, RawText text, String origin) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    Reader reader = new Reader(origin, text);
    ObjectNode others = JsonNodeFactory.instance.objectNode();
    Map<String, List<?>> lists = new HashMap<>();
    Map<String, List<Diagnostic>> listErrors = new HashMap<>();
    Map<String, Section<?>> sections = reader.sections();
    Map<String, CompletableFuture<Long>> asideEnds = new HashMap<>();
    READ_ASIDE.forEach(name -> asideEnds.put(name, new CompletableFuture<>()));
    CompletableFuture<Long> asideStart = new CompletableFuture<>();
    Background<Map<String, SectionRead>> aside = Runtime.getRuntime().availableProcessors() > 1
        ? Background.start("read-aside", () -> readAside(text.again(), origin, asideStart, asideEnds)) : null;
    boolean asideReads = false; // the second parser started where this one found a section it reads
    Set<String> skipped = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<JsonParser> resumed = new ArrayList<>();
    try {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (!names.add(name)) {
          throw duplicate(parser, name);
        }
        long nameAt = text.offset(parser.currentTokenLocation());
        JsonToken value = parser.nextToken();
        Section<?> section = sections.get(name);
        if (section == null || value != JsonToken.START_ARRAY) {
          others.set(name, value(parser));
          continue;
        }
        if (aside != null && READ_ASIDE.contains(name)) {
          long start = asideStart.join();
          asideReads = asideReads || start < 0 || start == nameAt;
        }
        if (asideReads && READ_ASIDE.contains(name)) {
          JsonParser after = skipReadAside(parser, text, asideEnds.get(name));
          if (after != null) {
            resumed.add(after);
            parser = after;
          }
          skipped.add(name);
          continue;
        }
        List<Diagnostic> errors = new ArrayList<>();
        reader.errors = errors;
        lists.put(name, readSection(parser, reader, section, Where.ROOT.key(name)));
        listErrors.put(name, errors);
      }
      if (parser.nextToken() != null) {
        return null;
      }
    } finally {
      for (JsonParser opened : resumed) {
        opened.close();
      }
    }
    if (!skipped.isEmpty()) {
      Map<String, SectionRead> readAside;
      try {
        readAside = aside.join();
      } catch (UncheckedIOException e) {
        throw e.getCause(); // e.g. a duplicate key in a device: as if this read had found it
      }
      for (String name : skipped) {
        SectionRead section = readAside.get(name);
        if (section == null) { // the two parsers read different texts
          throw new IOException("the file changed while it was read");
        }
        lists.put(name, section.values());
        listErrors.put(name, section.errors());
      }
    }
    reader.errors = new ArrayList<>();
    Snapshot snapshot = reader.assemble(others, lists, listErrors);
    return reader.errors.isEmpty() ? new ReadResult(snapshot, List.of()) : new ReadResult(null, reader.errors);
  }

  /**
   * Passes over the section at the parser's START_ARRAY, which the second parser reads: once that
   * parser has read it ({@code end}, where it ends, completes), a new parser from there is returned;
   * when it could not ({@code end} -1), the section is skipped token by token and {@code null} returned.
   * Waiting leaves the core to the second parser, which is then near the section's end.
   */
  private static JsonParser skipReadAside(JsonParser parser, RawText text, CompletableFuture<Long> end)
      throws IOException {
    JsonParser after = text.resumeAt(end.join());
    if (after != null) {
      return after;
    }
    parser.skipChildren();
    return null;
  }

  /** A section read apart: its elements and its findings. */
  private record SectionRead(List<?> values, List<Diagnostic> errors) {}

  /** The sections a second parser reads while the first reads the others: about half of a large snapshot. */
  private static final Set<String> READ_ASIDE = Set.of("reserved_addresses", "devices");

  /**
   * The {@link #READ_ASIDE} sections of the document, read by a parser of its own over the same
   * text so that a second core reads them while the first reads the pool addresses. That parser
   * starts where the first of them seems to start ({@code start}: that offset, or -1 for the
   * document's start when there is no guess), so it does not pass over the pool addresses first;
   * the main read uses these results only when it found that section there, and then reads on from
   * where each ends ({@code ends}, -1 for one not read here). Whatever else the document holds
   * is only skipped here; the main read checks it.
   */
  private static Map<String, SectionRead> readAside(RawText text, String origin, CompletableFuture<Long> start,
      Map<String, CompletableFuture<Long>> ends) {
    Map<String, SectionRead> read = new HashMap<>();
    try {
      long guess = text.guessKey(READ_ASIDE);
      JsonParser at = guess < 0 ? null : text.openAt(guess);
      start.complete(at == null ? -1L : guess);
      try (JsonParser parser = at != null ? at : text.open()) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return read;
        }
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Reader reader = new Reader(origin, text);
        while (read.size() < READ_ASIDE.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (parser.nextToken() == JsonToken.START_ARRAY && READ_ASIDE.contains(name) && !read.containsKey(name)) {
            List<Diagnostic> errors = new ArrayList<>();
            reader.errors = errors;
            List<?> values = readSection(parser, reader, reader.sections().get(name), Where.ROOT.key(name));
            read.put(name, new SectionRead(values, errors));
            ends.get(name).complete(text.offset(parser.currentLocation()));
          } else {
            parser.skipChildren();
          }
        }
        return read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      start.complete(-1L);
      ends.values().forEach(end -> end.complete(-1L)); // not read here: the main read skips it itself
    }
  }

  /** The elements of the array at the parser's START_ARRAY, checked and collected by {@code section}. */
  private static <T, A> List<T> readSection(JsonParser parser, Reader reader, Section<T> section, Where path)
      throws IOException {
    if ((Object) section.collector() == ADDRESSES) { // the address sections
      AddressList.Builder addresses = AddressList.builder();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        reader.address(parser, addresses, path, i);
      }
      @SuppressWarnings("unchecked")
      List<T> read = (List<T>) addresses.build();
      return read;
    }
    @SuppressWarnings("unchecked")
    Collector<T, A, List<T>> collector = (Collector<T, A, List<T>>) section.collector();
    A collected = collector.supplier().get();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      T read = section.element().apply(reader.element(parser, section.keys()), path.index(i));
      if (read != null) {
        collector.accumulator().accept(collected, read);
      }
    }
    return collector.finisher().apply(collected);
  }

  private static JsonParseException duplicate(JsonParser parser, String name) {
    return new JsonParseException(parser, "Duplicate field '" + name + "'");
  }

  /** The value starting at the parser's current token, as a tree; the parser stops at its last token. */
  private static JsonNode value(JsonParser parser) throws IOException {
    JsonNode tree = ONE_VALUE.readTree(parser);
    return tree == null ? NullNode.getInstance() : tree;
  }

  /** Writes a snapshot as canonical JSON text (stable key order, two-space indent, final newline). */
  public static String write(Snapshot snapshot) {
    StringWriter out = new StringWriter();
    try {
      write(snapshot, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string writer does not fail
    }
    return out.toString();
  }

  /**
   * Writes {@link #write(Snapshot)}'s text to {@code out} as UTF-8 (flushed, not closed). The
   * addresses and devices are turned into JSON one at a time as they are written, so a large
   * fabric's snapshot needs neither a tree of its million elements nor its text in memory.
   */
  public static void write(Snapshot snapshot, OutputStream out) throws IOException {
    Document document = document(snapshot);
    CanonicalJson.write(document.root(), out, document::entries);
  }

  /** {@link #write(Snapshot, OutputStream)} as characters. */
  public static void write(Snapshot snapshot, Writer out) throws IOException {
    Document document = document(snapshot);
    CanonicalJson.write(document.root(), out, document::entries);
  }

  /** A snapshot's JSON, but for its arrays of addresses and devices, whose elements are made as they are written. */
  private record Document(ObjectNode root, Map<ArrayNode, Supplier<Iterator<ObjectNode>>> streamed) {
    Iterator<ObjectNode> entries(ArrayNode array) {
      Supplier<Iterator<ObjectNode>> elements = streamed.get(array);
      return elements == null ? null : elements.get();
    }
  }

  private static Document document(Snapshot snapshot) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", Snapshot.FORMAT);
    ObjectNode source = root.putObject("source");
    source.put("kind", snapshot.source().kind());
    putOptional(source, "url", snapshot.source().url());
    putOptional(source, "version", snapshot.source().version());
    ArrayNode prefixes = root.putArray("prefixes");
    for (Prefix p : snapshot.prefixes()) {
      ObjectNode n = prefixes.addObject();
      n.put("id", p.id());
      n.put("prefix", p.prefix());
      putOptional(n, "vrf", p.vrf());
      putOptional(n, "location", p.location());
      putOptional(n, "tenant", p.tenant());
      putOptional(n, "gateway", p.gateway());
      if (p.subnetId() != null) {
        n.put("subnet_id", p.subnetId());
      }
    }
    Map<ArrayNode, Supplier<Iterator<ObjectNode>>> streamed = new IdentityHashMap<>();
    streamed.put(root.putArray("pool_addresses"),
        () -> snapshot.poolAddresses().stream().map(SnapshotJson::addressNode).iterator());
    streamed.put(root.putArray("reserved_addresses"),
        () -> snapshot.reservedAddresses().stream().map(SnapshotJson::addressNode).iterator());
    streamed.put(root.putArray("devices"), () -> snapshot.devices().stream().map(SnapshotJson::deviceNode).iterator());
    ArrayNode defs = root.putArray("option_definitions");
    snapshot.optionDefinitions().forEach(d -> defs.add(d.toNode()));
    ArrayNode fragments = root.putArray("static_config");
    for (StaticFragment f : snapshot.staticFragments()) {
      ObjectNode n = fragments.addObject();
      n.put("name", f.name());
      ArrayNode reservations = n.putArray("reservations");
      f.reservations().forEach(r -> reservations.add(r.toNode()));
      ArrayNode subnets = n.putArray("subnets");
      f.subnets().forEach(s -> subnets.add(s.toNode()));
    }
    return new Document(root, streamed);
  }

  private static ObjectNode addressNode(Address a) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("id", a.id());
    n.put("address", a.address());
    putOptional(n, "vrf", a.vrf());
    ArrayNode interfaces = n.putArray("interfaces");
    for (InterfaceAttachment i : a.interfaces()) {
      ObjectNode in = interfaces.addObject();
      in.put("name", i.name());
      putOptional(in, "role", i.role());
      putOptional(in, "mac_address", i.macAddress());
      in.put("device_id", i.deviceId());
    }
    return n;
  }

  private static ObjectNode deviceNode(Device d) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("id", d.id());
    n.put("name", d.name());
    putOptional(n, "serial", d.serial());
    putOptional(n, "platform", d.platform());
    putOptional(n, "role", d.role());
    putOptional(n, "location", d.location());
    if (d.ztpEnabled() != null) {
      n.put("ztp_enabled", d.ztpEnabled());
    }
    n.set("config_context", d.configContext().toNode());
    return n;
  }

  private static void putOptional(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  /** The known keys of each kind of object, in the order diagnostics list them. */
  private static final String[] TOP_KEYS = {"format", "source", "prefixes", "pool_addresses", "reserved_addresses",
      "devices", "option_definitions", "static_config"};
  private static final String[] SOURCE_KEYS = {"kind", "url", "version"};
  private static final String[] PREFIX_KEYS = {"id", "prefix", "vrf", "location", "tenant", "gateway", "subnet_id"};
  private static final String[] ADDRESS_KEYS = {"id", "address", "vrf", "interfaces"};
  private static final String[] ATTACHMENT_KEYS = {"name", "role", "mac_address", "device_id"};
  private static final String[] DEVICE_KEYS = {"id", "name", "serial", "platform", "role", "location", "ztp_enabled",
      "config_context"};
  private static final String[] FRAGMENT_KEYS = {"name", "reservations", "subnets"};

  /**
   * How one list of the snapshot reads its elements: {@code keys}, when not null, are the keys of
   * the objects the token read reads field by field; {@code element} checks one element, as read;
   * {@code collector} gathers the checked ones as they come.
   */
  private record Section<T>(String[] keys, BiFunction<Object, Where, T> element,
      Collector<T, ?, List<T>> collector) {
    Section(String[] keys, BiFunction<Object, Where, T> element) {
      this(keys, element, Collectors.toList());
    }
  }

  /** Addresses into an {@link AddressList} one by one, so their records and texts die young. */
  private static final Collector<Address, AddressList.Builder, List<Address>> ADDRESSES = Collector.of(
      AddressList::builder, AddressList.Builder::add, (a, b) -> {
        throw new UnsupportedOperationException("read in order");
      }, AddressList.Builder::build);

  /** A place in the document, spelled out only when a finding names it. */
  private record Where(Where parent, String key, int index) {
    static final Where ROOT = new Where(null, null, 0);

    Where key(String name) {
      return new Where(this, name, 0);
    }

    Where index(int i) {
      return new Where(this, null, i);
    }

    @Override
    public String toString() {
      return parent == null ? "$" : parent + (key != null ? "." + key : "[" + index + "]");
    }
  }

  /** The position of {@code name} in {@code keys}, or -1. */
  private static int keyIndex(String[] keys, String name) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == name) { // the parser's names are interned, as are the keys
        return i;
      }
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One object's values under the known keys of its kind, and its other keys in document order. A
   * value is absent ({@code null}), a {@link String} (the token read's strings), a {@link JsonNode}
   * (any other value, or any value in the tree read), or what the token read made of an address's
   * interfaces (a {@link List} of elements, each as {@link Reader#element} reads it) or of a
   * device's config context (the shared {@link JsonObject}).
   */
  private static final class Fields {
    private final String[] keys;
    private final Object[] values;
    private List<String> unknown = List.of();

    Fields(String[] keys) {
      this.keys = keys;
      this.values = new Object[keys.length];
    }

    /** The fields of an object read as a tree. */
    static Fields of(ObjectNode node, String[] keys) {
      Fields fields = new Fields(keys);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        fields.set(fields.index(field.getKey()), field.getKey(), field.getValue());
      }
      return fields;
    }

    /** The position of {@code name} among the known keys, or -1. */
    int index(String name) {
      return keyIndex(keys, name);
    }

    /** True when the key at {@code index}, or unknown key {@code name} when that is -1, was set. */
    boolean has(int index, String name) {
      return index >= 0 ? values[index] != null : unknown.contains(name);
    }

    /** Sets the value at {@code index}, or notes {@code name} as unknown when the index is -1. */
    void set(int index, String name, Object value) {
      if (index >= 0) {
        values[index] = value;
      } else {
        if (unknown.isEmpty()) {
          unknown = new ArrayList<>(1);
        }
        unknown.add(name);
      }
    }

    Object get(String key) {
      return values[index(key)];
    }
  }

  /**
   * The snapshot's text for the streaming read: a parser over it, and the raw text between two of
   * the parser's offsets again, as a map key that can be read on its own.
   */
  private abstract static class RawText {
    abstract JsonParser open() throws IOException;

    /** The same text for a second parser, with none of this one's state; a text without state is itself. */
    RawText again() {
      return this;
    }

    /** Where a location of the parser is, in this text's units. */
    abstract long offset(JsonLocation location);

    /** Keeps the text from {@code start} on for {@link #between}; -1 lets it go. */
    void keepFrom(long start) {}

    /** The text from {@code start} to {@code end}, valid until {@link #keepFrom} is called again. */
    abstract Object between(long start, long end);

    /** A key from {@link #between} that stays valid. */
    Object own(Object key) {
      return key;
    }

    /** The tree of the text of a key. */
    abstract JsonNode tree(Object key) throws IOException;

    /**
     * A parser over the text from {@code offset} (just after a value of the top-level object) on,
     * positioned as if it had read that object up to there; {@code null} when {@code offset} is -1
     * or this text cannot start there (the caller then reads on as it was).
     */
    final JsonParser resumeAt(long offset) throws IOException {
      InputStream rest = offset < 0 ? null : from(offset);
      if (rest == null) {
        return null;
      }
      // the rest is ",<more fields>}" or "}": after an object's first field it is the object's end
      JsonParser parser = MAPPER.createParser(new SequenceInputStream(new ByteArrayInputStream(RESUMED), rest));
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
          || parser.nextToken() != JsonToken.VALUE_NULL) {
        throw new IllegalStateException("the resumed read does not start as written");
      }
      return parser;
    }

    /** The text's UTF-8 bytes from {@code offset} on, or {@code null} when this text is not bytes. */
    InputStream from(long offset) throws IOException {
      return null;
    }

    /** Where the first key among {@code names} seems to start ({@link KeyGuess}), or -1. */
    final long guessKey(Collection<String> names) throws IOException {
      try (InputStream in = from(0)) {
        return in == null ? -1 : KeyGuess.first(in, names);
      }
    }

    /**
     * A parser over an opening brace and then the text from {@code offset} (where a key of the
     * top-level object starts) on, so positioned as if it had read that object up to there; its
     * offsets are then this text's. {@code null} when this text cannot start there. For a text of its
     * own ({@link #again}).
     */
    JsonParser openAt(long offset) throws IOException {
      return null;
    }
  }

  /** What {@link RawText#openAt} reads before the text. */
  private static final byte[] BRACE = {'{'};

  /** What {@link RawText#resumeAt} reads before the rest of the text: an object with one field. */
  private static final byte[] RESUMED = "{\"\":null".getBytes(StandardCharsets.UTF_8);

  /** Text in a string; its keys are substrings. */
  private static final class StringText extends RawText {
    private final String json;

    StringText(String json) {
      this.json = json;
    }

    @Override
    JsonParser open() throws IOException {
      return MAPPER.createParser(json);
    }

    @Override
    long offset(JsonLocation location) {
      return location.getCharOffset();
    }

    @Override
    Object between(long start, long end) {
      return json.substring((int) start, (int) end);
    }

    @Override
    JsonNode tree(Object key) throws IOException {
      return MAPPER.readTree((String) key);
    }
  }

  /** UTF-8 text as bytes; its keys are {@link Bytes}. */
  private abstract static class ByteText extends RawText {
    /** Where the parser's first byte is in the text: after {@link #openAt}, one before its offset. */
    long base;

    @Override
    long offset(JsonLocation location) {
      return location.getByteOffset() + base;
    }

    @Override
    final JsonParser openAt(long offset) throws IOException {
      base = offset - BRACE.length;
      return parser(new SequenceInputStream(new ByteArrayInputStream(BRACE), from(offset)));
    }

    /** A parser over {@code in}, this text's bytes from {@link #base} on. */
    abstract JsonParser parser(InputStream in) throws IOException;

    @Override
    Object own(Object key) {
      return ((Bytes) key).copy();
    }

    @Override
    JsonNode tree(Object key) throws IOException {
      Bytes bytes = (Bytes) key;
      return MAPPER.readTree(bytes.array(), bytes.from(), bytes.to() - bytes.from());
    }
  }

  /** Bytes in memory. */
  private static final class ArrayText extends ByteText {
    private final byte[] bytes;

    ArrayText(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    RawText again() {
      return new ArrayText(bytes);
    }

    @Override
    JsonParser open() throws IOException {
      return MAPPER.createParser(bytes);
    }

    @Override
    JsonParser parser(InputStream in) throws IOException {
      return MAPPER.createParser(in);
    }

    @Override
    InputStream from(long offset) {
      return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    @Override
    Object between(long start, long end) {
      return new Bytes(bytes, (int) start, (int) end);
    }
  }

  /**
   * A file's bytes, read once: the parser's stream passes on each chunk it reads, and the bytes
   * from {@link #keepFrom} on are copied aside until let go.
   */
  private static final class FileText extends ByteText {
    private final Path file;
    /** The latest chunk read, in the parser's own buffer, and the offset in the file after it. */
    private byte[] chunk;
    private int chunkFrom;
    private int chunkLength;
    private long chunkEnd;
    private static final int KEPT_AT_MOST = 1 << 20;
    /** The bytes from offset {@code keptFrom} on, or -1 when none are kept. */
    private long keptFrom = -1;
    private byte[] kept = new byte[8192];
    private int keptLength;

    FileText(Path file) {
      this.file = file;
    }

    @Override
    RawText again() {
      return new FileText(file);
    }

    @Override
    InputStream from(long offset) throws IOException {
      return Channels.newInputStream(FileChannel.open(file).position(offset));
    }

    @Override
    JsonParser open() throws IOException {
      return parser(Files.newInputStream(file));
    }

    @Override
    JsonParser parser(InputStream in) throws IOException {
      chunkEnd = base;
      return MAPPER.createParser(new InputStream() {
        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
          int read = in.read(buffer, from, length);
          if (read > 0) {
            chunk = buffer;
            chunkFrom = from;
            chunkLength = read;
            chunkEnd += read;
            if (keptFrom >= 0) {
              keep(buffer, from, read);
            }
          }
          return read;
        }

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      });
    }

    @Override
    void keepFrom(long start) {
      keptFrom = start;
      keptLength = 0;
      if (start < 0 && kept.length > KEPT_AT_MOST) {
        kept = new byte[8192]; // after a huge context
      }
      if (start >= 0) {
        long chunkStart = chunkEnd - chunkLength;
        if (start < chunkStart || start > chunkEnd) {
          throw new IllegalStateException("offset " + start + " is not in the latest chunk read");
        }
        keep(chunk, chunkFrom + (int) (start - chunkStart), (int) (chunkEnd - start));
      }
    }

    @Override
    Object between(long start, long end) {
      return new Bytes(kept, (int) (start - keptFrom), (int) (end - keptFrom));
    }

    private void keep(byte[] bytes, int from, int length) {
      if (keptLength + length > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(2 * kept.length, keptLength + length));
      }
      System.arraycopy(bytes, from, kept, keptLength, length);
      keptLength += length;
    }
  }

  /** Bytes {@code from} to {@code to} of an array, as a map key. */
  private record Bytes(byte[] array, int from, int to, int hash) {
    Bytes(byte[] array, int from, int to) {
      this(array, from, to, hash(array, from, to));
    }

    /** A key that owns its bytes, for an array about to be reused. */
    Bytes copy() {
      return new Bytes(Arrays.copyOfRange(array, from, to), 0, to - from, hash);
    }

    /** {@link Arrays#hashCode(byte[])} of the range, four bytes at a time. */
    private static int hash(byte[] bytes, int from, int to) {
      int hash = 1;
      int i = from;
      for (; i + 3 < to; i += 4) {
        hash = 923521 * hash + 29791 * bytes[i] + 961 * bytes[i + 1] + 31 * bytes[i + 2] + bytes[i + 3];
      }
      for (; i < to; i++) {
        hash = 31 * hash + bytes[i];
      }
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && hash == that.hash
          && Arrays.equals(array, from, to, that.array, that.from, that.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Checks objects into records, collecting one diagnostic per malformed field. The tree read hands
   * it trees; the token read hands it {@link Fields} read from the parser. Either way the same
   * checks run in the same order.
   */
  private static final class Reader {
    private final String origin;
    /** Where findings go; the streaming read points it at one list per section. */
    private List<Diagnostic> errors = new ArrayList<>();
    /**
     * One instance of each repeated short string: VRF, location, tenant, interface name and role,
     * device platform and role.
     */
    private final Map<String, String> shared = new HashMap<>();
    /**
     * One instance of each distinct config context: devices of a site, role or platform mostly carry
     * the same rendered context, and a JsonObject is immutable, so equal ones can be one object.
     */
    private final Map<JsonNode, JsonObject> sharedContexts = new HashMap<>();
    /** {@link #attachment} and {@link #object} as functions, made once rather than per list. */
    private final BiFunction<Object, Where, InterfaceAttachment> asAttachment = this::attachment;
    private final BiFunction<Object, Where, JsonObject> asObject = this::object;
    /** The document's text, for the token read to key config contexts by theirs; null in the tree read. */
    private final RawText text;
    /** The token read's config contexts by their raw text. */
    private final Map<Object, JsonObject> contextsByText = new HashMap<>();

    Reader(String origin, RawText text) {
      this.origin = origin;
      this.text = text;
    }

    Snapshot snapshot(JsonNode root) {
      if (!root.isObject()) {
        fail(Where.ROOT, "a JSON object");
        return null;
      }
      return assemble((ObjectNode) root, Map.of(), Map.of());
    }

    /** How each list of the snapshot reads its elements, by key. */
    Map<String, Section<?>> sections() {
      return Map.of("prefixes", new Section<>(PREFIX_KEYS, this::prefix),
          "pool_addresses", new Section<>(ADDRESS_KEYS, this::address, ADDRESSES),
          "reserved_addresses", new Section<>(ADDRESS_KEYS, this::address, ADDRESSES),
          "devices", new Section<>(DEVICE_KEYS, this::device),
          "option_definitions", new Section<>(null, this::object),
          "static_config", new Section<>(FRAGMENT_KEYS, this::fragment));
    }

    /**
     * Checks the top level and builds the snapshot. {@code root} holds the top-level fields, or
     * those not already read element by element into {@code read} (with the errors found there,
     * which are reported in the same place as if they were read here).
     */
    Snapshot assemble(ObjectNode root, Map<String, List<?>> read, Map<String, List<Diagnostic>> readErrors) {
      Fields top = Fields.of(root, TOP_KEYS);
      String format = requiredString(top, Where.ROOT, "format");
      if (format != null && !Snapshot.FORMAT.equals(format)) {
        fail(Where.ROOT.key("format"),
            "\"" + Snapshot.FORMAT + "\" (this keagen reads that version), found \"" + format + "\"");
      }
      reportUnknown(top, Where.ROOT);
      SourceInfo source = sourceInfo(top.get("source"));
      List<Prefix> prefixes = section(top, read, readErrors, "prefixes", this::prefix);
      List<Address> pool = section(top, read, readErrors, "pool_addresses", this::address);
      List<Address> reserved = section(top, read, readErrors, "reserved_addresses", this::address);
      List<Device> devices = section(top, read, readErrors, "devices", this::device);
      List<JsonObject> defs = section(top, read, readErrors, "option_definitions", this::object);
      List<StaticFragment> fragments = section(top, read, readErrors, "static_config", this::fragment);
      if (!errors.isEmpty()) {
        return null;
      }
      return new Snapshot(source, prefixes, pool, reserved, devices, defs, fragments);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> section(Fields top, Map<String, List<?>> read, Map<String, List<Diagnostic>> readErrors,
        String key, BiFunction<Object, Where, T> element) {
      if (read.containsKey(key)) {
        errors.addAll(readErrors.get(key));
        return (List<T>) read.get(key);
      }
      return list(top.get(key), Where.ROOT, key, element);
    }

    private SourceInfo sourceInfo(Object value) {
      if (isNull(value)) {
        return SourceInfo.of("snapshot");
      }
      Where at = Where.ROOT.key("source");
      if (!(value instanceof ObjectNode node)) {
        fail(at, "an object with 'kind', 'url', 'version'");
        return SourceInfo.of("snapshot");
      }
      Fields fields = fields(node, at, SOURCE_KEYS);
      String kind = requiredString(fields, at, "kind");
      return new SourceInfo(kind == null ? "snapshot" : kind,
          optionalString(fields, at, "url"), optionalString(fields, at, "version"));
    }

    private Prefix prefix(Object element, Where at) {
      Fields fields = fields(element, at, PREFIX_KEYS);
      if (fields == null) {
        return null;
      }
      String id = requiredString(fields, at, "id");
      String prefix = requiredString(fields, at, "prefix");
      Long subnetId = null;
      Object idValue = fields.get("subnet_id");
      if (!isNull(idValue)) {
        if (idValue instanceof JsonNode node && node.canConvertToLong() && node.isIntegralNumber()) {
          subnetId = node.asLong();
        } else {
          fail(at.key("subnet_id"), "an integer or null");
        }
      }
      return id == null || prefix == null ? null : new Prefix(id, prefix,
          share(optionalString(fields, at, "vrf")), share(optionalString(fields, at, "location")),
          share(optionalString(fields, at, "tenant")), optionalString(fields, at, "gateway"), subnetId);
    }

    private Address address(Object element, Where at) {
      Fields fields = fields(element, at, ADDRESS_KEYS);
      if (fields == null) {
        return null;
      }
      String address = requiredString(fields, at, "address");
      String id = optionalString(fields, at, "id");
      List<InterfaceAttachment> interfaces = list(fields.get("interfaces"), at, "interfaces", asAttachment);
      return address == null ? null : new Address(id == null ? address : id, address,
          share(optionalString(fields, at, "vrf")), interfaces);
    }

    private InterfaceAttachment attachment(Object element, Where at) {
      Fields fields = fields(element, at, ATTACHMENT_KEYS);
      if (fields == null) {
        return null;
      }
      String name = requiredString(fields, at, "name");
      String deviceId = requiredString(fields, at, "device_id");
      return name == null || deviceId == null ? null : new InterfaceAttachment(share(name),
          share(optionalString(fields, at, "role")), optionalString(fields, at, "mac_address"), deviceId);
    }

    private Device device(Object element, Where at) {
      Fields fields = fields(element, at, DEVICE_KEYS);
      if (fields == null) {
        return null;
      }
      String id = requiredString(fields, at, "id");
      String name = requiredString(fields, at, "name");
      Boolean ztp = null;
      Object ztpValue = fields.get("ztp_enabled");
      if (!isNull(ztpValue)) {
        if (ztpValue instanceof JsonNode node && node.isBoolean()) {
          ztp = node.asBoolean();
        } else {
          fail(at.key("ztp_enabled"), "true, false or null");
        }
      }
      JsonObject context = context(fields.get("config_context"), at);
      return id == null || name == null ? null : new Device(id, name,
          optionalString(fields, at, "serial"), share(optionalString(fields, at, "platform")),
          share(optionalString(fields, at, "role")), share(optionalString(fields, at, "location")), ztp, context);
    }

    /** A device's config context: the one equal to it read before, else a new one. */
    private JsonObject context(Object value, Where at) {
      if (isNull(value)) {
        return JsonObject.empty();
      }
      if (value instanceof JsonObject read) {
        return read; // the token read's, already shared
      }
      if (value instanceof ObjectNode node) {
        return sharedContext(node);
      }
      fail(at.key("config_context"), "an object (the device's rendered config context) or null");
      return JsonObject.empty();
    }

    private StaticFragment fragment(Object element, Where at) {
      Fields fields = fields(element, at, FRAGMENT_KEYS);
      if (fields == null) {
        return null;
      }
      String name = requiredString(fields, at, "name");
      List<JsonObject> reservations = list(fields.get("reservations"), at, "reservations", asObject);
      List<JsonObject> subnets = list(fields.get("subnets"), at, "subnets", asObject);
      return name == null ? null : new StaticFragment(name, reservations, subnets);
    }

    private JsonObject object(Object element, Where at) {
      if (element instanceof ObjectNode node) {
        return JsonObject.of(node);
      }
      fail(at, "an object");
      return null;
    }

    /**
     * The elements of list {@code key} of the object at {@code at}, each checked by {@code
     * element}; the list is a tree or, from the token read, a {@link List} of elements.
     */
    private <T> List<T> list(Object value, Where at, String key, BiFunction<Object, Where, T> element) {
      if (isNull(value)) {
        return List.of();
      }
      List<?> items = value instanceof List<?> read ? read : value instanceof ArrayNode array ? asList(array) : null;
      if (items == null) {
        fail(at.key(key), "an array");
        return List.of();
      }
      List<T> out = List.of();
      for (int i = 0; i < items.size(); i++) { // no iterator for the many empty lists
        T checked = element.apply(items.get(i), at.key(key).index(i));
        if (checked != null) {
          if (out.isEmpty()) {
            out = new ArrayList<>();
          }
          out.add(checked);
        }
      }
      return out;
    }

    /**
     * The element at the parser's current token, which the parser stops at the last token of: its
     * {@link Fields} when it is an object and {@code keys} are given, else its tree.
     */
    Object element(JsonParser parser, String[] keys) throws IOException {
      if (keys == null || parser.currentToken() != JsonToken.START_OBJECT) {
        return value(parser);
      }
      Fields fields = new Fields(keys);
      readFields(parser, fields, parser.nextFieldName());
      return fields;
    }

    /** Reads the fields of an object into {@code fields}, from field {@code name} (the parser at its name) on. */
    private void readFields(JsonParser parser, Fields fields, String name) throws IOException {
      for (; name != null; name = parser.nextFieldName()) {
        readField(parser, fields, name, parser.nextToken());
      }
    }

    /** Reads field {@code name}, whose value starts at the parser's {@code token}, into {@code fields}. */
    private void readField(JsonParser parser, Fields fields, String name, JsonToken token) throws IOException {
      int index = fields.index(name);
      if (fields.has(index, name)) {
        throw duplicate(parser, name);
      }
      fields.set(index, name, index < 0 ? value(parser) : fieldValue(parser, token, name));
    }

    /**
     * Reads the address at the parser's current token into {@code into}, as {@link #element} and
     * {@link #address} would (element {@code index} of {@code list}). The usual shape, a decimal id
     * or none, an address in {@link PlainIpv4}'s form, a VRF and interfaces, goes in as numbers
     * read from the parser's characters, with no texts, fields or record: the million pool
     * addresses of a large fabric. At the first field of another shape, what was read so far
     * becomes the fields {@link #element} would have read, and the rest is read as it reads it.
     */
    void address(JsonParser parser, AddressList.Builder into, Where list, int index) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        add(into, address(value(parser), list.index(index)));
        return;
      }
      long id = AddressList.ID_IS_ADDRESS;
      long plain = -1;
      String vrf = null;
      Object interfaces = null; // absent, JSON null or the elements read
      int seen = 0;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        int key = keyIndex(ADDRESS_KEYS, name);
        boolean usual = key >= 0 && (seen & 1 << key) == 0;
        if (usual && key == 0 && token == JsonToken.VALUE_STRING) {
          id = AddressList.Builder.decimal(parser.getTextCharacters(), parser.getTextOffset(),
              parser.getTextOffset() + parser.getTextLength());
          usual = id != AddressList.TEXT_ELSEWHERE;
        } else if (usual && key == 1 && token == JsonToken.VALUE_STRING) {
          plain = PlainIpv4.parse(parser.getTextCharacters(), parser.getTextOffset(),
              parser.getTextOffset() + parser.getTextLength());
          usual = plain >= 0;
        } else if (usual && key == 2 && token == JsonToken.VALUE_STRING) {
          vrf = share(parser.getText());
        } else if (usual && key == 3 && token == JsonToken.START_ARRAY) {
          interfaces = elements(parser, ATTACHMENT_KEYS);
        } else {
          usual = usual && key != 1 && token == JsonToken.VALUE_NULL;
          interfaces = usual && key == 3 ? NullNode.getInstance() : interfaces;
        }
        if (!usual) {
          Fields fields = readSoFar(seen, id, plain, vrf, interfaces);
          readField(parser, fields, name, token);
          readFields(parser, fields, parser.nextFieldName());
          add(into, address(fields, list.index(index)));
          return;
        }
        seen |= 1 << key;
      }
      if (plain < 0) {
        add(into, address(readSoFar(seen, id, plain, vrf, interfaces), list.index(index)));
        return;
      }
      into.addPlain(id, plain, vrf, interfaces instanceof List<?> items && !items.isEmpty()
          ? list(items, list.index(index), "interfaces", asAttachment) : List.of());
    }

    /** The fields {@link #element} reads from the usual fields {@link #address} read as numbers. */
    private static Fields readSoFar(int seen, long id, long plain, String vrf, Object interfaces) {
      Fields fields = new Fields(ADDRESS_KEYS);
      if ((seen & 1) != 0) {
        fields.set(0, "id", id == AddressList.ID_IS_ADDRESS ? NullNode.getInstance() : Long.toString(id));
      }
      if ((seen & 2) != 0) {
        fields.set(1, "address", PlainIpv4.text(plain));
      }
      if ((seen & 4) != 0) {
        fields.set(2, "vrf", vrf == null ? NullNode.getInstance() : vrf);
      }
      if ((seen & 8) != 0) {
        fields.set(3, "interfaces", interfaces);
      }
      return fields;
    }

    private static void add(AddressList.Builder into, Address address) {
      if (address != null) {
        into.add(address);
      }
    }

    /**
     * A known field's value from the parser's tokens: a string as it is, an address's interfaces as
     * a list of elements, a device's config context as the shared object, anything else as the tree
     * read sees it.
     */
    private Object fieldValue(JsonParser parser, JsonToken token, String name) throws IOException {
      return switch (token) {
        case VALUE_STRING -> parser.getText();
        case VALUE_NULL -> NullNode.getInstance();
        case VALUE_TRUE -> BooleanNode.TRUE;
        case VALUE_FALSE -> BooleanNode.FALSE;
        case START_ARRAY -> name.equals("interfaces") ? elements(parser, ATTACHMENT_KEYS) : value(parser);
        case START_OBJECT -> name.equals("config_context") ? context(parser) : value(parser);
        default -> value(parser);
      };
    }

    /**
     * The config context at the parser's START_OBJECT, which the parser stops at the END_OBJECT of:
     * the one read before with the same text, else the one equal to its tree. Devices mostly share a
     * few contexts, so most are skipped over and never a tree; the text is the document's own, so
     * its tree is the one the tree read makes.
     */
    private JsonObject context(JsonParser parser) throws IOException {
      long start = text.offset(parser.currentTokenLocation());
      text.keepFrom(start);
      try {
        parser.skipChildren();
        Object key = text.between(start, text.offset(parser.currentLocation()));
        JsonObject known = contextsByText.get(key);
        if (known != null) {
          return known;
        }
        JsonObject context = sharedContext((ObjectNode) text.tree(key));
        contextsByText.put(text.own(key), context);
        return context;
      } finally {
        text.keepFrom(-1);
      }
    }

    /** The elements of the array at the parser's current token, each as {@link #element} reads it. */
    private List<Object> elements(JsonParser parser, String[] keys) throws IOException {
      List<Object> items = List.of();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (items.isEmpty()) {
          items = new ArrayList<>(1);
        }
        items.add(element(parser, keys));
      }
      return items;
    }

    /** The context equal to {@code node} read before, else a new one; copies only the first of each. */
    private JsonObject sharedContext(ObjectNode node) {
      JsonObject first = sharedContexts.get(node);
      if (first != null) {
        return first;
      }
      JsonObject context = JsonObject.of(node);
      sharedContexts.put(context.unsharedView(), context);
      return context;
    }

    private String share(String value) {
      if (value == null) {
        return null;
      }
      String first = shared.putIfAbsent(value, value);
      return first == null ? value : first;
    }

    /**
     * The fields of {@code element} (already read, or read from its tree), with its unknown keys
     * reported; {@code null}, reported, when it is not an object.
     */
    private Fields fields(Object element, Where at, String[] keys) {
      Fields fields = element instanceof Fields read ? read
          : element instanceof ObjectNode node ? Fields.of(node, keys) : null;
      if (fields == null) {
        fail(at, "an object");
        return null;
      }
      reportUnknown(fields, at);
      return fields;
    }

    private void reportUnknown(Fields fields, Where at) {
      for (int i = 0; i < fields.unknown.size(); i++) {
        fail(at.key(fields.unknown.get(i)), "no such field; known fields are " + String.join(", ", fields.keys));
      }
    }

    private static List<JsonNode> asList(ArrayNode array) {
      List<JsonNode> elements = new ArrayList<>(array.size());
      array.forEach(elements::add);
      return elements;
    }

    private String requiredString(Fields fields, Where at, String key) {
      Object value = fields.get(key);
      if (isNull(value)) {
        fail(at.key(key), "a string (required)");
        return null;
      }
      String text = text(value);
      if (text == null || text.isBlank()) {
        fail(at.key(key), "a non-empty string, found " + describe(value));
        return null;
      }
      return text;
    }

    private String optionalString(Fields fields, Where at, String key) {
      Object value = fields.get(key);
      if (isNull(value)) {
        return null;
      }
      String text = text(value);
      if (text == null) {
        fail(at.key(key), "a string or null, found " + describe(value));
      }
      return text;
    }

    private void fail(Where at, String expected) {
      errors.add(Diagnostic.error(DiagnosticCode.SNAPSHOT_INVALID, origin + " " + at,
          "expected " + expected, "correct the field or re-record the snapshot with 'keagen snapshot'"));
    }

    /** True for an absent value and for JSON null. */
    private static boolean isNull(Object value) {
      return value == null || value instanceof JsonNode node && node.isNull();
    }

    /** The text of a string value, else {@code null}. */
    private static String text(Object value) {
      return value instanceof String text ? text
          : value instanceof JsonNode node && node.isTextual() ? node.asText() : null;
    }

    /** A value that is not the non-empty string a field wants, as findings name it. */
    private static String describe(Object value) {
      if (!(value instanceof JsonNode node)) {
        return "an empty string"; // the token read's strings
      }
      return switch (node.getNodeType()) {
        case STRING -> "an empty string";
        case NUMBER -> "the number " + node;
        case BOOLEAN -> node.asText();
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }
}
