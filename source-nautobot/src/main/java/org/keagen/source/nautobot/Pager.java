package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keagen.source.SourceException;

/**
 * Fetches every row of one list query, page by page with {@code limit}/{@code offset}, until a
 * page is shorter than the limit. A page longer than the limit (a server ignoring it) and an
 * offset past {@link #MAX_OFFSET} are errors, never a partial result.
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
    for (int offset = 0; ; offset += pageSize) {
      if (offset > MAX_OFFSET) {
        throw new SourceException("Nautobot GraphQL query " + document.operationName()
            + ": more than " + MAX_OFFSET + " " + stage + " (pagination stopped at offset " + offset + ")",
            "narrow the tags; keagen reads at most " + MAX_OFFSET + " objects of one kind");
      }
      ObjectNode page = variables.deepCopy();
      page.put("limit", pageSize);
      page.put("offset", offset);
      String what = document.operationName() + " (offset " + offset + ")";
      JsonNode data = client.query(document, page, what);
      JsonNode list = data.get(listKey);
      if (list == null || !list.isArray()) {
        throw new SourceException("Nautobot GraphQL query " + what + " at " + client.url() + ": data."
            + listKey + " is " + (list == null ? "missing" : "not a list"), "check the Nautobot version");
      }
      if (list.size() > pageSize) {
        throw new SourceException("Nautobot GraphQL query " + what + " at " + client.url() + " returned "
            + list.size() + " " + stage + " for a page of " + pageSize,
            "the server ignores GraphQL limit/offset; keagen needs Nautobot 2.3 or later");
      }
      rows.addAll((ArrayNode) list);
      boolean last = list.size() < pageSize;
      progress.progress(stage, rows.size(), last);
      if (last) {
        return rows;
      }
    }
  }
}
