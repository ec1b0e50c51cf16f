#!/usr/bin/env bash
# Installs what keagen's push and end-to-end DHCP tests need from Debian's packages:
# kea-dhcp4 (the server), kea-ctrl-agent (HTTP control channel for Kea 2.x), busybox (udhcpc,
# the DHCP client) and iproute2 (network namespaces). Idempotent: installs only what is missing.
set -euo pipefail

packages=()
command -v kea-dhcp4 >/dev/null 2>&1 || packages+=(kea-dhcp4-server)
command -v kea-ctrl-agent >/dev/null 2>&1 || packages+=(kea-ctrl-agent)
command -v busybox >/dev/null 2>&1 || packages+=(busybox)
command -v ip >/dev/null 2>&1 || packages+=(iproute2)

if [ "${#packages[@]}" -eq 0 ]; then
  echo "install-e2e-deps: kea-dhcp4, kea-ctrl-agent, busybox and ip are present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-e2e-deps: installing ${packages[*]}"
$SUDO apt-get update -qq
# the Kea packages start their services on install; keep them from doing so where policy-rc.d is honoured
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
