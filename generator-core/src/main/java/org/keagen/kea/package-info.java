/**
 * Facts about Kea itself: the versions keagen targets, and Kea's standard DHCPv4 option
 * definitions per version (the table in {@code org/keagen/kea/}, read from Kea's sources).
 */
package org.keagen.kea;
