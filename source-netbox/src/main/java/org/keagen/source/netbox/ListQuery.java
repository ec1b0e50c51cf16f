package org.keagen.source.netbox;

import okhttp3.HttpUrl;

/**
 * One NetBox list query, without {@code limit} and {@code offset} (the fetcher adds them).
 *
 * @param stage what the objects are, for progress and messages, e.g. {@code prefixes}
 * @param url the endpoint with its filters and {@code fields}
 */
record ListQuery(String stage, HttpUrl url) {}
