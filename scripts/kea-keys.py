#!/usr/bin/env python3
"""Derives, from Kea's own grammar, which keys kea-dhcp4 accepts in a subnet4 entry, a pool and a
host reservation, for each Kea version keagen renders for, and writes them where keagen uses them:

  generator-core/src/main/resources/org/keagen/kea/dhcp4-keys-by-version.tsv   (the semantic rules)
  schemas/kea-dhcp4-<version>.schema.json                                        (propertyNames enums)

For every release tag of a version (Kea-2.2.0, Kea-2.2.1, ...) it reads
src/bin/dhcp4/dhcp4_parser.yy and src/bin/dhcp4/dhcp4_lexer.ll: the alternatives of the map's
parameter rule (subnet4_param, pool_param, reservation_param), the token each alternative starts
with, that token's text (its %token declaration), and whether the lexer returns the token for that
text in the map's parser context (SUBNET4, POOLS, RESERVATIONS); otherwise the text is an ordinary
string and the grammar's unknown_map_entry refuses it. A version's keys are those every release of
it accepts.

Usage: scripts/kea-keys.py [KEA_GIT_DIR]   (default: /work/.mirror/isc-projects+kea/repo)
       scripts/kea-keys.py --check [KEA_GIT_DIR]   (exit 1 when a written file would change)
"""
import json
import os
import re
import subprocess
import sys

VERSIONS = ["2.2", "2.4", "2.6", "3.0"]
# map kind -> (parameter rule in the grammar, parser context in the lexer)
MAPS = {
    "subnet4": ("subnet4_param", "SUBNET4"),
    "pool": ("pool_param", "POOLS"),
    "reservation": ("reservation_param", "RESERVATIONS"),
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSV = os.path.join(ROOT, "generator-core/src/main/resources/org/keagen/kea/dhcp4-keys-by-version.tsv")


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True,
                          text=True).stdout


def tags(git_dir, version):
    found = [t for t in git(git_dir, "tag", "--list", "Kea-" + version + ".*").split()
             if re.fullmatch(r"Kea-\d+\.\d+\.\d+", t)]
    if not found:
        sys.exit("no release tag Kea-%s.* in %s" % (version, git_dir))
    return sorted(found, key=lambda t: [int(p) for p in t[4:].split(".")])


def rule_body(grammar, name):
    """The rule's alternatives without their { ... } actions: the text from 'name:' at the start of
    a line to the ';' outside any action that ends the rule."""
    match = re.search(r"^" + re.escape(name) + r"\s*:", grammar, re.M)
    if not match:
        raise ValueError("no rule " + name)
    out, depth, quote, i = [], 0, None, match.end()
    while i < len(grammar):
        ch = grammar[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif depth > 0 and ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and grammar.startswith("//", i):
            i = grammar.index("\n", i)
            continue
        elif depth == 0 and ch == ";":
            return "".join(out)
        elif depth == 0:
            out.append(ch)
        i += 1
    raise ValueError("rule " + name + " does not end")


def first_tokens(grammar, name, seen=()):
    """The tokens an alternative of rule 'name' can start with (through nonterminals it starts with)."""
    if name in seen:
        return set()
    result = set()
    for alternative in rule_body(grammar, name).split("|"):
        symbols = alternative.split()
        if not symbols:
            continue
        head = symbols[0]
        if head.isupper():
            result.add(head)
        else:
            result |= first_tokens(grammar, head, seen + (name,))
    return result


def token_texts(grammar):
    """%token NAME "text" declarations."""
    block = grammar[grammar.index("%token"):]
    return dict(re.findall(r"^\s+([A-Z][A-Z0-9_]*)\s+\"([^\"]+)\"", block, re.M))


def lexer_returns(lexer, text, context, token):
    """Whether the lexer returns 'token' for the quoted key 'text' in parser context 'context'."""
    match = re.search(r"^\\\"" + re.escape(text) + r"\\\"\s*\{(.*?)^\}", lexer, re.S | re.M)
    if not match:
        return False
    cases = []
    for line in match.group(1).splitlines():
        case = re.search(r"case\s+isc::dhcp::Parser4Context::(\w+)\s*:", line)
        if case:
            cases.append(case.group(1))
        ret = re.search(r"make_(\w+)\(", line)
        if ret:
            if ret.group(1) == token and context in cases:
                return True
            cases = []
    return False


def keys(git_dir, tag, kind):
    grammar = git(git_dir, "show", tag + ":src/bin/dhcp4/dhcp4_parser.yy")
    lexer = git(git_dir, "show", tag + ":src/bin/dhcp4/dhcp4_lexer.ll")
    rule, context = MAPS[kind]
    texts = token_texts(grammar)
    accepted = set()
    for alternative in rule_body(grammar, rule).split("|"):
        name = alternative.strip()
        if not name or name == "unknown_map_entry":
            continue
        for token in first_tokens(grammar, name):
            text = texts.get(token)
            if text and lexer_returns(lexer, text, context, token):
                accepted.add(text)
    return accepted


def derive(git_dir):
    table = {}  # (kind, key) -> set of versions
    for version in VERSIONS:
        for kind in MAPS:
            per_tag = [keys(git_dir, tag, kind) for tag in tags(git_dir, version)]
            common = set.intersection(*per_tag)
            for extra in sorted(set.union(*per_tag) - common):
                print("note: %s key %s is accepted by only some %s releases; left out" % (kind, extra, version),
                      file=sys.stderr)
            for key in common:
                table.setdefault((kind, key), set()).add(version)
    return table


def tsv_text(table):
    lines = ["# Keys kea-dhcp4 accepts in a subnet4 entry, a pool and a host reservation, per Kea version,",
             "# derived from Kea's grammar (dhcp4_parser.yy, dhcp4_lexer.ll) by scripts/kea-keys.py.",
             "# map\tkey\tversions"]
    for (kind, key) in sorted(table, key=lambda k: (list(MAPS).index(k[0]), k[1])):
        versions = [v for v in VERSIONS if v in table[(kind, key)]]
        lines.append("%s\t%s\t%s" % (kind, key, ",".join(versions)))
    return "\n".join(lines) + "\n"


def with_property_names(schema, allowed):
    """The version schema with the keys this version accepts as $defs (subnet4Keys, poolKeys) and
    propertyNames referring to them on subnet4 entries (top level and in shared networks) and on
    their pools; reservations are closed in the common schema already."""
    marker = " Keys of subnet4 entries and pools:"
    schema["description"] = (schema["description"].split(marker)[0] + marker
                             + " those this version's grammar accepts ($defs, derived by scripts/kea-keys.py).")
    schema["$defs"] = {"subnet4Keys": {"enum": sorted(allowed["subnet4"])},
                       "poolKeys": {"enum": sorted(allowed["pool"])}}
    dhcp4 = schema["allOf"][1]["properties"]["Dhcp4"].setdefault("properties", {})
    shared = dhcp4.setdefault("shared-networks", {}).setdefault("items", {}).setdefault("properties", {})
    for subnets in (dhcp4.setdefault("subnet4", {}), shared.setdefault("subnet4", {})):
        items = subnets.setdefault("items", {})
        items["propertyNames"] = {"$ref": "#/$defs/subnet4Keys"}
        pools = items.setdefault("properties", {}).setdefault("pools", {}).setdefault("items", {})
        pools["propertyNames"] = {"$ref": "#/$defs/poolKeys"}
    return schema


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    git_dir = args[0] if args else "/work/.mirror/isc-projects+kea/repo"
    table = derive(git_dir)
    outputs = {TSV: tsv_text(table)}
    for version in VERSIONS:
        allowed = {kind: {key for (k, key), vs in table.items() if k == kind and version in vs} for kind in MAPS}
        path = os.path.join(ROOT, "schemas", "kea-dhcp4-%s.schema.json" % version)
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        outputs[path] = json.dumps(with_property_names(schema, allowed), indent=2) + "\n"
    changed = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(os.path.relpath(path, ROOT))
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if check and changed:
        print("out of date: " + ", ".join(changed), file=sys.stderr)
        return 1
    print(("would change: " if check else "written: ") + (", ".join(changed) or "nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
