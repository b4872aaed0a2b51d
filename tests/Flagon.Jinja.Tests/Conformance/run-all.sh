#!/usr/bin/env bash
# Runs every conformance case, known failures included, and writes STATUS.md next to this script.
# With --update-known-failures it also rewrites known-failures.txt from the failures.
# A case that kills the test process (stack overflow) is recorded as a crash and the run resumes
# with the cases not yet done.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# The raw report stays in /tmp so summarize.py can be rerun on it.
report="${TMPDIR:-/tmp}/flagon-conformance-report.tsv"
exclude=$(mktemp)
trap 'rm -f "$exclude"' EXIT
rm -f "$report"
dotnet build tests/Flagon.Jinja.Tests >/dev/null
for attempt in $(seq 1 30); do
    FLAGON_CONFORMANCE_ALL=1 FLAGON_CONFORMANCE_REPORT="$report" FLAGON_CONFORMANCE_EXCLUDE="$exclude" \
        dotnet test tests/Flagon.Jinja.Tests --no-build --filter "FullyQualifiedName~Conformance.ConformanceTests.Case" \
        >/dev/null 2>&1 || true
    # Every case with a line in the report is done (RUN alone = crashed); exclude them next time.
    before=$(wc -l <"$exclude")
    cut -f1 "$report" | sort -u >"$exclude"
    crashed=$(python3 tests/Flagon.Jinja.Tests/Conformance/summarize.py "$report" --crashed)
    if [ -z "$crashed" ] || [ "$(wc -l <"$exclude")" -eq "$before" ]; then
        break
    fi
    echo "crashed the test process: $crashed" >&2
done
python3 tests/Flagon.Jinja.Tests/Conformance/summarize.py "$report" "$@"
