#!/usr/bin/env bash
# The test command: lint, format check, type check (astro check), unit and build tests
# (npm test), with a recent enough Node whatever the machine's default is.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm test "$@"
