#!/usr/bin/env bash
# The whole test suite: installs Kea's kea-dhcp4 first where it is missing (so the tests that run
# the real 'kea-dhcp4 -t' never skip on a machine that can have it), then builds and tests every
# module. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
scripts/install-kea.sh
exec mvn -B verify "$@"
