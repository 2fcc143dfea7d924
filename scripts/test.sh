#!/usr/bin/env bash
# The test command: lint, format check, type check (astro check), unit and build tests
# (npm test), with a recent enough Node whatever the machine's default is.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
# Install when there is nothing installed yet, or the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm test "$@"
