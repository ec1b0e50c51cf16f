package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.keagen.source.SourceException;

/**
 * Fetches every row of one list query, page by page with {@code limit}/{@code offset}, until a
 * page is shorter than the limit. Nautobot's GraphQL lists give no count, so each page after the
 * first starts one row early, at the last row of the page before it, and asks for one more: if
 * that row is not the same object, objects before it were added or deleted between the two
 * requests, and the pages would skip or repeat a row. That, a row seen twice, a page longer than
 * the limit (a server ignoring it) and an offset past {@link #MAX_OFFSET} are errors, never a
 * partial result.
 */
final class Pager {
  /** The largest offset asked for, as in the reference; a list that long is an error. */
  static final int MAX_OFFSET = 1_000_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GraphqlClient client;
  private final int pageSize;
  private final ProgressSink progress;

  Pager(GraphqlClient client, int pageSize, ProgressSink progress) {
    this.client = client;
    this.pageSize = pageSize;
    this.progress = progress;
  }

  /**
   * All rows of {@code data.<listKey>} for {@code document} with {@code variables} (to which
   * {@code limit} and {@code offset} are added).
   *
   * @param stage what the rows are, for progress, e.g. {@code pool addresses}
   */
  ArrayNode all(QueryDocument document, ObjectNode variables, String listKey, String stage)
      throws SourceException {
    ArrayNode rows = MAPPER.createArrayNode();
    Set<String> seen = new HashSet<>();
    int offset = 0;
    int limit = pageSize;
    boolean first = true;
    while (true) {
      if (offset > MAX_OFFSET) {
        throw new SourceException("Nautobot GraphQL query " + document.operationName()
            + ": more than " + MAX_OFFSET + " " + stage + " (pagination stopped at offset " + offset + ")",
            "narrow the tags; keagen reads at most " + MAX_OFFSET + " objects of one kind");
      }
      ObjectNode page = variables.deepCopy();
      page.put("limit", limit);
      page.put("offset", offset);
      String what = document.operationName() + " (offset " + offset + ")";
      JsonNode data = client.query(document, page, what);
      JsonNode list = data.get(listKey);
      if (list == null || !list.isArray()) {
        throw new SourceException("Nautobot GraphQL query " + what + " at " + client.url() + ": data."
            + listKey + " is " + (list == null ? "missing" : "not a list"), "check the Nautobot version");
      }
      if (list.size() > limit) {
        throw new SourceException("Nautobot GraphQL query " + what + " at " + client.url() + " returned "
            + list.size() + " " + stage + " for a page of " + limit,
            "the server ignores GraphQL limit/offset; keagen needs Nautobot 2.3 or later");
      }
      int from = 0;
      if (!first) {
        JsonNode last = rows.get(rows.size() - 1);
        if (list.isEmpty() || !key(list.get(0)).equals(key(last))) {
          throw changed(stage, what, "the page does not start with " + describe(last) + ", the last one of the"
              + " page before it (objects before it were added or deleted between the two requests)");
        }
        from = 1;
      }
      for (int i = from; i < list.size(); i++) {
        JsonNode row = list.get(i);
        if (!seen.add(key(row))) {
          throw changed(stage, what, describe(row) + " came twice");
        }
        rows.add(row);
      }
      boolean last = list.size() < limit;
      progress.progress(stage, rows.size(), last);
      if (last) {
        return rows;
      }
      first = false;
      offset = rows.size() - 1;
      limit = pageSize + 1;
    }
  }

  /** What makes a row one object: its id, or the name of a config context (which has none). */
  private static String key(JsonNode row) {
    if (row.hasNonNull("id")) {
      return "id " + row.get("id").asText();
    }
    if (row.hasNonNull("name")) {
      return "name " + row.get("name").asText();
    }
    return row.toString();
  }

  private static String describe(JsonNode row) {
    if (row.hasNonNull("id")) {
      String what = row.hasNonNull("prefix") ? " (" + row.get("prefix").asText() + ")"
          : row.hasNonNull("address") ? " (" + row.get("address").asText() + ")" : "";
      return "the object with id " + row.get("id").asText() + what;
    }
    return row.hasNonNull("name") ? "the config context '" + row.get("name").asText() + "'" : "the same row";
  }

  private SourceException changed(String stage, String what, String problem) {
    return new SourceException("Nautobot's " + stage + " changed while keagen was reading them (GraphQL query "
        + what + " at " + client.url() + "): " + problem,
        "run again when no one is editing Nautobot; nothing was written");
  }
}
