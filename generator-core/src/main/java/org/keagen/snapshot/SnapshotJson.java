package org.keagen.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
  /** Reads one value from the middle of a document: what follows it is the rest of the document. */
  private static final ObjectReader ONE_VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
      return readChecked(() -> new ByteArrayInputStream(bytes), plainStart(bytes) ? () -> MAPPER.createParser(bytes)
          : () -> MAPPER.createParser(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)),
          () -> new String(bytes, StandardCharsets.UTF_8), origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Parses snapshot JSON text; {@code origin} names the file in diagnostics. */
  public static ReadResult read(String json, String origin) {
    ReadResult streamed = readStreaming(() -> MAPPER.createParser(json), origin);
    return streamed != null ? streamed : readTree(json, origin);
  }

  /**
   * Reads a snapshot file as {@link #read(byte[], String)} reads its bytes, without holding its
   * bytes, its text or its whole JSON tree: the file is checked to be UTF-8 in chunks, then each
   * prefix, address and device is read as its own small tree.
   */
  public static ReadResult read(Path file, String origin) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(4);
    }
    return readChecked(() -> Files.newInputStream(file), plainStart(start)
        ? () -> MAPPER.createParser(Files.newInputStream(file))
        : () -> MAPPER.createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8)),
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
   * Checks that the bytes are UTF-8 on a second thread while the element-by-element read runs; a
   * problem with the bytes is reported in place of whatever the read found. A document that is not
   * one object falls back to the tree read.
   */
  private static ReadResult readChecked(ByteSource bytes, TextSource text, WholeText whole, String origin)
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
      streamed = readStreamingFrom(text, origin);
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

  /** Something that opens a parser over the snapshot's text. */
  private interface TextSource {
    JsonParser open() throws IOException;
  }

  /**
   * True when UTF-8 bytes can go to Jackson's byte parser, which then reads them exactly as the
   * decoded text: no byte-order mark (which it would skip) and no NUL among the first four bytes
   * (from which it would guess UTF-16 or UTF-32). The byte parser is the faster one.
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
  private static ReadResult readStreamingFrom(TextSource text, String origin) throws IOException {
    try (JsonParser parser = text.open()) {
      return stream(parser, origin);
    } catch (JsonProcessingException e) {
      return null; // malformed JSON
    }
  }

  /** {@link #readStreamingFrom} for text in memory, which cannot fail to be read. */
  private static ReadResult readStreaming(TextSource text, String origin) {
    try {
      return readStreamingFrom(text, origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The element-by-element read of {@code json}, or {@code null}; for tests. */
  static ReadResult readStreaming(String json, String origin) {
    return readStreaming(() -> MAPPER.createParser(json), origin);
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
    Reader reader = new Reader(origin);
    Snapshot snapshot = reader.snapshot(root);
    return reader.errors.isEmpty() ? new ReadResult(snapshot, List.of()) : new ReadResult(null, reader.errors);
  }

  /**
   * Reads a snapshot object element by element. Returns {@code null} when the document is not one
   * JSON object followed by nothing, so the caller falls back to the tree read, which reports it.
   */
  private static ReadResult stream(JsonParser parser, String origin) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Reader reader = new Reader(origin);
    ObjectNode others = JsonNodeFactory.instance.objectNode();
    Map<String, List<?>> lists = new HashMap<>();
    Map<String, List<Diagnostic>> listErrors = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      BiFunction<JsonNode, String, ?> element = reader.sections().get(name);
      if (element == null || value != JsonToken.START_ARRAY) {
        others.set(name, value(parser));
        continue;
      }
      List<Object> values = new ArrayList<>();
      List<Diagnostic> errors = new ArrayList<>();
      reader.errors = errors;
      String path = "$." + name;
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        Object read = element.apply(value(parser), path + "[" + i + "]");
        if (read != null) {
          values.add(read);
        }
      }
      lists.put(name, values);
      listErrors.put(name, errors);
    }
    if (parser.nextToken() != null) {
      return null;
    }
    reader.errors = new ArrayList<>();
    Snapshot snapshot = reader.assemble(others, lists, listErrors);
    return reader.errors.isEmpty() ? new ReadResult(snapshot, List.of()) : new ReadResult(null, reader.errors);
  }

  /** The value starting at the parser's current token, as a tree; the parser stops at its last token. */
  private static JsonNode value(JsonParser parser) throws IOException {
    JsonNode tree = ONE_VALUE.readTree(parser);
    return tree == null ? NullNode.getInstance() : tree;
  }

  /** Writes a snapshot as canonical JSON text (stable key order, two-space indent, final newline). */
  public static String write(Snapshot snapshot) {
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
    writeAddresses(root.putArray("pool_addresses"), snapshot.poolAddresses());
    writeAddresses(root.putArray("reserved_addresses"), snapshot.reservedAddresses());
    ArrayNode devices = root.putArray("devices");
    for (Device d : snapshot.devices()) {
      ObjectNode n = devices.addObject();
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
    }
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
    return CanonicalJson.write(root);
  }

  private static void writeAddresses(ArrayNode out, List<Address> addresses) {
    for (Address a : addresses) {
      ObjectNode n = out.addObject();
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
    }
  }

  private static void putOptional(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  /** Walks the tree, collecting one diagnostic per malformed field. */
  private static final class Reader {
    private final String origin;
    /** Where findings go; the streaming read points it at one list per section. */
    private List<Diagnostic> errors = new ArrayList<>();
    /** One instance of each repeated short string (VRF, location, interface name and role). */
    private final Map<String, String> shared = new HashMap<>();
    /**
     * One instance of each distinct config context: devices of a site, role or platform mostly carry
     * the same rendered context, and a JsonObject is immutable, so equal ones can be one object.
     */
    private final Map<JsonNode, JsonObject> sharedContexts = new HashMap<>();

    Reader(String origin) {
      this.origin = origin;
    }

    Snapshot snapshot(JsonNode root) {
      if (!root.isObject()) {
        fail("$", "a JSON object");
        return null;
      }
      return assemble(root, Map.of(), Map.of());
    }

    /** How each list of the snapshot reads its elements, by key. */
    Map<String, BiFunction<JsonNode, String, ?>> sections() {
      return Map.of("prefixes", this::prefix, "pool_addresses", this::address, "reserved_addresses", this::address,
          "devices", this::device, "option_definitions", this::object, "static_config", this::fragment);
    }

    /**
     * Checks the top level and builds the snapshot. {@code root} holds the top-level fields, or
     * those not already read element by element into {@code read} (with the errors found there,
     * which are reported in the same place as if they were read here).
     */
    Snapshot assemble(JsonNode root, Map<String, List<?>> read, Map<String, List<Diagnostic>> readErrors) {
      String format = requiredString(root, "$", "format");
      if (format != null && !Snapshot.FORMAT.equals(format)) {
        fail("$.format", "\"" + Snapshot.FORMAT + "\" (this keagen reads that version), found \"" + format + "\"");
      }
      knownKeys(root, "$", "format", "source", "prefixes", "pool_addresses", "reserved_addresses",
          "devices", "option_definitions", "static_config");
      SourceInfo source = sourceInfo(root.get("source"));
      List<Prefix> prefixes = section(root, read, readErrors, "prefixes", this::prefix);
      List<Address> pool = section(root, read, readErrors, "pool_addresses", this::address);
      List<Address> reserved = section(root, read, readErrors, "reserved_addresses", this::address);
      List<Device> devices = section(root, read, readErrors, "devices", this::device);
      List<JsonObject> defs = section(root, read, readErrors, "option_definitions", this::object);
      List<StaticFragment> fragments = section(root, read, readErrors, "static_config", this::fragment);
      if (!errors.isEmpty()) {
        return null;
      }
      return new Snapshot(source, prefixes, pool, reserved, devices, defs, fragments);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> section(JsonNode root, Map<String, List<?>> read, Map<String, List<Diagnostic>> readErrors,
        String key, BiFunction<JsonNode, String, T> element) {
      if (read.containsKey(key)) {
        errors.addAll(readErrors.get(key));
        return (List<T>) read.get(key);
      }
      return list(root, "$", key, element);
    }

    private SourceInfo sourceInfo(JsonNode node) {
      if (node == null || node.isNull()) {
        return SourceInfo.of("snapshot");
      }
      if (!node.isObject()) {
        fail("$.source", "an object with 'kind', 'url', 'version'");
        return SourceInfo.of("snapshot");
      }
      knownKeys(node, "$.source", "kind", "url", "version");
      String kind = requiredString(node, "$.source", "kind");
      return new SourceInfo(kind == null ? "snapshot" : kind,
          optionalString(node, "$.source", "url"), optionalString(node, "$.source", "version"));
    }

    private Prefix prefix(JsonNode node, String path) {
      if (!isObject(node, path)) {
        return null;
      }
      knownKeys(node, path, "id", "prefix", "vrf", "location", "tenant", "gateway", "subnet_id");
      String id = requiredString(node, path, "id");
      String prefix = requiredString(node, path, "prefix");
      Long subnetId = null;
      JsonNode idNode = node.get("subnet_id");
      if (idNode != null && !idNode.isNull()) {
        if (idNode.canConvertToLong() && idNode.isIntegralNumber()) {
          subnetId = idNode.asLong();
        } else {
          fail(path + ".subnet_id", "an integer or null");
        }
      }
      return id == null || prefix == null ? null : new Prefix(id, prefix,
          share(optionalString(node, path, "vrf")), share(optionalString(node, path, "location")),
          share(optionalString(node, path, "tenant")), optionalString(node, path, "gateway"), subnetId);
    }

    private Address address(JsonNode node, String path) {
      if (!isObject(node, path)) {
        return null;
      }
      knownKeys(node, path, "id", "address", "vrf", "interfaces");
      String address = requiredString(node, path, "address");
      String id = optionalString(node, path, "id");
      List<InterfaceAttachment> interfaces = list(node, path, "interfaces", this::attachment);
      return address == null ? null
          : new Address(id == null ? address : id, address, share(optionalString(node, path, "vrf")), interfaces);
    }

    private InterfaceAttachment attachment(JsonNode node, String path) {
      if (!isObject(node, path)) {
        return null;
      }
      knownKeys(node, path, "name", "role", "mac_address", "device_id");
      String name = requiredString(node, path, "name");
      String deviceId = requiredString(node, path, "device_id");
      return name == null || deviceId == null ? null : new InterfaceAttachment(share(name),
          share(optionalString(node, path, "role")), optionalString(node, path, "mac_address"), deviceId);
    }

    private Device device(JsonNode node, String path) {
      if (!isObject(node, path)) {
        return null;
      }
      knownKeys(node, path, "id", "name", "serial", "platform", "role", "location", "ztp_enabled",
          "config_context");
      String id = requiredString(node, path, "id");
      String name = requiredString(node, path, "name");
      Boolean ztp = null;
      JsonNode ztpNode = node.get("ztp_enabled");
      if (ztpNode != null && !ztpNode.isNull()) {
        if (ztpNode.isBoolean()) {
          ztp = ztpNode.asBoolean();
        } else {
          fail(path + ".ztp_enabled", "true, false or null");
        }
      }
      JsonObject context = JsonObject.empty();
      JsonNode contextNode = node.get("config_context");
      if (contextNode != null && !contextNode.isNull()) {
        if (contextNode.isObject()) {
          context = sharedContext((ObjectNode) contextNode);
        } else {
          fail(path + ".config_context", "an object (the device's rendered config context) or null");
        }
      }
      return id == null || name == null ? null : new Device(id, name,
          optionalString(node, path, "serial"), optionalString(node, path, "platform"),
          optionalString(node, path, "role"), optionalString(node, path, "location"), ztp, context);
    }

    private StaticFragment fragment(JsonNode node, String path) {
      if (!isObject(node, path)) {
        return null;
      }
      knownKeys(node, path, "name", "reservations", "subnets");
      String name = requiredString(node, path, "name");
      List<JsonObject> reservations = list(node, path, "reservations", this::object);
      List<JsonObject> subnets = list(node, path, "subnets", this::object);
      return name == null ? null : new StaticFragment(name, reservations, subnets);
    }

    private JsonObject object(JsonNode node, String path) {
      return isObject(node, path) ? JsonObject.of((ObjectNode) node) : null;
    }

    private <T> List<T> list(JsonNode parent, String path, String key,
        BiFunction<JsonNode, String, T> element) {
      JsonNode node = parent.get(key);
      List<T> out = new ArrayList<>();
      if (node == null || node.isNull() || node.isArray() && node.isEmpty()) {
        return out;
      }
      String here = path + "." + key;
      if (!node.isArray()) {
        fail(here, "an array");
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        T value = element.apply(node.get(i), here + "[" + i + "]");
        if (value != null) {
          out.add(value);
        }
      }
      return out;
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

    private boolean isObject(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        fail(path, "an object");
        return false;
      }
      return true;
    }

    private String requiredString(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        fail(path + "." + key, "a string (required)");
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        fail(path + "." + key, "a non-empty string, found " + describe(value));
        return null;
      }
      return value.asText();
    }

    private String optionalString(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        fail(path + "." + key, "a string or null, found " + describe(value));
        return null;
      }
      return value.asText();
    }

    private void knownKeys(JsonNode node, String path, String... keys) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
        String name = names.next();
        if (!Arrays.asList(keys).contains(name)) {
          fail(path + "." + name, "no such field; known fields are " + String.join(", ", keys));
        }
      }
    }

    private void fail(String path, String expected) {
      errors.add(Diagnostic.error(DiagnosticCode.SNAPSHOT_INVALID, origin + " " + path,
          "expected " + expected, "correct the field or re-record the snapshot with 'keagen snapshot'"));
    }

    private static String describe(JsonNode value) {
      return switch (value.getNodeType()) {
        case STRING -> "an empty string";
        case NUMBER -> "the number " + value;
        case BOOLEAN -> value.asText();
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }
}
