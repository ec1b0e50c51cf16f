#!/usr/bin/env bash
# Installs what keagen's push and end-to-end DHCP tests need, from Debian's packages:
# kea-dhcp4 (the server), kea-ctrl-agent (the HTTP control channel of Kea 2.x), busybox (udhcpc,
# the DHCP client), iproute2 (network namespaces) and openssl (test certificates).
# Idempotent: installs only what is missing. The Kea services are not started by the install.
set -euo pipefail

have() {
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]
}

packages=()
have kea-dhcp4 || packages+=(kea-dhcp4-server)
have kea-ctrl-agent || packages+=(kea-ctrl-agent)
have busybox || packages+=(busybox)
have ip || packages+=(iproute2)
have openssl || packages+=(openssl)

if [ "${#packages[@]}" -eq 0 ]; then
  echo "install-e2e-deps: kea-dhcp4, kea-ctrl-agent, busybox, ip and openssl are present"
  exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi

# keep the packages' services from starting (the tests start their own daemons on their own ports)
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=true
fi
cleanup() {
  if [ "$created_policy" = true ]; then
    $SUDO rm -f "$policy"
  fi
}
trap cleanup EXIT

echo "install-e2e-deps: installing ${packages[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
