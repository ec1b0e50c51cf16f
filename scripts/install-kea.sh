#!/usr/bin/env bash
# Installs ISC Kea's DHCPv4 server from the distribution (Debian/Ubuntu: kea-dhcp4-server) when
# kea-dhcp4 is missing, so that the tests can run the real 'kea-dhcp4 -t'. Does nothing when it is
# there; exits non-zero, saying why, when it cannot install it.
set -euo pipefail

found() {
  command -v kea-dhcp4 2>/dev/null || { [[ -x /usr/sbin/kea-dhcp4 ]] && echo /usr/sbin/kea-dhcp4; }
}

cannot() {
  cat >&2 <<EOT
install-kea: $1
install-kea: install ISC Kea 2.2 or later yourself (Debian/Ubuntu: apt-get install kea-dhcp4-server;
install-kea: other systems: https://kea.readthedocs.io), or run 'mvn -B verify' directly: the tests
install-kea: that need kea-dhcp4 are then skipped, each saying so.
EOT
  exit 1
}

if kea=$(found); then
  echo "install-kea: $kea is installed (Kea $("$kea" -V | head -n 1))"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || cannot "kea-dhcp4 is missing and this system has no apt-get"
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || cannot "kea-dhcp4 is missing; installing it needs root, and sudo is not available"
  as_root=(sudo)
fi

echo "install-kea: kea-dhcp4 is missing; installing kea-dhcp4-server with apt-get"
"${as_root[@]}" apt-get update \
  || cannot "apt-get update failed"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y kea-dhcp4-server \
  || cannot "apt-get install kea-dhcp4-server failed"

kea=$(found) || cannot "kea-dhcp4-server is installed but kea-dhcp4 is still not found"
echo "install-kea: installed $kea (Kea $("$kea" -V | head -n 1))"
echo "install-kea: the tests need only the binary; the package's service may be stopped" \
  "(systemctl disable --now kea-dhcp4-server)"
