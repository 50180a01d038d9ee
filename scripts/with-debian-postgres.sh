#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at Debian's own PostgreSQL server (the oldest
# version Jobbro supports, 15 on Debian 12), started on 127.0.0.1 in a temp dir and stopped after.
# Installs the `postgresql` package with apt when it is missing (CI runs as root).
set -euo pipefail

if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's postgresql server…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
D=$(mktemp -d)
PORT=${DEBIAN_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$D"
cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$D"
}
trap cleanup EXIT
as_postgres "$PGBIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $D" start >/dev/null
echo "Debian PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" "$@"
