#!/usr/bin/env bash
# One command from a fresh clone to a built site in dist/: Node 24 if needed, the locked
# dependencies, then the production build of the bundled sample content.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
npm ci --no-audit --no-fund
npm run build
echo "Built $(find dist -name '*.html' | wc -l) pages into dist/ with Node $(node --version)."
if [ "$(command -v node)" = "$NODE24_PREFIX/bin/node" ]; then
  echo "Node 24 is in $NODE24_PREFIX: run 'export PATH=$NODE24_PREFIX/bin:\$PATH' to use npm scripts directly."
fi
