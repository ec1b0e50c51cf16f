#!/usr/bin/env bash
# Installs and starts a local Nautobot for keagen's integration tests, all on 127.0.0.1:
# PostgreSQL and Redis from Debian (own instances, own ports), Nautobot from PyPI in a venv, served
# by the uWSGI that Nautobot ships. Idempotent: the venv, the database and the token are kept under
# $KEAGEN_NAUTOBOT_HOME (default /var/tmp/keagen-nautobot), so a second run only starts what is
# stopped. Then it creates what keagen reads (tags, the prefix-to-gateway relationship, the
# ztp_enabled custom field, a config context schema) and an API token, and seeds the realistic site
# (scripts/site/realistic-site.json) unless KEAGEN_NAUTOBOT_SEED=0.
#
# Prints, last, the two variables the integration tests read:
#   KEAGEN_NAUTOBOT_URL=http://127.0.0.1:18090
#   KEAGEN_NAUTOBOT_TOKEN_FILE=/var/tmp/keagen-nautobot/token
# and writes them as export lines to $KEAGEN_NAUTOBOT_HOME/env (the token itself is never printed).
# `scripts/nautobot/setup.sh stop` stops the servers.
set -euo pipefail
{ # parsed whole before it runs, so that editing this file cannot disturb a running setup

started=$(date +%s)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
home=${KEAGEN_NAUTOBOT_HOME:-/var/tmp/keagen-nautobot}
version=${KEAGEN_NAUTOBOT_VERSION:-3.2.7}
pg_port=${KEAGEN_NAUTOBOT_PG_PORT:-54339}
redis_port=${KEAGEN_NAUTOBOT_REDIS_PORT:-63789}
http_port=${KEAGEN_NAUTOBOT_HTTP_PORT:-18090}
pg_bin=/usr/lib/postgresql/15/bin

log() { printf '[nautobot-setup %3ss] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }

export NAUTOBOT_ROOT="$home/root"
export NAUTOBOT_CONFIG="$home/root/nautobot_config.py"
export NAUTOBOT_DB_HOST=127.0.0.1 NAUTOBOT_DB_PORT=$pg_port NAUTOBOT_DB_NAME=nautobot
export NAUTOBOT_DB_USER=nautobot NAUTOBOT_DB_PASSWORD=nautobot-local-test
export NAUTOBOT_REDIS_HOST=127.0.0.1 NAUTOBOT_REDIS_PORT=$redis_port
export NAUTOBOT_ALLOWED_HOSTS="127.0.0.1 localhost"
export NAUTOBOT_INSTALLATION_METRICS_ENABLED=false
nb() { "$home/venv/bin/nautobot-server" "$@"; }

stop() {
  if [ -f "$home/uwsgi.pid" ] && kill -0 "$(cat "$home/uwsgi.pid")" 2>/dev/null; then
    pid=$(cat "$home/uwsgi.pid")
    kill -INT "$pid" || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  if [ -f "$home/redis/redis.pid" ] && kill -0 "$(cat "$home/redis/redis.pid")" 2>/dev/null; then
    kill "$(cat "$home/redis/redis.pid")" || true
  fi
  if [ -f "$home/pg/postmaster.pid" ]; then
    su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$home/pg' -m fast stop" >/dev/null || true
  fi
  log "stopped"
}
if [ "${1:-}" = stop ]; then stop; exit 0; fi

mkdir -p "$home"

# 1. PostgreSQL and Redis from Debian
if [ ! -x "$pg_bin/initdb" ] || ! command -v redis-server >/dev/null; then
  log "installing postgresql and redis-server from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q postgresql redis-server >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

if [ ! -f "$home/pg/PG_VERSION" ]; then
  log "creating a PostgreSQL cluster in $home/pg"
  mkdir -p "$home/pg" "$home/pgsock"
  chown postgres:postgres "$home/pg" "$home/pgsock"
  chmod 700 "$home/pg"
  su postgres -s /bin/sh -c "$pg_bin/initdb -D '$home/pg' -U postgres -A trust -E UTF8" >"$home/initdb.log"
fi
if ! su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$home/pg' status" >/dev/null 2>&1; then
  log "starting PostgreSQL on 127.0.0.1:$pg_port"
  su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$home/pg' -l '$home/pgsock/postgres.log' -w start \
    -o '-c listen_addresses=127.0.0.1 -p $pg_port -k $home/pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off'" >/dev/null
fi
psql_pg() { su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $pg_port -U postgres -tAq $*"; }
if [ "$(psql_pg "-c \"select 1 from pg_roles where rolname='nautobot'\"")" != 1 ]; then
  psql_pg "-c \"create role nautobot login password '$NAUTOBOT_DB_PASSWORD'\""
fi
if [ "$(psql_pg "-c \"select 1 from pg_database where datname='nautobot'\"")" != 1 ]; then
  psql_pg "-c \"create database nautobot owner nautobot\""
fi

mkdir -p "$home/redis"
if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:$redis_port"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$home/redis" --save "" --appendonly no \
    --daemonize yes --pidfile "$home/redis/redis.pid" --logfile "$home/redis/redis.log"
fi

# 2. Nautobot from PyPI
if [ "$(cat "$home/venv/.keagen-version" 2>/dev/null)" != "$version" ]; then
  python=""
  for candidate in python3.12 python3.11 python3.10 python3.13 python3; do
    if command -v "$candidate" >/dev/null \
        && "$candidate" -c 'import sys, venv; sys.exit(not (3, 10) <= sys.version_info[:2] < (3, 15))' 2>/dev/null; then
      python=$candidate
      break
    fi
  done
  [ -n "$python" ] || { log "no Python 3.10..3.14 with venv found"; exit 1; }
  log "installing nautobot==$version from PyPI into $home/venv ($($python --version))"
  rm -rf "$home/venv"
  "$python" -m venv "$home/venv"
  "$home/venv/bin/pip" install -q --disable-pip-version-check "nautobot==$version" >"$home/pip.log" 2>&1 \
    || { tail -20 "$home/pip.log" >&2; exit 1; }
  echo "$version" >"$home/venv/.keagen-version"
fi

if [ ! -f "$NAUTOBOT_CONFIG" ]; then
  log "nautobot-server init"
  mkdir -p "$NAUTOBOT_ROOT"
  nb init --disable-installation-metrics "$NAUTOBOT_CONFIG" >/dev/null 2>&1 || nb init "$NAUTOBOT_CONFIG" >/dev/null
fi

if [ "$(cat "$home/.migrated" 2>/dev/null)" != "$version" ]; then
  log "nautobot-server migrate (first run takes a few minutes)"
  nb migrate --no-input >"$home/migrate.log" 2>&1 || { tail -30 "$home/migrate.log" >&2; exit 1; }
  echo "$version" >"$home/.migrated"
fi

# 3. What keagen reads, the admin user and the API token (token file mode 600, never printed)
log "creating tags, relationship, custom field and the API token"
KEAGEN_TOKEN_FILE="$home/token" "$home/venv/bin/python" "$here/prepare.py"

# 4. The web server (uWSGI, shipped with Nautobot)
if ! curl -fsS -o /dev/null "http://127.0.0.1:$http_port/health/" 2>/dev/null; then
  log "starting Nautobot on 127.0.0.1:$http_port"
  rm -f "$home/uwsgi.pid"
  nb start --master --http "127.0.0.1:$http_port" --processes 2 --threads 4 --enable-threads \
    --lazy-apps --buffer-size 32768 --die-on-term \
    --pidfile "$home/uwsgi.pid" --daemonize "$home/uwsgi.log"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$http_port/health/" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$http_port/health/" \
    || { log "Nautobot did not come up"; tail -30 "$home/uwsgi.log" >&2; exit 1; }
fi

# 5. The realistic site
if [ "${KEAGEN_NAUTOBOT_SEED:-1}" != 0 ]; then
  log "seeding $repo/scripts/site/realistic-site.json"
  "$home/venv/bin/python" "$here/seed.py" "$repo/scripts/site/realistic-site.json"
fi

printf 'export KEAGEN_NAUTOBOT_URL=%s\nexport KEAGEN_NAUTOBOT_TOKEN_FILE=%s\n' \
  "http://127.0.0.1:$http_port" "$home/token" >"$home/env"
log "Nautobot $version ready in $(( $(date +%s) - started ))s ('source $home/env' sets the variables below)"
echo "KEAGEN_NAUTOBOT_URL=http://127.0.0.1:$http_port"
echo "KEAGEN_NAUTOBOT_TOKEN_FILE=$home/token"
exit 0
}
