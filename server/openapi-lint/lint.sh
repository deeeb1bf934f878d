#!/usr/bin/env bash
# Called by Maven (server module, validate phase): installs the pinned Redocly CLI when the lockfile
# changed, then lints the OpenAPI document; any lint problem (error or warning) fails the build.
set -euo pipefail
cd "$(dirname "$0")"
document="${1:-../src/main/resources/openapi/openapi.yaml}"
# no network at lint time: no usage telemetry, no update check, no announcements
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_NOTIFICATIONS=true REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node node_modules/@redocly/cli/bin/cli.js lint --config redocly.yaml --format stylish "$document"
