"""Writes a Nautobot's GraphQL introspection result, the schema keagen's query documents are
validated against (source-nautobot/src/test/resources/nautobot/schema-<version>.json).

Run with a Python 3 that has graphql-core 3 (the venv of a Nautobot 3.x has it; the server may be 2.x):

    python introspect.py --url http://127.0.0.1:18090 --token-file /var/tmp/keagen-nautobot/token OUT.json

The server must have the relationship prefix_to_gateway and the custom fields ztp_enabled and
kea_subnet_id (setup.sh and the seed create them): Nautobot adds rel_<key> and cf_<key> fields to
its schema only for relationships and custom fields that exist. The output is the response's
"data" object, keys sorted, two-space indented, with a final newline. The token is never printed.
"""

import argparse
import json
import urllib.request

from graphql import get_introspection_query


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("out")
    args = parser.parse_args()
    with open(args.token_file, encoding="ascii") as f:
        token = f.read().strip()
    body = json.dumps({"query": get_introspection_query(descriptions=True)}).encode()
    request = urllib.request.Request(args.url.rstrip("/") + "/api/graphql/", data=body, method="POST", headers={
        "Authorization": f"Token {token}", "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        result = json.loads(response.read())
    if result.get("errors"):
        raise SystemExit(f"introspection failed: {result['errors']}")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(result["data"], f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
