#!/usr/bin/env bash
# Installs the real pre-commit and ansible-core from PyPI into a virtualenv the integration tests
# use (cli/src/test/.../PreCommitHookIT, AnsiblePlaybookIT). The virtualenv is cached: it is made
# again only when scripts/tool-requirements.txt changes. Its place: $KEAGEN_TOOLS_DIR, default
# /var/tmp/keagen-tools (the tests look there too).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

dir=${KEAGEN_TOOLS_DIR:-/var/tmp/keagen-tools}
venv="$dir/venv"
requirements=scripts/tool-requirements.txt
stamp="$venv/.keagen-requirements"

if [[ -x "$venv/bin/pre-commit" && -x "$venv/bin/ansible-playbook" && -f "$stamp" ]] \
    && cmp -s "$requirements" "$stamp"; then
  echo "install-tool-deps: pre-commit and ansible-core are installed in $venv"
  exit 0
fi

python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [[ -z "$python" ]]; then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "install-tool-deps: installing python3-venv from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv
    python=python3
  else
    echo "install-tool-deps: Python 3.11 or later with the venv module is needed (Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi

echo "install-tool-deps: installing $(grep -v '^#' "$requirements" | xargs) into $venv"
rm -rf "$venv"
mkdir -p "$dir"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --retries 5 --timeout 60 -r "$requirements"
cp "$requirements" "$stamp"
"$venv/bin/pre-commit" --version
"$venv/bin/ansible-playbook" --version | head -n 1
