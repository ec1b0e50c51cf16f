package org.keagen.plan;

import org.keagen.snapshot.JsonObject;

/**
 * A hand-written subnet from a static fragment, emitted verbatim except for its id.
 *
 * @param cidr the canonical CIDR
 * @param id the Kea subnet id keagen assigned
 * @param body the Kea subnet object as written
 * @param fragment the static fragment it came from
 */
public record StaticSubnet(String cidr, long id, JsonObject body, String fragment) implements Subnet {}
