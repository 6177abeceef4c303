#!/usr/bin/env bash
# The main job on the built-in example data, as the README quick start runs it:
# 1. validate the example questionnaire and ingest the example survey export
#    (examples/responses.csv, a ;-separated LT export with two invalid rows);
# 2. `edu-quality demo`: a full study report for a synthetic municipality
#    (12 institutions, 2 waves) in reports/demo/, and where it is.
# Arguments are passed to `edu-quality demo` (for example --locale lt).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tooling/scripts/bootstrap.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build --output-logs=errors-only >&2
echo "== The example survey export (examples/responses.csv)"
node examples/demo.mjs
echo
echo "== edu-quality demo --out reports/demo"
node packages/cli/dist/bin.js demo --out reports/demo "$@"
