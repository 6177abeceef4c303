#!/usr/bin/env bash
# The whole test suite: install, build, typecheck, lint, API docs (warnings are
# errors), package checks (publint, attw), then every Vitest project. The last
# line is the plain summary `N passed, N failed` read from Vitest's JSON report.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 FORCE_COLOR=0
step() { printf '\n== %s\n' "$1" >&2; }

step install
bash tooling/scripts/bootstrap.sh
bash tooling/scripts/ensure-chromium.sh
step "build, typecheck, lint"
pnpm exec turbo run build typecheck lint --output-logs=errors-only
pnpm exec tsc -p tsconfig.json
pnpm exec prettier --check . >/dev/null || { pnpm exec prettier --check . || true; echo "prettier: files above are not formatted (run pnpm format)" >&2; exit 1; }
step "API docs"
pnpm run -s docs
step "package checks"
node tooling/scripts/check-packages.mjs
step tests
mkdir -p .tmp
set +e
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-report.json
code=$?
set -e
node tooling/scripts/summary.mjs .tmp/vitest-report.json
exit $code
