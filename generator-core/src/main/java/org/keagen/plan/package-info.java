/**
 * The DHCP plan: what the resolve stage decided, still independent of any Kea version. Subnets with
 * their ids, pool ranges, options and reservations, the global reservations and option definitions;
 * the renderer turns it into Kea's {@code Dhcp4} tree.
 */
package org.keagen.plan;
