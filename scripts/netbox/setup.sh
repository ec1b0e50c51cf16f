#!/usr/bin/env bash
# Installs, starts and seeds a private NetBox for keagen's integration test, all on 127.0.0.1.
#
#   NetBox from PyPI (package `netbox`, Python 3.12 from pyenv), PostgreSQL 15 and Redis from Debian.
#
# Idempotent: everything lives under $KEAGEN_NETBOX_HOME (default /var/tmp/keagen-netbox), so a
# second run reuses the virtualenv, the database and the tokens and only (re)starts what is not
# running. Prints the time taken and the two variables the Maven integration test reads:
#
#   KEAGEN_NETBOX_URL=http://127.0.0.1:18080
#   KEAGEN_NETBOX_TOKEN_FILE=/var/tmp/keagen-netbox/token-v2
#
# They are also written to $KEAGEN_NETBOX_HOME/env for `source`. Stop everything with stop.sh.
# Tokens are written to files readable only by their owner and are never printed.
set -euo pipefail

started=$(date +%s)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

home=${KEAGEN_NETBOX_HOME:-/var/tmp/keagen-netbox}
version=${KEAGEN_NETBOX_VERSION:-4.7.3}
http_port=${KEAGEN_NETBOX_PORT:-18080}
pg_port=${KEAGEN_NETBOX_PG_PORT:-54329}
redis_port=${KEAGEN_NETBOX_REDIS_PORT:-63799}
pg_bin=/usr/lib/postgresql/15/bin
url="http://127.0.0.1:${http_port}"

log() { printf '[netbox-setup +%ss] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }
die() { printf '[netbox-setup] error: %s\n' "$*" >&2; exit 1; }

mkdir -p "$home"
chmod 755 "$home"
umask 077

# --- Debian packages ------------------------------------------------------------------------------
if [[ ! -x $pg_bin/initdb || ! -x /usr/bin/redis-server ]]; then
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL 15 and redis-server are missing; install them as root (apt-get install postgresql-15 redis-server)"
  log "installing postgresql-15 and redis-server from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15 redis-server >"$home/apt.log" 2>&1 \
    || { tail -20 "$home/apt.log" >&2; die "apt-get install failed (log: $home/apt.log)"; }
fi

# --- Python 3.12 and the netbox package -----------------------------------------------------------
find_python() {
  local candidate
  # Python 3.12 first (what NetBox 4.7 is tested with), then any later one
  for candidate in "${KEAGEN_NETBOX_PYTHON:-}" \
      $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3 2>/dev/null | sort -V -r) \
      "$(command -v python3.12 || true)" \
      $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[3-9]*/bin/python3 2>/dev/null | sort -V -r) \
      "$(command -v python3 || true)"; do
    [[ -n $candidate && -x $candidate ]] || continue
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

venv=$home/venv
if [[ ! -f $venv/.installed-$version ]]; then
  python=$(find_python) || die "NetBox $version needs Python >= 3.12 (pyenv install 3.12, or set KEAGEN_NETBOX_PYTHON)"
  log "creating virtualenv with $python and installing netbox==$version from PyPI"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "netbox==$version" >"$home/pip.log" 2>&1 \
    || { tail -20 "$home/pip.log" >&2; die "pip install netbox==$version failed (log: $home/pip.log)"; }
  touch "$venv/.installed-$version"
else
  log "reusing virtualenv $venv (netbox $version)"
fi

# --- PostgreSQL 15: a private cluster on 127.0.0.1:$pg_port ---------------------------------------
pgdata=$home/pg
pgsock=$home/pgsock
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ ! -f $pgdata/PG_VERSION ]]; then
  log "initialising PostgreSQL cluster in $pgdata"
  rm -rf "$pgdata" "$pgsock"
  mkdir -p "$pgdata" "$pgsock"
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$home/pg-superuser-password"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$pgdata" "$pgsock" "$home/pg-superuser-password"
  fi
  as_pg "$pg_bin/initdb" -D "$pgdata" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    --pwfile="$home/pg-superuser-password" -E UTF8 >"$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log" >&2; die "initdb failed"; }
  rm -f "$home/pg-superuser-password"
fi
if ! as_pg "$pg_bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
  log "starting PostgreSQL on 127.0.0.1:$pg_port"
  as_pg "$pg_bin/pg_ctl" -D "$pgdata" -w -t 60 -l "$pgdata/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgsock -c fsync=off -c synchronous_commit=off" start >/dev/null \
    || { tail -20 "$pgdata/server.log" >&2; die "PostgreSQL did not start"; }
fi
psql_pg() { as_pg "$pg_bin/psql" -h "$pgsock" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [[ ! -f $home/db-password ]]; then
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$home/db-password"
fi
db_password=$(cat "$home/db-password")
if [[ -z $(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname='netbox'") ]]; then
  log "creating database role and database 'netbox'"
  psql_pg -c "CREATE ROLE netbox LOGIN PASSWORD '$db_password'"
fi
if [[ -z $(psql_pg -c "SELECT 1 FROM pg_database WHERE datname='netbox'") ]]; then
  psql_pg -c "CREATE DATABASE netbox OWNER netbox"
fi

# --- Redis on 127.0.0.1:$redis_port ---------------------------------------------------------------
mkdir -p "$home/redis"
if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:$redis_port"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$home/redis" --daemonize yes \
    --pidfile "$home/redis/redis.pid" --logfile "$home/redis/redis.log" --save '' --appendonly no
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 || die "Redis did not start"
fi

# --- NetBox configuration -------------------------------------------------------------------------
root=$home/root
export NETBOX_ROOT=$root
mkdir -p "$root/conf"
: >"$root/conf/__init__.py"
if [[ ! -f $home/secret-key ]]; then
  "$venv/bin/netbox" secret-key >"$home/secret-key"
  "$venv/bin/netbox" secret-key >"$home/token-pepper"
fi
cat >"$root/conf/configuration.py" <<EOF
# Written by keagen's scripts/netbox/setup.sh for the integration test; local to 127.0.0.1.
from pathlib import Path
_home = Path("$home")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql", "NAME": "netbox", "USER": "netbox",
    "PASSWORD": (_home / "db-password").read_text().strip(),
    "HOST": "127.0.0.1", "PORT": "$pg_port", "CONN_MAX_AGE": 300}}
REDIS = {
    "tasks": {"HOST": "127.0.0.1", "PORT": $redis_port, "USERNAME": "", "PASSWORD": "", "DATABASE": 0, "SSL": False},
    "caching": {"HOST": "127.0.0.1", "PORT": $redis_port, "USERNAME": "", "PASSWORD": "", "DATABASE": 1, "SSL": False},
}
SECRET_KEY = (_home / "secret-key").read_text().strip()
API_TOKEN_PEPPERS = {1: (_home / "token-pepper").read_text().strip()}
CENSUS_REPORTING_ENABLED = False
RELEASE_CHECK_URL = None
LOGIN_REQUIRED = True
TIME_ZONE = "UTC"
EOF

if [[ ! -f $home/.migrated-$version ]]; then
  log "running 'netbox upgrade' (database migrations)"
  "$venv/bin/netbox" upgrade --no-input --skip-static >"$home/upgrade.log" 2>&1 \
    || { tail -30 "$home/upgrade.log" >&2; die "netbox upgrade failed (log: $home/upgrade.log)"; }
  rm -f "$home"/.migrated-*
  touch "$home/.migrated-$version"
else
  log "database already migrated for netbox $version"
fi

# --- API tokens (v2 and v1) for a superuser, created without prompts -----------------------------
token_ok() {
  [[ -s $1 ]] || return 1
  local header=$2
  # curl reads the header from stdin so the token never appears in a process listing
  printf 'Authorization: %s %s\n' "$header" "$(cat "$1")" \
    | curl -fsS -o /dev/null -H @- "$url/api/users/tokens/?limit=1" 2>/dev/null
}
create_tokens() {
  log "creating user 'keagen' and its API tokens"
  cat >"$home/make-tokens.py" <<EOF
import os
from users.models import Token, User
user, _ = User.objects.get_or_create(username="keagen", defaults={"is_superuser": True})
user.is_superuser = True
user.save()
Token.objects.filter(user=user, description__startswith="keagen-it").delete()
v2 = Token(user=user, version=2, description="keagen-it v2")
v2.save()
v1 = Token(user=user, version=1, description="keagen-it v1")
v1.save()
for name, text in (("token-v2", f"nbt_{v2.key}.{v2.token}"), ("token-v1", v1.token)):
    path = os.path.join("$home", name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")
print("tokens written")
EOF
  "$venv/bin/netbox" nbshell --command "exec(open('$home/make-tokens.py').read())" >"$home/tokens.log" 2>&1 || true
  grep -q "tokens written" "$home/tokens.log" || { tail -20 "$home/tokens.log" >&2; die "token creation failed"; }
}

# --- the web server: gunicorn on 127.0.0.1:$http_port --------------------------------------------
# any HTTP answer counts: with LOGIN_REQUIRED the status endpoint answers 403 without a token
server_up() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/status/" 2>/dev/null || true)
  [[ $code =~ ^[2-4][0-9][0-9]$ ]]
}
if ! server_up; then
  log "starting NetBox (gunicorn) on $url"
  # a stale master from an earlier run that no longer answers: stop it, but only if that pid really is gunicorn
  if [[ -f $home/gunicorn.pid ]]; then
    old_pid=$(cat "$home/gunicorn.pid")
    if grep -qa gunicorn "/proc/$old_pid/cmdline" 2>/dev/null; then kill "$old_pid" 2>/dev/null || true; sleep 1; fi
    rm -f "$home/gunicorn.pid"
  fi
  # --preload: import NetBox once in the master and fork the workers (a quarter of the start-up CPU)
  "$venv/bin/gunicorn" --bind "127.0.0.1:$http_port" --workers 4 --threads 2 --timeout 120 --preload \
    --pid "$home/gunicorn.pid" --access-logfile "$home/access.log" --error-logfile "$home/gunicorn.log" \
    --daemon netbox.wsgi
  for _ in $(seq 120); do server_up && break; sleep 0.5; done
  server_up || { tail -30 "$home/gunicorn.log" >&2; die "NetBox did not answer on $url/api/status/"; }
fi
if ! token_ok "$home/token-v2" Bearer || ! token_ok "$home/token-v1" Token; then
  create_tokens
  token_ok "$home/token-v2" Bearer || die "the new v2 token is refused by $url"
  token_ok "$home/token-v1" Token || die "the new v1 token is refused by $url"
fi

# --- seed data through the REST API ---------------------------------------------------------------
log "seeding through the REST API"
"$venv/bin/python" "$here/seed.py" --url "$url" --token-file "$home/token-v2"

cat >"$home/env" <<EOF
export KEAGEN_NETBOX_URL=$url
export KEAGEN_NETBOX_TOKEN_FILE=$home/token-v2
export KEAGEN_NETBOX_TOKEN_V1_FILE=$home/token-v1
EOF
chmod 644 "$home/env"
nb_version=$(printf 'Authorization: Bearer %s\n' "$(cat "$home/token-v2")" | curl -fsS -H @- "$url/api/status/" \
  | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["netbox-version"])')
log "NetBox $nb_version ready at $url in $(( $(date +%s) - started ))s"
echo "KEAGEN_NETBOX_URL=$url"
echo "KEAGEN_NETBOX_TOKEN_FILE=$home/token-v2"
