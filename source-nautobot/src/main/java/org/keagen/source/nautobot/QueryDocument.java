package org.keagen.source.nautobot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GraphQL query document, kept as a resource file ({@code <name>.graphql} beside this class).
 * A document asks for configurable fields under a fixed alias, one per line, e.g. {@code
 * ztp_enabled: cf_ztp_enabled}; {@link #withField} points such a line at another field or drops
 * it, so the response keys never change.
 *
 * @param operationName the operation's name, used in messages, e.g. {@code keagen_dhcp_prefixes}
 * @param text the document
 */
public record QueryDocument(String operationName, String text) {
  private static final Pattern OPERATION = Pattern.compile("\\bquery\\s+([A-Za-z_][A-Za-z0-9_]*)");

  /** The documents keagen sends, by resource name (without {@code .graphql}). */
  public static final List<String> RESOURCES = List.of("prefixes", "ip_addresses", "config_contexts", "schema_fields");

  /** Loads {@code <resource>.graphql} from this package. */
  public static QueryDocument load(String resource) {
    String path = resource + ".graphql";
    try (InputStream in = QueryDocument.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing query document " + path);
      }
      return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read query document " + path, e);
    }
  }

  /** A document from its text; it must hold one named query. */
  public static QueryDocument of(String text) {
    Matcher m = OPERATION.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("a query document must hold a named query");
    }
    return new QueryDocument(m.group(1), text);
  }

  /**
   * This document with the line {@code alias: defaultField} asking for {@code field} instead, or
   * without that line when {@code field} is {@code null}.
   *
   * @throws IllegalArgumentException when the document has no such line, or more than one
   */
  public QueryDocument withField(String alias, String defaultField, String field) {
    Pattern line = Pattern.compile("(?m)^([ \\t]*" + Pattern.quote(alias) + ":[ \\t]*)"
        + Pattern.quote(defaultField) + "\\b(.*)\\R");
    Matcher m = line.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException(operationName + " has no line '" + alias + ": " + defaultField + "'");
    }
    int start = m.start();
    String replacement = field == null ? "" : m.group(1) + field + m.group(2) + "\n";
    String result = text.substring(0, start) + replacement + text.substring(m.end());
    if (line.matcher(text.substring(m.end())).find()) {
      throw new IllegalArgumentException(operationName + " has two lines '" + alias + ": " + defaultField + "'");
    }
    return new QueryDocument(operationName, result);
  }
}
