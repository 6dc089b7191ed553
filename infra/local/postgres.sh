#!/usr/bin/env bash
# Runs a private PostgreSQL server in the foreground for Civility's local (container-free) mode.
# Used by the app host and by the test fixtures, so that both start PostgreSQL the same way.
#   postgres.sh DATA_DIR [PORT]      (PORT defaults to $PGPORT) superuser password in POSTGRES_PASSWORD (used only on first initdb)
#   PG_FSYNC=off                     for throwaway test clusters only
#   PG_SHARED_BUFFERS=1GB            PostgreSQL's page cache (default 256MB, enough for test clusters)
# Stops fast (SIGINT to the postmaster) on SIGTERM or SIGINT, and with its parent if the parent dies.
set -euo pipefail
starter=$PPID
data=${1:?data folder}; port=${2:-${PGPORT:?port}}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL server binaries not found: install them with 'apt-get install -y postgresql'" >&2
  exit 78
fi

# initdb and postgres refuse to run as root: run them as the postgres OS user then.
as_owner=(setpriv --pdeathsig INT)
if [ "$(id -u)" = 0 ]; then
  as_owner+=(--reuid=postgres --regid=postgres --init-groups)
fi

mkdir -p "$data"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
chmod 700 "$data"

if [ ! -s "$data/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required for a new cluster}" > "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
      --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

fsync=${PG_FSYNC:-on}
"${as_owner[@]}" "$bin/postgres" -D "$data" -p "$port" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
    -c fsync="$fsync" -c synchronous_commit="$fsync" -c full_page_writes="$fsync" \
    -c max_connections=300 -c shared_buffers="${PG_SHARED_BUFFERS:-256MB}" &
server=$!
# SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every pooled client to leave.
trap 'kill -INT "$server" 2>/dev/null' TERM INT
# If whoever started us dies without stopping us (a test host killed hard), stop too.
( while kill -0 "$starter" 2>/dev/null; do sleep 2; done; kill -TERM $$ 2>/dev/null ) &
watcher=$!
wait "$server" || true
wait "$server" 2>/dev/null || true
kill "$watcher" 2>/dev/null || true
