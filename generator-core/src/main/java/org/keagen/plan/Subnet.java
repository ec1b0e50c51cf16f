package org.keagen.plan;

/** A Kea subnet in the plan: generated from a tagged prefix, or a static one kept verbatim. */
public sealed interface Subnet permits GeneratedSubnet, StaticSubnet {

  /** The canonical CIDR, e.g. {@code 10.0.0.0/24}. */
  String cidr();

  /** The Kea subnet id. */
  long id();
}
