"""Creates, idempotently, what keagen reads from Nautobot and an API token for it.

Run with the Nautobot venv's python and NAUTOBOT_CONFIG set (setup.sh does both):
- the tags dhcp-subnet (prefixes), dhcp-pool and dhcp-reserve (IP addresses);
- the one-to-one relationship prefix-to-gateway (key prefix_to_gateway, prefix -> IP address),
  which GraphQL shows as rel_prefix_to_gateway;
- the boolean custom field ztp_enabled on devices (GraphQL cf_ztp_enabled);
- the config context schemas of the reference's site option definitions and static Kea data;
- a superuser "keagen" and an API token for it, written to $KEAGEN_TOKEN_FILE (mode 600).
The token is never printed.
"""

import os
import secrets

import logging

import nautobot

nautobot.setup()
# A new custom field asks for a background job to initialise it on existing objects; without a
# user in the change context Nautobot logs an error instead. Nothing needs initialising here.
logging.getLogger("nautobot.extras.customfields").setLevel(logging.CRITICAL)

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from nautobot.dcim.models import Device  # noqa: E402
from nautobot.extras.models import ConfigContextSchema, CustomField, Relationship, Tag  # noqa: E402
from nautobot.ipam.models import IPAddress, Prefix  # noqa: E402
from nautobot.users.models import Token, User  # noqa: E402


def content_type(model):
    return ContentType.objects.get_for_model(model)


def tags():
    for name, models in (
        ("dhcp-subnet", [Prefix]),
        ("dhcp-pool", [IPAddress]),
        ("dhcp-reserve", [IPAddress]),
    ):
        tag, _ = Tag.objects.get_or_create(name=name)
        tag.content_types.add(*[content_type(m) for m in models])


def gateway_relationship():
    Relationship.objects.get_or_create(
        key="prefix_to_gateway",
        defaults={
            "label": "prefix-to-gateway",
            "type": "one-to-one",
            "source_type": content_type(Prefix),
            "destination_type": content_type(IPAddress),
            "description": "The gateway (router) address of a DHCP subnet",
        },
    )


def ztp_custom_field():
    field, _ = CustomField.objects.get_or_create(
        key="ztp_enabled",
        defaults={"label": "ZTP enabled", "type": "boolean", "description": "Device may be provisioned by ZTP"},
    )
    field.content_types.add(content_type(Device))


def config_context_schemas():
    for name, description in (
        ("nv-config-manager-site-dhcp-option-def", "Kea option-def list for a site (Dhcp4.option-def)"),
        ("nv-config-manager-kea-static-data", "Hand-written Kea reservations and subnets (Dhcp4.reservations, subnet4)"),
    ):
        ConfigContextSchema.objects.get_or_create(
            name=name, defaults={"description": description, "data_schema": {"type": "object"}}
        )


def token():
    user, created = User.objects.get_or_create(username="keagen", defaults={"is_superuser": True, "is_staff": True})
    if created:
        user.set_password(secrets.token_urlsafe(24))
        user.save()
    path = os.environ["KEAGEN_TOKEN_FILE"]
    key = None
    if os.path.exists(path):
        with open(path, encoding="ascii") as f:
            key = f.read().strip()
    if not key or not Token.objects.filter(key=key, user=user).exists():
        key = Token.generate_key()
        Token.objects.create(user=user, key=key, description="keagen integration tests")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key + "\n")
    os.chmod(path, 0o600)


tags()
gateway_relationship()
ztp_custom_field()
config_context_schemas()
token()
print("prepared: tags, relationship prefix_to_gateway, custom field ztp_enabled, schemas, token file")
