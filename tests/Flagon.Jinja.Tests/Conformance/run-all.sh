#!/usr/bin/env bash
# Runs every conformance case, known failures included, and writes STATUS.md next to this script.
# With --update-known-failures it also rewrites known-failures.txt from the failures.
set -euo pipefail
cd "$(dirname "$0")/../../.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
FLAGON_CONFORMANCE_ALL=1 FLAGON_CONFORMANCE_REPORT="$report" \
    dotnet test tests/Flagon.Jinja.Tests --filter "FullyQualifiedName~Conformance" >/dev/null 2>&1 || true
python3 tests/Flagon.Jinja.Tests/Conformance/summarize.py "$report" "$@"
