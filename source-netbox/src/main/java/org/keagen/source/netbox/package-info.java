/**
 * The NetBox source adapter: {@link org.keagen.source.netbox.NetboxSource} reads prefixes, tagged IP
 * addresses, their interfaces and devices from the REST API of NetBox 4.2 to 4.7 with OkHttp, in
 * parallel pages and id batches, with bounded retries, and maps them onto the neutral snapshot.
 * {@link org.keagen.source.netbox.NetboxSourceConfig} holds every setting (URL, token supplier, tag
 * slugs, custom field names, paging, timeouts, TLS); the token never appears in any output.
 */
package org.keagen.source.netbox;
