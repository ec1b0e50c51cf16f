package org.keagen.source.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.keagen.source.SourceException;

/**
 * Reads every page of several NetBox list queries at once. The first page of each query tells the
 * object count and the page size the server really allows (NetBox caps {@code limit} at its
 * {@code MAX_PAGE_SIZE}); all remaining pages are then requested by offset in parallel on the
 * shared pool, and put back in offset order whatever order they complete in. Each page after the
 * first starts one object early, at the last object of the page before it, which must be the same
 * object: if it is not, objects before it were added or deleted between the two requests, and the
 * pages skip or repeat objects. That, a count that changes between pages, or an object seen twice,
 * mean NetBox was edited during the fetch: an error rather than a silently inconsistent snapshot.
 */
final class PageFetcher {
  private final NetboxHttp http;
  private final ExecutorService pool;
  private final int pageSize;
  private final ProgressSink sink;
  private long requests;

  PageFetcher(NetboxHttp http, ExecutorService pool, int pageSize, ProgressSink sink) {
    this.http = http;
    this.pool = pool;
    this.pageSize = pageSize;
    this.sink = sink;
  }

  /** The objects of each query, in the queries' order, each list in the server's order. */
  List<List<JsonNode>> fetchAll(List<ListQuery> queries) throws SourceException {
    List<PageTask> first = new ArrayList<>();
    for (ListQuery query : queries) {
      first.add(new PageTask(query, 0, pageSize, false));
    }
    Map<PageTask, JsonNode> firstPages = run(first);

    Map<String, AtomicLong> done = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    List<PageTask> rest = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (PageTask task : first) {
      JsonNode page = firstPages.get(task);
      int count = count(task, page);
      int returned = results(task, page).size();
      counts.add(count);
      totals.merge(task.query.stage(), (long) count, Long::sum);
      done.computeIfAbsent(task.query.stage(), k -> new AtomicLong()).addAndGet(returned);
      if (returned < count) {
        if (returned == 0) {
          throw changed(task, "it reported " + count + " objects but returned none");
        }
        // the server's real page size is what it returned for the first page; each later page
        // starts at the last object of the page before it (a server allowing pages of one object
        // leaves no room for that)
        if (returned > 1) {
          for (int offset = returned - 1; offset + 1 < count; offset += returned - 1) {
            rest.add(new PageTask(task.query, offset, returned, true));
          }
        } else {
          for (int offset = 1; offset < count; offset++) {
            rest.add(new PageTask(task.query, offset, 1, false));
          }
        }
      }
    }
    totals.forEach((stage, total) -> sink.progress(stage, done.get(stage).get(), total));

    Map<PageTask, JsonNode> restPages = run(rest, (task, page) -> {
      String stage = task.query.stage();
      JsonNode results = page.get("results");
      int size = results == null ? 0 : Math.max(0, results.size() - (task.overlaps ? 1 : 0));
      sink.progress(stage, done.get(stage).addAndGet(size), totals.get(stage));
    });

    List<List<JsonNode>> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      PageTask head = first.get(i);
      int count = counts.get(i);
      List<JsonNode> objects = resultsList(results(head, firstPages.get(head)));
      for (PageTask task : rest) {
        if (task.query == head.query) {
          JsonNode page = restPages.get(task);
          int pageCount = count(task, page);
          if (pageCount != count) {
            throw changed(task, "its object count went from " + count + " to " + pageCount);
          }
          List<JsonNode> results = resultsList(results(task, page));
          if (task.overlaps) {
            JsonNode last = objects.get(objects.size() - 1);
            if (results.isEmpty() || !sameObject(last, results.get(0))) {
              throw changed(task, "the page at offset " + task.offset + " does not start with "
                  + describe(last) + ", the last one of the page before it (objects before it were added or"
                  + " deleted between the two requests)");
            }
            results = results.subList(1, results.size());
          }
          objects.addAll(results);
        }
      }
      if (objects.size() != count) {
        throw changed(head, "it reported " + count + " objects but its pages held " + objects.size());
      }
      Set<Long> ids = new HashSet<>();
      for (JsonNode object : objects) {
        if (object.has("id") && !ids.add(object.get("id").asLong())) {
          throw changed(head, "object " + object.get("id").asLong() + " appeared on two pages");
        }
      }
      out.add(objects);
    }
    return out;
  }

  /** How many HTTP requests (not counting retries) this fetcher has made. */
  synchronized long requests() {
    return requests;
  }

  private Map<PageTask, JsonNode> run(List<PageTask> tasks) throws SourceException {
    return run(tasks, (task, page) -> {});
  }

  private Map<PageTask, JsonNode> run(List<PageTask> tasks, java.util.function.BiConsumer<PageTask, JsonNode> onDone)
      throws SourceException {
    Map<PageTask, JsonNode> pages = new LinkedHashMap<>();
    if (tasks.isEmpty()) {
      return pages;
    }
    synchronized (this) {
      requests += tasks.size();
    }
    CompletionService<Map.Entry<PageTask, JsonNode>> completion = new ExecutorCompletionService<>(pool);
    List<Future<Map.Entry<PageTask, JsonNode>>> futures = new ArrayList<>();
    for (PageTask task : tasks) {
      futures.add(completion.submit(() -> Map.entry(task, http.get(task.url()))));
    }
    try {
      for (int i = 0; i < tasks.size(); i++) {
        Map.Entry<PageTask, JsonNode> entry = completion.take().get();
        pages.put(entry.getKey(), entry.getValue());
        onDone.accept(entry.getKey(), entry.getValue());
      }
      return pages;
    } catch (ExecutionException e) {
      abandon(futures);
      if (e.getCause() instanceof SourceException source) {
        throw source;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      abandon(futures);
      Thread.currentThread().interrupt();
      throw new SourceException("the NetBox fetch was interrupted", "");
    } catch (RuntimeException e) {
      abandon(futures);
      throw e;
    }
  }

  private void abandon(List<Future<Map.Entry<PageTask, JsonNode>>> futures) {
    http.cancelAll();
    futures.forEach(f -> f.cancel(true));
  }

  private static int count(PageTask task, JsonNode page) throws SourceException {
    JsonNode count = page.get("count");
    if (count == null || !count.canConvertToInt() || count.asInt() < 0) {
      throw shape(task, "has no 'count' (is this a NetBox list endpoint of NetBox 4.2 or later?)");
    }
    return count.asInt();
  }

  private static JsonNode results(PageTask task, JsonNode page) throws SourceException {
    JsonNode results = page.get("results");
    if (results == null || !results.isArray()) {
      throw shape(task, "has no 'results' list");
    }
    if (results.size() > task.limit) {
      throw shape(task, "holds " + results.size() + " objects though " + task.limit + " were asked for");
    }
    return results;
  }

  private static List<JsonNode> resultsList(JsonNode results) {
    List<JsonNode> list = new ArrayList<>(results.size());
    results.forEach(list::add);
    return list;
  }

  /** Two list entries are the same object: the same NetBox id, or (without ids) the same JSON. */
  private static boolean sameObject(JsonNode a, JsonNode b) {
    return a.has("id") ? a.get("id").equals(b.get("id")) : a.equals(b);
  }

  private static String describe(JsonNode object) {
    return object.has("id") ? "object " + object.get("id").asText() : "the same object";
  }

  private static SourceException shape(PageTask task, String problem) {
    return new SourceException("NetBox's answer to " + NetboxHttp.display(task.url()) + " " + problem,
        "check that --url points at NetBox 4.2 or later");
  }

  private static SourceException changed(PageTask task, String problem) {
    return new SourceException("NetBox's " + task.query.stage() + " changed while keagen was reading them ("
        + NetboxHttp.display(task.url()) + "): " + problem, "run again when no one is editing NetBox;"
        + " nothing was written");
  }

  /** One page of one query. Identity matters: two tasks are the same page only if they are one object. */
  private static final class PageTask {
    final ListQuery query;
    final int offset;
    final int limit;
    /** Whether the page's first object is the last object of the page before it. */
    final boolean overlaps;

    PageTask(ListQuery query, int offset, int limit, boolean overlaps) {
      this.query = query;
      this.offset = offset;
      this.limit = limit;
      this.overlaps = overlaps;
    }

    HttpUrl url() {
      HttpUrl.Builder builder = query.url().newBuilder();
      builder.setQueryParameter("limit", Integer.toString(limit));
      builder.setQueryParameter("offset", Integer.toString(offset));
      return builder.build();
    }
  }
}
