package org.keagen.source.nautobot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} objects of the four GraphQL queries a Nautobot run makes, each with pages
 * already joined into one array per list.
 *
 * @param autoSubnets the auto-subnets query: {@code prefixes[]}, {@code pool_ips[]}, {@code
 *     reserved_ips[]}
 * @param deviceContexts the device contexts query: {@code config_manager_devices[].device{id,
 *     config_context}}
 * @param staticData the static data query: {@code config_contexts[].data.Dhcp4.{reservations,
 *     subnet4}}
 * @param siteOptionDefs the site option-def query: {@code config_contexts[0].data.Dhcp4.option-def}
 */
public record NautobotDocuments(
    JsonNode autoSubnets, JsonNode deviceContexts, JsonNode staticData, JsonNode siteOptionDefs) {

  /** The query names used in messages about a malformed response. */
  public static final String AUTO_SUBNETS = "auto_dhcp_subnets";
  public static final String DEVICE_CONTEXTS = "dhcp_contexts";
  public static final String STATIC_DATA = "static_dhcp_data";
  public static final String SITE_OPTION_DEFS = "site_dhcp_options";

  public static NautobotDocuments of(
      JsonNode autoSubnets, JsonNode deviceContexts, JsonNode staticData, JsonNode siteOptionDefs) {
    return new NautobotDocuments(autoSubnets, deviceContexts, staticData, siteOptionDefs);
  }
}
