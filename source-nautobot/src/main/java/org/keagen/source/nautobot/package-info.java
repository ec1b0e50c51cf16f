/**
 * The Nautobot source: the GraphQL response documents of the DHCP queries (prefixes tagged as DHCP
 * subnets, pool and reserved addresses with their interfaces and devices, device config contexts,
 * static Kea data and site option definitions) and their mapping, {@link
 * org.keagen.source.nautobot.NautobotResponses}, to a keagen snapshot.
 */
package org.keagen.source.nautobot;
