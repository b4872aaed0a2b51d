#!/usr/bin/env bash
# HTTP benchmark: Flagon vs raw ASP.NET Core minimal APIs vs Flask (gunicorn sync workers).
#
#   bash bench/http/run.sh                       # 3 rounds, 5 s per wrk run
#   ROUNDS=5 DURATION=10 CONNECTIONS=64 bash bench/http/run.sh
#
# Every server listens on 127.0.0.1 only. Each round runs every endpoint against every server in turn
# (A B C, A B C, ...), so slow drifts of the machine hit all servers alike. Per run it records
# wrk's requests/s and p99 latency, the server's CPU time (utime+stime from /proc/<pid>/stat of the
# server and its child processes, before and after) and its RSS after the run (summed over the
# gunicorn master and workers). The summary takes medians over rounds, CPU per request over all
# rounds, and the largest RSS. A server whose project is missing (FlagonApp until the framework
# lands) is skipped.
#
# Settings (environment): ROUNDS (3), DURATION seconds per run (5), WARMUP seconds per endpoint
# before round 1 (2), CONNECTIONS (32), WRK_THREADS (1), GUNICORN_WORKERS (2*nproc+1),
# ENDPOINTS ("/plaintext /json /fortunes /hello/flagon"), BASE_PORT (5101), OUT (bench/http/out),
# SERVERS ("minimal flagon flask"; add "flagon-default" for FlagonApp on `new FlagonApp()`'s default hosting,
# port BASE_PORT+3; drop "flask" for quicker runs while iterating).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/out}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
GUNICORN_WORKERS=${GUNICORN_WORKERS:-$(($(nproc) * 2 + 1))}
ENDPOINTS=${ENDPOINTS:-"/plaintext /json /fortunes /hello/flagon"}
BASE_PORT=${BASE_PORT:-5101}
SERVERS=${SERVERS:-"minimal flagon flask"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v gunicorn >/dev/null || missing+=(gunicorn)
command -v curl >/dev/null || missing+=(curl)
/usr/bin/python3 -c 'import flask' 2>/dev/null || missing+=(python3-flask)
if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build and data ----------------------------------------------------------------------------
mkdir -p "$OUT/logs"
export FORTUNES_DB="$OUT/fortunes.sqlite"
/usr/bin/python3 "$HERE/make_db.py" "$FORTUNES_DB"

names=()
declare -A port cmd
add_server() { names+=("$1"); port[$1]=$2; cmd[$1]=$3; }

wanted() { [[ " $SERVERS " == *" $1 "* ]]; }

if wanted minimal; then
    echo "== building MinimalApi (Release)"
    dotnet publish "$HERE/MinimalApi/MinimalApi.csproj" -c Release -o "$OUT/MinimalApi" --nologo -v q >"$OUT/logs/build-MinimalApi.log"
    add_server minimal $((BASE_PORT)) "$OUT/MinimalApi/MinimalApi --urls http://127.0.0.1:$((BASE_PORT))"
fi

if ! wanted flagon && ! wanted flagon-default; then
    :
elif [[ -f "$HERE/FlagonApp/FlagonApp.csproj" ]]; then
    echo "== building FlagonApp (Release)"
    dotnet publish "$HERE/FlagonApp/FlagonApp.csproj" -c Release -o "$OUT/FlagonApp" --nologo -v q >"$OUT/logs/build-FlagonApp.log"
    if wanted flagon; then
        add_server flagon $((BASE_PORT + 1)) "$OUT/FlagonApp/FlagonApp --urls http://127.0.0.1:$((BASE_PORT + 1))"
    fi
    if wanted flagon-default; then
        add_server flagon-default $((BASE_PORT + 3)) "env FLAGON_HOSTING=default $OUT/FlagonApp/FlagonApp --urls http://127.0.0.1:$((BASE_PORT + 3))"
    fi
else
    echo "== skipping Flagon: bench/http/FlagonApp/FlagonApp.csproj does not exist yet"
fi

if wanted flask; then
    add_server flask $((BASE_PORT + 2)) "gunicorn --workers $GUNICORN_WORKERS --worker-class sync --bind 127.0.0.1:$((BASE_PORT + 2)) --chdir $HERE --log-level warning flask_app:app"
fi

# --- servers -----------------------------------------------------------------------------------
declare -A pid
cleanup() {
    for name in "${!pid[@]}"; do
        kill "${pid[$name]}" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap cleanup EXIT

for name in "${names[@]}"; do
    # shellcheck disable=SC2086 # the command line is split on purpose
    ${cmd[$name]} >"$OUT/logs/$name.log" 2>&1 &
    pid[$name]=$!
    url="http://127.0.0.1:${port[$name]}"
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null "$url/plaintext" && break
        sleep 0.2
    done
    curl -sf -o /dev/null "$url/plaintext" || { echo "$name did not start; see $OUT/logs/$name.log"; exit 1; }
    # Sanity: every endpoint answers 200 and /fortunes has the 13 rows with the added one, escaped.
    for ep in $ENDPOINTS; do
        curl -sf -o "$OUT/logs/$name${ep//\//_}.body" "$url$ep" || { echo "$name: GET $ep failed"; exit 1; }
    done
    body="$OUT/logs/${name}_fortunes.body"
    if [[ -f $body ]]; then
        rows=$(grep -o '<tr><td>' "$body" | wc -l)
        grep -q 'Additional fortune added at request time.' "$body" && ! grep -q '<script>' "$body" && ((rows == 13)) ||
            { echo "$name: /fortunes is wrong (rows=$rows)"; exit 1; }
    fi
    echo "== $name up (pid ${pid[$name]}, $url)"
done

# --- measurement -------------------------------------------------------------------------------
# CPU ticks (utime+stime) of a process and its children; RSS in kB of the same.
tree() { echo "$1"; pgrep -P "$1" || true; }
cpu_ticks() {
    local total=0 p
    for p in $(tree "$1"); do
        [[ -r /proc/$p/stat ]] || continue
        total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
rss_kb() {
    local total=0 p
    for p in $(tree "$1"); do
        [[ -r /proc/$p/status ]] || continue
        total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status")))
    done
    echo "$total"
}
# Latency in ms from wrk's "1.23ms" / "456.00us" / "1.02s".
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }

results="$OUT/results.tsv"
printf 'round\tserver\tendpoint\trps\tp99_ms\trequests\terrors\tcpu_ticks\trss_kb\n' >"$results"

run_wrk() { # server endpoint seconds
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$3"s --latency "http://127.0.0.1:${port[$1]}$2"
}

if ((WARMUP > 0)); then
    echo "== warm-up: ${WARMUP}s per server and endpoint"
    for ep in $ENDPOINTS; do
        for name in "${names[@]}"; do run_wrk "$name" "$ep" "$WARMUP" >/dev/null; done
    done
fi

echo "== measuring: $ROUNDS rounds x ${DURATION}s, $CONNECTIONS connections, $WRK_THREADS wrk thread(s), servers interleaved"
for round in $(seq 1 "$ROUNDS"); do
    for ep in $ENDPOINTS; do
        for name in "${names[@]}"; do
            before=$(cpu_ticks "${pid[$name]}")
            report=$(run_wrk "$name" "$ep" "$DURATION")
            after=$(cpu_ticks "${pid[$name]}")
            rss=$(rss_kb "${pid[$name]}")
            rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$report")
            p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$report")")
            requests=$(awk '/requests in/ {print $1}' <<<"$report")
            non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$report")
            socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$report")
            errors=$((${non2xx:-0} + ${socket:-0}))
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$ep" "$rps" "$p99" "$requests" "$errors" $((after - before)) "$rss" >>"$results"
            printf '  round %s  %-14s %-14s %10s req/s  p99 %8s ms  errors %s\n' "$round" "$name" "$ep" "$rps" "$p99" "$errors"
        done
    done
done

# --- summary -----------------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK) python3 - "$results" <<'PY'
import csv, os, statistics, sys
from collections import defaultdict

tick = 1.0 / int(os.environ["CLK_TCK"])
runs = defaultdict(list)
endpoints, servers = [], []
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f, delimiter="\t"):
        runs[(row["server"], row["endpoint"])].append(row)
        if row["endpoint"] not in endpoints: endpoints.append(row["endpoint"])
        if row["server"] not in servers: servers.append(row["server"])

def summary(server, endpoint):
    rows = runs.get((server, endpoint))
    if not rows:
        return None
    requests = sum(int(r["requests"] or 0) for r in rows)
    return {
        "rps": statistics.median(float(r["rps"] or 0) for r in rows),
        "p99": statistics.median(float(r["p99_ms"] or 0) for r in rows),
        "cpu_us": sum(int(r["cpu_ticks"]) for r in rows) * tick * 1e6 / max(requests, 1),
        "rss_mb": max(int(r["rss_kb"]) for r in rows) / 1024,
        "errors": sum(int(r["errors"]) for r in rows),
    }

print()
print(f"{'endpoint':<14} {'server':<14} {'req/s':>10} {'p99 ms':>9} {'CPU us/req':>11} {'RSS MB':>8} {'errors':>7}")
table = {}
for ep in endpoints:
    for server in servers:
        s = summary(server, ep)
        table[(server, ep)] = s
        if s:
            print(f"{ep:<14} {server:<14} {s['rps']:>10.0f} {s['p99']:>9.2f} {s['cpu_us']:>11.1f} {s['rss_mb']:>8.1f} {s['errors']:>7}")

def ratios(a, b):
    if a not in servers or b not in servers:
        return
    print(f"\n{a}/{b}: req/s ratio, CPU-per-request ratio, RSS ratio")
    for ep in endpoints:
        x, y = table[(a, ep)], table[(b, ep)]
        print(f"  {ep:<14} {x['rps'] / y['rps']:>6.2f}x   {x['cpu_us'] / y['cpu_us']:>6.2f}x   {x['rss_mb'] / y['rss_mb']:>6.2f}x")

ratios("flagon", "minimal")
ratios("flagon-default", "minimal")
ratios("flagon", "flask")
ratios("minimal", "flask")
if "flagon" not in servers:
    print("\n(Flagon not measured: not in SERVERS, or bench/http/FlagonApp/FlagonApp.csproj does not exist)")
PY
echo "raw runs: $results"
