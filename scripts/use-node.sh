# Sourced by scripts/setup.sh, scripts/test.sh and .ci/run: puts a Node.js that Astro 7 and
# Vitest 5 accept (>= 22.12) first on PATH, installing Node 24 from the npm registry into
# /opt/node24 when the machine's own Node is older (Debian's is 20).
NODE24_PREFIX="${NODE24_PREFIX:-/opt/node24}"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if ! node_is_recent; then
  if [ ! -x "$NODE24_PREFIX/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is too old for Astro 7; installing Node 24 into $NODE24_PREFIX" >&2
    npm install -g --prefix "$NODE24_PREFIX" --no-audit --no-fund node@24 >&2
  fi
  export PATH="$NODE24_PREFIX/bin:$PATH"
  node_is_recent || { echo "could not get Node >= 22.12 (have $(node --version))" >&2; exit 1; }
fi
