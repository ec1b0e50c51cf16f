package org.keagen.diagnostic;

import java.util.Locale;

/**
 * The stable codes of all diagnostics. The id ({@code snapshot-invalid}) is part of keagen's
 * interface: scripts and tests match on it, so an id is never renamed or reused.
 */
public enum DiagnosticCode {
  // reading input
  SNAPSHOT_INVALID,
  PREVIOUS_CONFIG_INVALID,
  // prefixes and gateways
  PREFIX_INVALID,
  PREFIX_DUPLICATE,
  GATEWAY_INVALID,
  GATEWAY_OUTSIDE_PREFIX,
  GATEWAY_NOT_DERIVABLE,
  GATEWAY_IN_POOL,
  GATEWAY_RESERVED,
  // addresses
  ADDRESS_INVALID,
  ADDRESS_IS_NETWORK_OR_BROADCAST,
  POOL_OUTSIDE_SUBNET,
  RESERVE_OUTSIDE_SUBNET,
  POOL_AND_RESERVE,
  RESERVE_DUPLICATE_ADDRESS,
  // reservations
  RESERVE_NO_INTERFACE,
  RESERVE_MULTIPLE_INTERFACES,
  RESERVE_UNKNOWN_DEVICE,
  RESERVE_NO_IDENTIFIER,
  RESERVE_ZTP_DISABLED,
  MAC_INVALID,
  CLIENT_ID_INVALID,
  DUPLICATE_IDENTIFIER,
  RESERVATIONS_DISABLED,
  // options and templates
  CONTEXT_INVALID,
  OPTION_CONFLICT,
  SUBNET_OPTION_CONFLICT,
  SUBNET_CONFIG_CONFLICT,
  SUBNET_CONFIG_RESERVED_KEY,
  ROUTERS_OVERRIDE,
  NO_ZTP_SERVER,
  TEMPLATE_ERROR,
  TEMPLATE_UNSAFE,
  OPTION_DEF_INVALID,
  // static fragments
  STATIC_INVALID,
  STATIC_SUBNET_REPLACED,
  STATIC_RESERVATION_REPLACED,
  // subnet ids
  SUBNET_ID_INVALID,
  SUBNET_ID_DUPLICATE,
  SUBNET_ID_REASSIGNED,
  // rendering and output
  SKELETON_INVALID,
  KEA_REJECTED;

  /** The stable, lower-case, dash-separated id, e.g. {@code reserve-no-interface}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
