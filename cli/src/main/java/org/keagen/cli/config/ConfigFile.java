package org.keagen.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.keagen.cli.InputFiles;
import org.keagen.cli.IoReason;
import org.keagen.cli.source.SourceKind;
import org.keagen.cli.source.SourceSettings;
import org.keagen.kea.KeaVersion;
import org.keagen.snapshot.SnapshotJson;

/**
 * Reads {@code keagen.yaml} (or a {@code .json} file) into a {@link KeagenConfig}. Every problem is
 * reported, not just the first, as {@code FILE: key 'a.b': what is wrong}. Values are never quoted
 * back except for the short enumerations ({@code source}, {@code kea-version}), so a secret pasted
 * into the wrong key is not printed. Paths are resolved against the file's directory and normalised.
 */
public final class ConfigFile {
  /** The top-level keys, in the order the docs list them. */
  public static final List<String> KEYS = List.of("source", "snapshot", "url", "token-file", "tags",
      "custom-fields", "gateway-relationship", "page-size", "parallelism", "insecure", "filter", "kea-version",
      "output", "template", "max-removal-percent", "backup");
  private static final List<String> TAG_KEYS = List.of("subnet", "pool", "reserve");
  private static final List<String> FIELD_KEYS = List.of("gateway", "subnet-id", "ztp-enabled", "interface-role");
  private static final List<String> FILTER_KEYS = List.of("location", "vrf", "tenant");
  /** NetBox and Nautobot custom field and relationship keys are identifiers. */
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Path file;
  private final Path dir;
  private final List<String> problems = new ArrayList<>();

  private ConfigFile(Path file) {
    this.file = file;
    Path parent = file.getParent();
    this.dir = parent == null ? Path.of("") : parent;
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws ConfigException when the file cannot be read or holds anything keagen does not know
   */
  public static KeagenConfig read(Path file) throws ConfigException {
    String text;
    try {
      text = InputFiles.readText(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read the config file: " + IoReason.of(e)));
    }
    return parse(file, text);
  }

  /** Parses {@code text} as the content of {@code file} (YAML, or JSON when the name ends in .json). */
  public static KeagenConfig parse(Path file, String text) throws ConfigException {
    ConfigFile reader = new ConfigFile(file);
    KeagenConfig config = reader.config(text);
    if (!reader.problems.isEmpty()) {
      throw new ConfigException(reader.problems);
    }
    return config;
  }

  private KeagenConfig config(String text) {
    JsonNode root;
    try {
      root = mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      // the parser's own message may quote the text; only duplicate keys are worth its words
      String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
          ? ": " + e.getOriginalMessage() : "";
      problems.add(file + ": not valid " + format() + where + why);
      return null;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new KeagenConfig(file, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null);
    }
    if (!root.isObject()) {
      problems.add(file + ": expected a mapping of keys (" + String.join(", ", KEYS) + ")");
      return null;
    }
    knownKeys(root, "", KEYS);
    return new KeagenConfig(file,
        source(root.get("source")),
        path(root, "snapshot"),
        url(root.get("url")),
        path(root, "token-file"),
        tags(root.get("tags")),
        fields(root.get("custom-fields")),
        fieldName(root.get("gateway-relationship"), "gateway-relationship"),
        integer(root.get("page-size"), "page-size", 1, 100_000),
        integer(root.get("parallelism"), "parallelism", 1, 64),
        bool(root.get("insecure"), "insecure"),
        filter(root.get("filter")),
        keaVersion(root.get("kea-version")),
        path(root, "output"),
        path(root, "template"),
        integer(root.get("max-removal-percent"), "max-removal-percent", 0, 100),
        bool(root.get("backup"), "backup"));
  }

  private ObjectMapper mapper() {
    if (isJson()) {
      return SnapshotJson.newMapper();
    }
    YAMLMapper yaml = new YAMLMapper();
    yaml.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return yaml;
  }

  private boolean isJson() {
    return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private String format() {
    return isJson() ? "JSON" : "YAML";
  }

  private void knownKeys(JsonNode node, String prefix, List<String> known) {
    node.fieldNames().forEachRemaining(name -> {
      if (known.contains(name)) {
        return;
      }
      if (prefix.isEmpty() && name.equals("token")) {
        problem("token", "tokens are not read from the config file; put the token in a file and name it with"
            + " 'token-file' (or --token-file), or set NETBOX_TOKEN / NAUTOBOT_TOKEN");
      } else {
        problem(prefix + name, "unknown key; known keys" + (prefix.isEmpty() ? "" : " under '"
            + prefix.substring(0, prefix.length() - 1) + "'") + " are " + String.join(", ", known));
      }
    });
  }

  private void problem(String key, String what) {
    problems.add(file + ": key '" + key + "': " + what);
  }

  private boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  private SourceKind source(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    SourceKind kind = node.isTextual() ? SourceKind.parse(node.asText()) : null;
    if (kind == null) {
      problem("source", "expected netbox, nautobot or snapshot, found " + shown(node));
    }
    return kind;
  }

  private KeaVersion keaVersion(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    // a YAML number such as 2.6 is read as a number: its text is the version all the same
    KeaVersion version = node.isTextual() || node.isNumber() ? KeaVersion.parse(node.asText()).orElse(null) : null;
    if (version == null) {
      problem("kea-version", "expected one of " + String.join(", ", KeaVersion.labels()) + ", found " + shown(node));
    }
    return version;
  }

  private String url(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    return text(node, "url");
  }

  private SourceSettings.Tags tags(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (!node.isObject()) {
      problem("tags", "expected a mapping with " + String.join(", ", TAG_KEYS));
      return null;
    }
    knownKeys(node, "tags.", TAG_KEYS);
    return new SourceSettings.Tags(tag(node.get("subnet"), "tags.subnet"), tag(node.get("pool"), "tags.pool"),
        tag(node.get("reserve"), "tags.reserve"));
  }

  private String tag(JsonNode node, String key) {
    if (absent(node)) {
      return null;
    }
    String value = text(node, key);
    if (value != null && value.chars().anyMatch(Character::isISOControl)) {
      problem(key, "a tag name has no control characters");
      return null;
    }
    return value;
  }

  private SourceSettings.CustomFields fields(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (!node.isObject()) {
      problem("custom-fields", "expected a mapping with " + String.join(", ", FIELD_KEYS));
      return null;
    }
    knownKeys(node, "custom-fields.", FIELD_KEYS);
    return new SourceSettings.CustomFields(
        fieldName(node.get("gateway"), "custom-fields.gateway"),
        fieldName(node.get("subnet-id"), "custom-fields.subnet-id"),
        fieldName(node.get("ztp-enabled"), "custom-fields.ztp-enabled"),
        fieldName(node.get("interface-role"), "custom-fields.interface-role"));
  }

  /** A custom field or relationship key; the empty string turns the field off. */
  private String fieldName(JsonNode node, String key) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      problem(key, "expected a field name (letters, digits, '_'), or \"\" for none");
      return null;
    }
    String value = node.asText();
    if (!value.isEmpty() && !FIELD_NAME.matcher(value).matches()) {
      problem(key, "expected a field name (letters, digits, '_', not starting with a digit), or \"\" for none");
      return null;
    }
    return value;
  }

  private KeagenConfig.Filter filter(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (!node.isObject()) {
      problem("filter", "expected a mapping with " + String.join(", ", FILTER_KEYS));
      return null;
    }
    knownKeys(node, "filter.", FILTER_KEYS);
    return new KeagenConfig.Filter(names(node.get("location"), "filter.location"),
        names(node.get("vrf"), "filter.vrf"), names(node.get("tenant"), "filter.tenant"));
  }

  /** One name or a list of names. */
  private List<String> names(JsonNode node, String key) {
    if (absent(node)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    if (node.isTextual() && !node.asText().isBlank()) {
      names.add(node.asText());
      return names;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!element.isTextual() || element.asText().isBlank()) {
          problem(key, "expected a name or a list of names (non-empty strings)");
          return null;
        }
        names.add(element.asText());
      }
      return names;
    }
    problem(key, "expected a name or a list of names (non-empty strings)");
    return null;
  }

  private Path path(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (absent(node)) {
      return null;
    }
    String value = text(node, key);
    if (value == null) {
      return null;
    }
    try {
      return dir.resolve(value).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      problem(key, "not a valid path");
      return null;
    }
  }

  private String text(JsonNode node, String key) {
    if (!node.isTextual() || node.asText().isBlank()) {
      problem(key, "expected a non-empty string");
      return null;
    }
    return node.asText();
  }

  private Integer integer(JsonNode node, String key, int min, int max) {
    if (absent(node)) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
      problem(key, "expected a whole number from " + min + " to " + max);
      return null;
    }
    return node.asInt();
  }

  private Boolean bool(JsonNode node, String key) {
    if (absent(node)) {
      return null;
    }
    if (!node.isBoolean()) {
      problem(key, "expected true or false");
      return null;
    }
    return node.asBoolean();
  }

  /** A short value for the enumerations' messages; long text is cut. */
  private static String shown(JsonNode node) {
    String text = node.isTextual() ? "'" + node.asText() + "'" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
