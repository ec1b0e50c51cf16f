#!/usr/bin/env bash
# Stops the NetBox, Redis and PostgreSQL that setup.sh started; keeps their data for the next run.
set -uo pipefail
home=${KEAGEN_NETBOX_HOME:-/var/tmp/keagen-netbox}
redis_port=${KEAGEN_NETBOX_REDIS_PORT:-63799}
if [[ -f $home/gunicorn.pid ]]; then
  pid=$(cat "$home/gunicorn.pid")
  # only the gunicorn master setup.sh started, never whatever process reuses a stale pid
  if grep -qa gunicorn "/proc/$pid/cmdline" 2>/dev/null && kill "$pid" 2>/dev/null; then
    echo "stopped NetBox (gunicorn)"
  fi
  rm -f "$home/gunicorn.pid"
fi
redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 && echo "stopped Redis"
if [[ -f $home/pg/postmaster.pid ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$home/pg" -m fast stop >/dev/null && echo "stopped PostgreSQL"
  else
    /usr/lib/postgresql/15/bin/pg_ctl -D "$home/pg" -m fast stop >/dev/null && echo "stopped PostgreSQL"
  fi
fi
exit 0
