#!/usr/bin/env bash
# The main job on the built-in example data: validate the example questionnaire,
# ingest the example survey export and print a summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tooling/scripts/bootstrap.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build --output-logs=errors-only >&2
node examples/demo.mjs "$@"
