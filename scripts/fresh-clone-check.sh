#!/usr/bin/env bash
# The README's start command on a fresh clone: clone HEAD into a temp dir, `npm install && npm start`
# with a temp JOBBRO_DATA_DIR and a free PORT, wait for /api/health, log in as the demo admin,
# stop. Then the hard cases: kill -9 the app (its PostgreSQL is orphaned) and start again;
# back up, restore, and start once more.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export PORT=$port JOBBRO_DATA_DIR="$work/data"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || true
  sleep 1
  pkill -f "$work/data/pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_healthy() {
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q '"db":"ok"'; then return 0; fi
    sleep 1
  done
  echo "Jobbro did not become healthy; log:"; cat "$work/app.log"; return 1
}
login_admin() {
  local code
  code=$(curl -s -o "$work/login.json" -w '%{http_code}' -H 'content-type: application/json' \
    -d '{"email":"admin@jobbro.test","password":"Jobbro-Demo-2026!"}' "http://127.0.0.1:$port/api/auth/login")
  [ "$code" = 200 ] || { echo "admin login answered $code: $(cat "$work/login.json")"; return 1; }
  grep -q '"roles":\["admin"\]' "$work/login.json"
}
start_app() { # $1: command
  setsid bash -c "$1" >"$work/app.log" 2>&1 &
  pid=$!
}
stop_app() {
  kill -TERM -- "-$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then echo "Jobbro did not stop on SIGTERM"; return 1; fi
  pid=""
}

echo "fresh clone → $work/jobbro"
git clone -q "$repo" "$work/jobbro"
cd "$work/jobbro"
npm install --no-audit --no-fund --loglevel=error >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

start_app "npm start"
wait_healthy
login_admin
grep -q 'admin@jobbro.test' "$work/app.log" || { echo "the start output does not list the demo logins"; exit 1; }
echo "✓ npm start serves /api/health and the demo admin logs in"
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' && echo "✓ the web client is served"

# kill -9: the embedded PostgreSQL is left running as an orphan; the next start must cope.
pkill -9 -f "$work/jobbro/.*server/main.ts" || true
sleep 1
pgrep -f "$work/data/pg" >/dev/null && echo "  (orphaned PostgreSQL still running, as expected)"
pid=""
start_app "npx tsx server/main.ts"
wait_healthy
login_admin
echo "✓ starts again after kill -9 (orphaned PostgreSQL detected and stopped)"
stop_app
if pgrep -f "$work/data/pg" >/dev/null; then echo "PostgreSQL still runs after a graceful stop"; exit 1; fi
echo "✓ SIGTERM stops the app and its PostgreSQL"

npm run -s backup | tee "$work/backup.log"
file=$(ls "$work/data/backups/"*.sql | head -1)
npm run -s restore -- "$file"
start_app "npx tsx server/main.ts"
wait_healthy
login_admin
stop_app
echo "✓ backup and restore round-trip; the restored database serves logins"
echo "Fresh-clone check: 1 passed, 0 failed"
