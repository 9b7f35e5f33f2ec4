#!/usr/bin/env bash
# Load test of the compute API against a trivial endpoint of the same app, in the same run: 50 connections
# (wrk, 2 threads), loopback only, bounded in time. Builds and starts the web app in Release on 127.0.0.1 and a free
# port with the API's anonymous rate limit set out of reach (it would otherwise answer 429 after 120 calls a minute),
# and stops it (by its PID) at the end, also on failure. Not run by CI.
#
#   bash load/api-compute.sh            # 20 s per run
#   DURATION=10s bash load/api-compute.sh
#
# Runs: GET /api/v1/ping (the trivial endpoint); POST /api/v1/compute?draws=0 (no Monte Carlo) and POST
# /api/v1/compute (the model's default draws), each request a different project; and the default draws again with
# requests cycling through 500 projects (answered from the compute cache after their first time). Prints requests/s
# and p50/p95/p99 for each and the throughput ratio compute/ping.
# Aim: compute throughput at least half of ping's, p99 under 20 ms at 50 connections.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-20s}"
connections=50
threads=2

source load/lib.sh
publish_app
echo "== start"
start_app Api__RateLimit__Anonymous=1000000000
curl -fsS -o /dev/null "$base/api/v1/ping" || { echo "ping does not answer"; exit 1; }
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d '{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 90000 }' "$base/api/v1/compute" \
  || { echo "compute does not answer"; exit 1; }

declare -A rps
run() { # label path [distinct projects]
  local label="$1" path="$2" distinct="${3:-0}" out result non2xx
  if [ "$path" = "/api/v1/ping" ]; then
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency --timeout 10s -s load/report.lua "$base" -- "$path" "" 0)"
  else
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency --timeout 10s -s load/api-compute.lua "$base" -- "$path" "$distinct")"
  fi
  result="$(grep '^RESULT' <<<"$out" | sed 's/^RESULT //')"
  non2xx="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" | grep -o '[0-9]*$' || echo 0)"
  rps[$label]="$(grep -o 'rps=[0-9.]*' <<<"$result" | cut -d= -f2)"
  printf '%-28s %s non2xx=%s\n' "$label" "$result" "$non2xx"
}

# Warm-up (not reported): JIT and tiered compilation settle before anything is measured.
wrk -t"$threads" -c"$connections" -d5s -s load/report.lua "$base" -- /api/v1/ping "" 0 >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s load/api-compute.lua "$base" -- "/api/v1/compute?draws=0" >/dev/null

echo "== wrk: $threads threads, $connections connections, $duration per run (latency in ms); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run "ping" /api/v1/ping
run "compute, draws=0" "/api/v1/compute?draws=0"
run "compute, default draws" /api/v1/compute
run "compute, 500 projects again" /api/v1/compute 500

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "== throughput compute/ping: draws=0 $(ratio "${rps[compute, draws=0]}" "${rps[ping]}"), default draws $(ratio "${rps[compute, default draws]}" "${rps[ping]}"), 500 projects again $(ratio "${rps[compute, 500 projects again]}" "${rps[ping]}") (aim: at least 0.50)"
