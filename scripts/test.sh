#!/usr/bin/env bash
# The whole test suite: installs what the tests run for real where it is missing (Kea's kea-dhcp4 for
# 'kea-dhcp4 -t'; kea-ctrl-agent and busybox's udhcpc for the push and end-to-end DHCP tests;
# pre-commit and ansible-core for the CLI's integration tests), so those tests never skip on a
# machine that can have them, then builds and tests every module.
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
scripts/install-kea.sh
scripts/install-e2e-deps.sh
scripts/install-tool-deps.sh
exec mvn -B verify "$@"
