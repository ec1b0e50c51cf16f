package org.keagen.source.netbox;

/**
 * What one fetch cost.
 *
 * @param requests HTTP requests made, counting each page once (retries not counted)
 * @param objects NetBox objects read (prefixes, addresses, interfaces, devices)
 * @param millis wall time of the whole fetch
 */
public record FetchStats(long requests, long objects, long millis) {
  static final FetchStats NONE = new FetchStats(0, 0, 0);
}
