#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find. `.ci/run` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
step() { printf '\n\033[1m=== %s\033[0m\n' "$1"; }
vitest_project() { # $1 project, $2 result name, rest: env prefix handled by caller
  vitest run --project "$1" --reporter=default --reporter=json --outputFile="$results/$2.json"
}

step "Node $(node --version)"
step "Lint and format (Biome)"
biome check .
step "Type-check (tsc --strict)"
tsc --noEmit -p tsconfig.json
step "Migrations match the schema"
drizzle-kit check >/dev/null
step "Unit tests"
vitest_project unit unit
step "Integration tests on the embedded PostgreSQL"
vitest_project integration integration-embedded
step "Integration tests on Debian's PostgreSQL server"
bash scripts/with-debian-postgres.sh vitest run --project integration --reporter=default --reporter=json --outputFile="$results/integration-debian.json"
step "Build the web client"
vite build --logLevel warn
step "End-to-end tests in Debian's Chromium"
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
vitest_project e2e e2e
step "Fresh clone: npm install && npm start"
bash scripts/fresh-clone-check.sh

node -e '
  const fs = require("node:fs"); let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  passed += 1; // the fresh-clone check
  console.log(`\nSummary: ${passed} passed, ${failed} failed`);
' "$results"
