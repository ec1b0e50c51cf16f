/**
 * The Nautobot source: {@link org.keagen.source.nautobot.NautobotSource} reads a Nautobot 2.3+ or
 * 3.x through its GraphQL API (query documents kept as {@code .graphql} resources, paged with
 * {@code limit}/{@code offset}, configured by {@link
 * org.keagen.source.nautobot.NautobotSourceConfig}), and {@link
 * org.keagen.source.nautobot.NautobotResponses} maps the response documents (keagen's, and those of
 * the reference's queries: prefixes tagged as DHCP subnets, pool and reserved addresses with their
 * interfaces and devices, device config contexts, static Kea data and site option definitions) to
 * a keagen snapshot.
 */
package org.keagen.source.nautobot;
