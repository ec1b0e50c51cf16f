#!/usr/bin/env python3
"""Seeds a NetBox (4.2 or later) with keagen's integration-test site, through the REST API only.

Idempotent: every object is looked up by its natural key and created when missing or patched to
the state below when present, so running it twice leaves the same data (and the same ids) behind.
When done it stamps the hash of this file into the description of the tag "dhcp-subnet"; a later
run that finds the same stamp does nothing (--force seeds anyway). Uses only the standard library.
The token is read from a file and never printed.

    seed.py --url http://127.0.0.1:18080 --token-file /var/tmp/keagen-netbox/token-v2

The site "ams1" has three DHCP subnets (one in VRF "mgmt" with a gateway custom field and an
explicit Kea subnet id, one scoped to a location, one plain), pool addresses forming ranges,
leaf/spine/server devices with MAC addresses on their interfaces (one interface without a MAC, so
its client id comes from the serial), config contexts with DHCP options and ZTP servers, a device
with local context data and a device with ztp_enabled=false.
"""

import argparse
import hashlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


class Api:
    def __init__(self, url, token):
        self.base = url.rstrip("/") + "/api/"
        scheme = "Bearer" if token.startswith("nbt_") else "Token"
        self.headers = {
            "Authorization": f"{scheme} {token}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        self.requests = 0

    def call(self, method, path, body=None, query=None):
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query, doseq=True)
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=self.headers)
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")[:2000]
            sys.exit(f"seed: {method} {url} failed with HTTP {e.code}: {detail}")

    def find(self, path, **filters):
        page = self.call("GET", path, query={**filters, "limit": 2})
        if page["count"] > 1:
            sys.exit(f"seed: {path} {filters} matches {page['count']} objects, expected at most one")
        return page["results"][0] if page["results"] else None

    def ensure(self, path, lookup, fields):
        """Creates the object found by `lookup` with `fields`, or patches it to `fields`."""
        found = self.find(path, **lookup)
        if found is None:
            return self.call("POST", path, fields)
        return self.call("PATCH", f"{path}{found['id']}/", fields)


def seed(api):
    tags = {slug: api.ensure("extras/tags/", {"slug": slug}, {"name": slug, "slug": slug})["id"]
            for slug in ("dhcp-subnet", "dhcp-pool", "dhcp-reserve", "core")}

    api.ensure("extras/custom-fields/", {"name": "ztp_enabled"}, {
        "name": "ztp_enabled", "label": "ZTP enabled", "type": "boolean", "object_types": ["dcim.device"]})
    api.ensure("extras/custom-fields/", {"name": "dhcp_gateway"}, {
        "name": "dhcp_gateway", "label": "DHCP gateway", "type": "object",
        "related_object_type": "ipam.ipaddress", "object_types": ["ipam.prefix"]})
    api.ensure("extras/custom-fields/", {"name": "kea_subnet_id"}, {
        "name": "kea_subnet_id", "label": "Kea subnet id", "type": "integer", "object_types": ["ipam.prefix"]})
    api.ensure("extras/custom-fields/", {"name": "dhcp_role"}, {
        "name": "dhcp_role", "label": "DHCP role", "type": "text", "object_types": ["dcim.interface"]})

    site = api.ensure("dcim/sites/", {"slug": "ams1"}, {"name": "ams1", "slug": "ams1", "status": "active"})
    hall = api.ensure("dcim/locations/", {"slug": "hall-a"},
                      {"name": "hall-a", "slug": "hall-a", "site": site["id"], "status": "active"})
    tenant = api.ensure("tenancy/tenants/", {"slug": "ops"}, {"name": "ops", "slug": "ops"})
    vrf = api.ensure("ipam/vrfs/", {"name": "mgmt"}, {"name": "mgmt"})

    maker = api.ensure("dcim/manufacturers/", {"slug": "acme"}, {"name": "Acme", "slug": "acme"})
    types = {model: api.ensure("dcim/device-types/", {"slug": model},
                               {"manufacturer": maker["id"], "model": model, "slug": model})["id"]
             for model in ("sn2410", "sn3700", "r640")}
    roles = {name: api.ensure("dcim/device-roles/", {"slug": name},
                              {"name": name, "slug": name, "color": color})["id"]
             for name, color in (("leaf", "2196f3"), ("spine", "3f51b5"), ("server", "9e9e9e"))}
    platforms = {name: api.ensure("dcim/platforms/", {"slug": slug}, {"name": name, "slug": slug})["id"]
                 for name, slug in (("Cumulus Linux", "cumulus-linux"), ("SONiC", "sonic"), ("Ubuntu", "ubuntu"))}

    # Address objects first: the mgmt prefix's gateway custom field points at one.
    gateway_ip = api.ensure("ipam/ip-addresses/", {"address": "10.10.0.254/24", "vrf_id": vrf["id"]}, {
        "address": "10.10.0.254/24", "vrf": vrf["id"], "status": "active", "tags": [tags["core"]]})

    api.ensure("ipam/prefixes/", {"prefix": "10.10.0.0/16", "vrf_id": vrf["id"]}, {
        "prefix": "10.10.0.0/16", "vrf": vrf["id"], "status": "container", "tags": []})
    api.ensure("ipam/prefixes/", {"prefix": "10.10.0.0/24", "vrf_id": vrf["id"]}, {
        "prefix": "10.10.0.0/24", "vrf": vrf["id"], "status": "active", "tenant": tenant["id"],
        "scope_type": "dcim.site", "scope_id": site["id"], "tags": [tags["dhcp-subnet"]],
        "custom_fields": {"dhcp_gateway": gateway_ip["id"], "kea_subnet_id": 100}})
    api.ensure("ipam/prefixes/", {"prefix": "10.20.0.0/24", "vrf_id": "null"}, {
        "prefix": "10.20.0.0/24", "status": "active", "scope_type": "dcim.location", "scope_id": hall["id"],
        "tags": [tags["dhcp-subnet"]], "custom_fields": {"dhcp_gateway": None, "kea_subnet_id": None}})
    api.ensure("ipam/prefixes/", {"prefix": "10.30.0.0/26", "vrf_id": "null"}, {
        "prefix": "10.30.0.0/26", "status": "active", "scope_type": "dcim.site", "scope_id": site["id"],
        "tags": [tags["dhcp-subnet"], tags["core"]], "custom_fields": {"dhcp_gateway": None, "kea_subnet_id": None}})
    api.ensure("ipam/prefixes/", {"prefix": "10.99.0.0/24", "vrf_id": "null"}, {
        "prefix": "10.99.0.0/24", "status": "active", "tags": [tags["core"]]})

    api.ensure("extras/config-contexts/", {"name": "keagen-ztp-switches"}, {
        "name": "keagen-ztp-switches", "weight": 1000, "roles": [roles["leaf"], roles["spine"]],
        "data": {
            "dhcp": {"options": {
                "client_id_template": "00:{{ serial | hex }}",
                "interface_names": {"eth0": {
                    "reservation_options": {"boot-file-name": "http://{{ ztp_server }}/v1/device/{{ device_id }}/onie"},
                    "subnet_options": {"ntp-servers": "10.10.0.5"}}}}},
            "ztp": {"ipv4": ["10.10.0.50", "10.10.0.51"], "ipv6": []}}})
    api.ensure("extras/config-contexts/", {"name": "keagen-site-ams1"}, {
        "name": "keagen-site-ams1", "weight": 500, "sites": [site["id"]],
        "data": {"dhcp": {"options": {"interface_roles": {"bmc": {
            "subnet_options": {"domain-name-servers": "10.20.0.53"},
            "subnet_config": {"reservations-global": False, "reservations-in-subnet": True}}}}}}})

    devices = [
        # name, type, role, platform, location, serial, ztp_enabled, local context,
        #   [(interface, mac, dhcp_role, [(address, vrf, tag)])]
        ("leaf01", "sn2410", "leaf", "Cumulus Linux", None, "MT2415XZ04QY", True, None,
         [("eth0", "0C:42:A1:00:00:01", None, [("10.10.0.11/24", vrf, "dhcp-reserve")])]),
        ("leaf02", "sn2410", "leaf", "Cumulus Linux", None, "MT2415XZ04QZ", True,
         {"ztp": {"ipv4": ["10.10.0.52"]}},
         [("eth0", "0c:42:a1:00:00:02", None, [("10.10.0.12/24", vrf, "dhcp-reserve")])]),
        ("leaf03", "sn2410", "leaf", "Cumulus Linux", None, "MT2415XZ04R0", False, None,
         [("eth0", "0c:42:a1:00:00:03", None, [("10.10.0.13/24", vrf, "dhcp-reserve")])]),
        ("spine01", "sn3700", "spine", "SONiC", None, "SPN-0001", True, None,
         [("eth0", None, None, [("10.10.0.21/24", vrf, "dhcp-reserve")])]),
        ("server01", "r640", "server", "Ubuntu", hall, "SRV-0001", None, None,
         [("bmc", "b8:2a:72:00:00:01", "bmc", [("10.20.0.10/24", None, "dhcp-reserve")]),
          ("eno1", "b8:2a:72:00:01:01", None, [])]),
        ("server02", "r640", "server", "Ubuntu", hall, "SRV-0002", None, None,
         [("bmc", "b8:2a:72:00:00:02", "bmc", [("10.20.0.11/24", None, "dhcp-reserve")]),
          ("eno1", "b8:2a:72:00:01:02", "bmc", [("10.30.0.40/26", None, "dhcp-pool")])]),
    ]
    for name, model, role, platform, location, serial, ztp, local, interfaces in devices:
        device = api.ensure("dcim/devices/", {"name": name, "site_id": site["id"]}, {
            "name": name, "device_type": types[model], "role": roles[role], "platform": platforms[platform],
            "site": site["id"], "location": location["id"] if location else None, "serial": serial,
            "status": "active", "local_context_data": local, "custom_fields": {"ztp_enabled": ztp}})
        for if_name, mac, dhcp_role, addresses in interfaces:
            interface = api.ensure("dcim/interfaces/", {"device_id": device["id"], "name": if_name}, {
                "device": device["id"], "name": if_name, "type": "1000base-t",
                "custom_fields": {"dhcp_role": dhcp_role}})
            if mac:
                mac_object = api.ensure("dcim/mac-addresses/", {"mac_address": mac}, {
                    "mac_address": mac, "assigned_object_type": "dcim.interface",
                    "assigned_object_id": interface["id"]})
                api.call("PATCH", f"dcim/interfaces/{interface['id']}/", {"primary_mac_address": mac_object["id"]})
            for address, address_vrf, tag in addresses:
                lookup = {"address": address, "vrf_id": address_vrf["id"] if address_vrf else "null"}
                api.ensure("ipam/ip-addresses/", lookup, {
                    "address": address, "vrf": address_vrf["id"] if address_vrf else None, "status": "active",
                    "tags": [tags[tag]], "assigned_object_type": "dcim.interface",
                    "assigned_object_id": interface["id"]})

    # Unassigned pool addresses: 10.20.0.100-119, 10.20.0.130-131, 10.30.0.41-49, 10.10.0.200-210 (mgmt)
    pool = ([(f"10.20.0.{i}/24", None) for i in range(100, 120)]
            + [(f"10.20.0.{i}/24", None) for i in (130, 131)]
            + [(f"10.30.0.{i}/26", None) for i in range(41, 50)]
            + [(f"10.10.0.{i}/24", vrf) for i in range(200, 211)])
    existing = {}
    page = api.call("GET", "ipam/ip-addresses/", query={"limit": 1000, "fields": "id,address,vrf"})
    for ip in page["results"]:
        existing[(ip["address"], ip["vrf"]["id"] if ip["vrf"] else None)] = ip["id"]
    missing = [{"address": a, "vrf": v["id"] if v else None, "status": "dhcp", "tags": [tags["dhcp-pool"]]}
               for a, v in pool if (a, v["id"] if v else None) not in existing]
    if missing:
        api.call("POST", "ipam/ip-addresses/", missing)
    # An address in an untagged prefix that is tagged for nothing: must be ignored.
    api.ensure("ipam/ip-addresses/", {"address": "10.99.0.5/24", "vrf_id": "null"},
               {"address": "10.99.0.5/24", "status": "active", "tags": [tags["core"]]})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="NetBox base URL, e.g. http://127.0.0.1:18080")
    parser.add_argument("--token-file", required=True, help="file holding the API token (v1 or v2)")
    parser.add_argument("--force", action="store_true", help="seed even when the stamp says it is done")
    args = parser.parse_args()
    with open(args.token_file) as f:
        token = f.read().strip()
    api = Api(args.url, token)
    with open(__file__, "rb") as f:
        stamp = "keagen seed " + hashlib.sha256(f.read()).hexdigest()[:16]
    tag = api.find("extras/tags/", slug="dhcp-subnet")
    if tag is not None and tag.get("description") == stamp and not args.force:
        print(f"seed: already seeded ({stamp})", file=sys.stderr)
        return
    seed(api)
    api.ensure("extras/tags/", {"slug": "dhcp-subnet"}, {"description": stamp})
    print(f"seed: done ({api.requests} requests, {stamp})", file=sys.stderr)


if __name__ == "__main__":
    main()
