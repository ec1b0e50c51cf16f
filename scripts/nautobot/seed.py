"""Seeds a Nautobot 2.2+/3.x with the site described in scripts/site/realistic-site.json.

Run with the Nautobot venv's python and NAUTOBOT_CONFIG set (setup.sh does both), after prepare.py:

    python seed.py scripts/site/realistic-site.json

Works through Nautobot's ORM, in one transaction. Idempotent: every object is looked up by its
natural key and created or updated to the description. Objects are created with fixed ids (UUIDs
derived from their natural keys), so that device ids, which option templates can show as
{{ device_id }}, are the same on every server seeded from the same description: the golden Kea
config does not depend on the order or the time of seeding. A stamp (the hash of the description
and of this script) in the description of the tag dhcp-subnet makes a second run a no-op.
"""

import hashlib
import ipaddress
import json
import sys
import uuid

import logging

import nautobot

nautobot.setup()
# A new custom field asks for a background job to initialise it on existing objects; without a
# user in the change context Nautobot logs an error instead. Nothing needs initialising here.
logging.getLogger("nautobot.extras.customfields").setLevel(logging.CRITICAL)

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from nautobot.dcim.models import (  # noqa: E402
    Device,
    DeviceType,
    Interface,
    Location,
    LocationType,
    Manufacturer,
    Platform,
)
from nautobot.extras.models import (  # noqa: E402
    ConfigContext,
    CustomField,
    Relationship,
    RelationshipAssociation,
    Role,
    Status,
    Tag,
)
from nautobot.ipam.models import VRF, IPAddress, IPAddressToInterface, Namespace, Prefix  # noqa: E402
from nautobot.tenancy.models import Tenant  # noqa: E402

ID_NAMESPACE = uuid.UUID("6f1d3c52-5d0a-4c53-9a8e-6b2f0d7c1e10")


def fixed_id(kind, *key):
    return uuid.uuid5(ID_NAMESPACE, "/".join([kind, *[str(k) for k in key]]))


def ensure(model, lookup, fields, kind, create=None):
    """The object found by `lookup`, updated to `fields`, or created with them and a fixed id
    (from `create` instead of `lookup` when given)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(id=fixed_id(kind, *lookup.values()), **(create or lookup), **fields)
        obj.validated_save()
        return obj
    changed = False
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.validated_save()
    return obj


def content_types(*models):
    return [ContentType.objects.get_for_model(m) for m in models]


def status(name):
    return Status.objects.get(name=name)


def set_custom_field(obj, key, value):
    if obj.cf.get(key) != value:
        obj.cf[key] = value
        obj.validated_save()


class Seeder:
    def __init__(self, site):
        self.site = site
        self.active = status("Active")
        self.namespaces = {None: Namespace.objects.get(name="Global")}
        self.vrfs = {}
        self.tags = {}
        self.roles = {}
        self.locations = {}
        self.platforms = {}
        self.device_types = {}
        self.gateway = Relationship.objects.get(key="prefix_to_gateway")

    def namespace(self, vrf):
        return self.namespaces[vrf]

    def run(self):
        s = self.site
        for name in s["tags"]:
            tag = ensure(Tag, {"name": name}, {}, "tag")
            tag.content_types.add(*content_types(Prefix, IPAddress))
            self.tags[name] = tag
        for field in s["custom_fields"]:
            model = {"device": Device, "prefix": Prefix, "interface": Interface}[field["on"]]
            cf = ensure(CustomField, {"key": field["key"]}, {"label": field["label"], "type": field["type"]},
                        "custom-field")
            cf.content_types.add(*content_types(model))

        site_type = ensure(LocationType, {"name": "Site"}, {}, "location-type")
        site_type.content_types.add(*content_types(Device, Prefix))
        hall_type = ensure(LocationType, {"name": "Hall"}, {"parent": site_type}, "location-type")
        hall_type.content_types.add(*content_types(Device, Prefix))
        self.locations[s["site"]] = ensure(Location, {"name": s["site"]},
                                           {"location_type": site_type, "status": self.active}, "location")
        for name in s["locations"]:
            self.locations[name] = ensure(Location, {"name": name}, {
                "location_type": hall_type, "parent": self.locations[s["site"]], "status": self.active}, "location")
        tenants = {name: ensure(Tenant, {"name": name}, {}, "tenant") for name in s["tenants"]}
        for name in s["vrfs"]:
            self.namespaces[name] = ensure(Namespace, {"name": name}, {}, "namespace")
            self.vrfs[name] = ensure(VRF, {"name": name, "namespace": self.namespaces[name]}, {}, "vrf")

        maker = ensure(Manufacturer, {"name": s["manufacturer"]}, {}, "manufacturer")
        for model in s["device_types"]:
            self.device_types[model] = ensure(DeviceType, {"model": model}, {"manufacturer": maker}, "device-type")
        for role in s["device_roles"]:
            self.roles[role["name"]] = ensure(Role, {"name": role["name"]}, {"color": role["color"]}, "role")
            self.roles[role["name"]].content_types.add(*content_types(Device))
        for name in s["interface_roles"]:
            self.roles[name] = ensure(Role, {"name": name}, {}, "role")
            self.roles[name].content_types.add(*content_types(Interface))
        for name in s["platforms"]:
            self.platforms[name] = ensure(Platform, {"name": name}, {}, "platform")

        # Prefixes before addresses: every Nautobot address needs a parent prefix in its namespace.
        prefixes = []
        for p in s["prefixes"]:
            network = ipaddress.ip_network(p["prefix"])
            namespace = self.namespace(p.get("vrf"))
            prefix = ensure(Prefix, {"network": str(network.network_address), "prefix_length": network.prefixlen,
                                     "namespace": namespace}, {
                "type": "container" if p.get("status") == "container" else "network",
                "status": self.active,
                "tenant": tenants.get(p.get("tenant")),
            }, "prefix", create={"prefix": str(network), "namespace": namespace})
            if p.get("vrf"):
                prefix.vrfs.add(self.vrfs[p["vrf"]])
            prefix.locations.set([self.locations[p["scope"]]] if p.get("scope") else [])
            prefix.tags.set([self.tags[t] for t in p["tags"]])
            set_custom_field(prefix, "kea_subnet_id", p.get("kea_subnet_id"))
            prefixes.append((p, prefix))

        for a in s["ip_addresses"]:
            self.address(a["address"], a.get("vrf"), a["tags"])
        for p, prefix in prefixes:
            gateway = self.address(p["gateway"], p.get("vrf"), None) if p.get("gateway") else None
            RelationshipAssociation.objects.filter(relationship=self.gateway, source_id=prefix.id).exclude(
                destination_id=gateway.id if gateway else None).delete()
            if gateway and not RelationshipAssociation.objects.filter(
                    relationship=self.gateway, source_id=prefix.id).exists():
                RelationshipAssociation(
                    id=fixed_id("gateway", prefix.id), relationship=self.gateway,
                    source_type=ContentType.objects.get_for_model(Prefix), source_id=prefix.id,
                    destination_type=ContentType.objects.get_for_model(IPAddress), destination_id=gateway.id,
                ).validated_save()

        for c in s["config_contexts"]:
            context = ensure(ConfigContext, {"name": c["name"]}, {"weight": c["weight"], "data": c["data"],
                                                                 "is_active": True}, "config-context")
            assigned = c["assigned_to"]
            context.roles.set([self.roles[r] for r in assigned.get("roles", [])])
            context.locations.set([self.locations[n] for n in assigned.get("sites", [])])

        for d in s["devices"]:
            self.device(d)

        for r in s["pool_ranges"]:
            first = ipaddress.ip_address(r["first"])
            last = ipaddress.ip_address(r["last"])
            for value in range(int(first), int(last) + 1):
                address = f"{ipaddress.ip_address(value)}/{r['length']}"
                self.address(address, r.get("vrf"), ["dhcp-pool"], ip_type="dhcp")

    def address(self, address, vrf, tags, ip_type="host"):
        """Nautobot 2.0+ marks DHCP addresses by type 'dhcp', not by status: all are Active."""
        interface = ipaddress.ip_interface(address)
        namespace = self.namespace(vrf)
        ip = IPAddress.objects.filter(host=str(interface.ip), parent__namespace=namespace).first()
        if ip is None:
            ip = IPAddress(id=fixed_id("ip-address", vrf, address), address=address, namespace=namespace,
                           status=self.active, type=ip_type)
            ip.validated_save()
        elif ip.mask_length != interface.network.prefixlen or ip.type != ip_type:
            ip.mask_length = interface.network.prefixlen
            ip.type = ip_type
            ip.validated_save()
        if tags is not None:
            ip.tags.set([self.tags[t] for t in tags])
        return ip

    def device(self, d):
        location = self.locations[d["location"] or self.site["site"]]
        device = ensure(Device, {"name": d["name"], "location": location}, {
            "device_type": self.device_types[d["device_type"]],
            "role": self.roles[d["role"]],
            "platform": self.platforms[d["platform"]],
            "serial": d["serial"] or "",
            "status": self.active,
            "local_config_context_data": d["local_context"],
        }, "device")
        set_custom_field(device, "ztp_enabled", d["ztp_enabled"])
        for i in d["interfaces"]:
            interface = ensure(Interface, {"device": device, "name": i["name"]}, {
                "type": "1000base-t",
                "status": self.active,
                "mac_address": i["mac"] or "",
                "role": self.roles[i["role"]] if i["role"] else None,
            }, "interface")
            wanted = []
            for a in i["addresses"]:
                ip = self.address(a["address"], a["vrf"], [a["tag"]])
                wanted.append(ip.id)
                if not IPAddressToInterface.objects.filter(ip_address=ip, interface=interface).exists():
                    IPAddressToInterface(id=fixed_id("ip-to-interface", ip.id, interface.id),
                                         ip_address=ip, interface=interface).validated_save()
            IPAddressToInterface.objects.filter(interface=interface).exclude(ip_address_id__in=wanted).delete()


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        raw = f.read()
    with open(__file__, "rb") as f:
        stamp = "keagen seed " + hashlib.sha256(raw + f.read()).hexdigest()[:16]
    tag = Tag.objects.filter(name="dhcp-subnet").first()
    if tag is not None and tag.description == stamp and "--force" not in sys.argv:
        print(f"seed: already seeded ({stamp})", file=sys.stderr)
        return
    with transaction.atomic():
        Seeder(json.loads(raw)).run()
        tag = Tag.objects.get(name="dhcp-subnet")
        tag.description = stamp
        tag.validated_save()
    print(f"seed: done ({stamp})", file=sys.stderr)


if __name__ == "__main__":
    main()
