#!/usr/bin/env bash
# Called by Maven (contracts module): installs the pinned npm packages when the
# lockfile changed, then compiles the Solidity sources into the module's classes.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node compile.mjs "${1:-target/classes/contracts}"
