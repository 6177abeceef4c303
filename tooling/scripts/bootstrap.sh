#!/usr/bin/env bash
# Installs what the workspace needs on a machine that has only Node 20 and npm:
# pnpm 10 (corepack's signature check fails here, so npm installs it), then the
# locked dependencies. Safe to run again; it is quick when all is in place.
set -euo pipefail
cd "$(dirname "$0")/../.."
want="$(node -p "require('./package.json').packageManager.split('@')[1]")"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: installing pnpm $want with npm" >&2
  npm install --global --no-fund --no-audit "pnpm@$want" >&2
fi
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile --reporter=append-only >&2
