package org.keagen.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes JSON canonically: object keys sorted, array order kept (callers sort arrays whose order
 * is free), two-space indent, {@code "key": value}, LF line ends and a final newline.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = prettyPrinter();

  private CanonicalJson() {}

  /** The canonical text of {@code node}. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a tree built in memory always serialises
    }
    return out.toString();
  }

  /**
   * The canonical text of {@code node} as UTF-8 bytes, the characters {@link #write(JsonNode)}
   * returns. The text is gathered in small blocks and copied once into the result, so a large
   * config costs its own size once rather than a growing buffer's copies, a string and its bytes.
   */
  public static byte[] writeUtf8(JsonNode node) {
    return writeUtf8(node, array -> null);
  }

  /**
   * {@link #writeUtf8(JsonNode)}, except that each array for which {@code entries} gives an iterator
   * (an array of {@code node}, which should be empty) is written with that iterator's entries, each
   * fetched just before it is written: the tree need never hold them all.
   */
  public static byte[] writeUtf8(JsonNode node, Function<ArrayNode, Iterator<? extends JsonNode>> entries) {
    try (ByteArrayBuilder out = new ByteArrayBuilder();
        JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      write(node, generator, entries);
      generator.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a tree built in memory always serialises
    }
  }

  /**
   * Writes the canonical text of {@code node} to {@code out} as UTF-8, the same characters {@link
   * #write(JsonNode)} returns, without building the text or a sorted copy of the tree first.
   * {@code out} is flushed, not closed.
   */
  public static void write(JsonNode node, OutputStream out) throws IOException {
    write(node, out, array -> null);
  }

  /**
   * {@link #write(JsonNode, OutputStream)} with the placeholder arrays of {@link
   * #writeUtf8(JsonNode, Function)}: a large document goes out without ever being whole in memory.
   */
  public static void write(JsonNode node, OutputStream out, Function<ArrayNode, Iterator<? extends JsonNode>> entries)
      throws IOException {
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(node, generator, entries);
    }
    out.flush();
  }

  /** {@link #write(JsonNode, OutputStream, Function)} as characters, to {@code out} (flushed, not closed). */
  public static void write(JsonNode node, Writer out, Function<ArrayNode, Iterator<? extends JsonNode>> entries)
      throws IOException {
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(node, generator, entries);
    }
    out.flush();
  }

  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    write(node, generator, array -> null);
  }

  private static void write(JsonNode node, JsonGenerator generator,
      Function<ArrayNode, Iterator<? extends JsonNode>> entries) throws IOException {
    generator.setPrettyPrinter(PRINTER.createInstance());
    writeSorted(node, generator, MAPPER.getSerializerProviderInstance(), entries);
    generator.writeRaw('\n');
  }

  /** Writes {@code node} with each object's keys in sorted order, at every depth. */
  private static void writeSorted(JsonNode node, JsonGenerator generator, SerializerProvider provider,
      Function<ArrayNode, Iterator<? extends JsonNode>> entries) throws IOException {
    if (node instanceof ObjectNode object) {
      Collection<Map.Entry<String, JsonNode>> fields = object.properties();
      if (!keysSorted(fields)) {
        List<Map.Entry<String, JsonNode>> sorted = new ArrayList<>(fields);
        sorted.sort(Map.Entry.comparingByKey());
        fields = sorted;
      }
      generator.writeStartObject();
      for (Map.Entry<String, JsonNode> field : fields) {
        generator.writeFieldName(field.getKey());
        writeSorted(field.getValue(), generator, provider, entries);
      }
      generator.writeEndObject();
    } else if (node instanceof ArrayNode array) {
      Iterator<? extends JsonNode> elements = entries.apply(array);
      generator.writeStartArray();
      for (Iterator<? extends JsonNode> i = elements != null ? elements : array.iterator(); i.hasNext(); ) {
        writeSorted(i.next(), generator, provider, entries);
      }
      generator.writeEndArray();
    } else {
      ((JsonSerializable) node).serialize(generator, provider);
    }
  }

  /** True when the keys of {@code fields} are in sorted order already (as a renderer may put them). */
  private static boolean keysSorted(Collection<Map.Entry<String, JsonNode>> fields) {
    String previous = null;
    for (Map.Entry<String, JsonNode> field : fields) {
      if (previous != null && previous.compareTo(field.getKey()) > 0) {
        return false;
      }
      previous = field.getKey();
    }
    return true;
  }

  /** A copy of {@code node} whose objects, at every depth, list their keys in sorted order. */
  public static JsonNode sortKeys(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      for (String name : names) {
        sorted.set(name, sortKeys(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sortKeys(element)));
      return copy;
    }
    return node;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultPrettyPrinter printer = new CompactEmptyPrinter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** Jackson's pretty printer with {@code "key": value} and empty containers as {@code []} / {@code {}}. */
  private static final class CompactEmptyPrinter extends DefaultPrettyPrinter {
    CompactEmptyPrinter() {
      super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    }

    CompactEmptyPrinter(CompactEmptyPrinter base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new CompactEmptyPrinter(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues > 0) {
        super.writeEndArray(g, nrOfValues);
      } else {
        --_nesting;
        g.writeRaw(']');
      }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries > 0) {
        super.writeEndObject(g, nrOfEntries);
      } else {
        --_nesting;
        g.writeRaw('}');
      }
    }
  }
}
