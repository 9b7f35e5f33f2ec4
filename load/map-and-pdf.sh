#!/usr/bin/env bash
# Load test of the map page and the PDF download: 20 concurrent users (wrk, 2 threads, 20 connections),
# loopback only, bounded in time. Builds and starts the web app in Release on 127.0.0.1 and a free port,
# and stops it (by its PID) at the end, also on failure. Not run by CI.
#
#   bash load/map-and-pdf.sh            # 20 s per run
#   DURATION=10s bash load/map-and-pdf.sh
#
# Each page is measured twice at saturation: "computed" varies the participants over a few hundred values (and
# the costs per round), so every request is a map the server has to compute; "cache warm" asks for one fixed
# address. Then once more as 20 users who each wait a second after every answer (think time), all maps new.
# Aim: map page p95 under 30 ms, PDF under 300 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-20s}"
connections=20
threads=2
span=400
query_fixed="ref=budgetcoaching&deelnemers=80&kosten=90000"
query_varied="ref=budgetcoaching"

source load/lib.sh
publish_app
echo "== start"
start_app
curl -fsS -o /dev/null "$base/kaart?$query_fixed" || { echo "the map page does not answer"; exit 1; }
curl -fsS -o /dev/null "$base/kaart/pdf?$query_fixed" || { echo "the PDF does not answer"; exit 1; }

run() { # label page span costs [think ms]
  local label="$1" page="$2" span_arg="$3" costs="${4:-90000}" think="${5:-0}" query="$query_fixed"
  [ "$span_arg" != "0" ] && query="$query_varied"
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency --timeout 10s -s load/report.lua "$base" -- "$page" "$query" "$span_arg" "$costs" "$think")"
  local result non2xx
  result="$(grep '^RESULT' <<<"$out" | sed 's/^RESULT //')"
  non2xx="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" | grep -o '[0-9]*$' || echo 0)"
  printf '%-24s %s non2xx=%s\n' "$label" "$result" "$non2xx"
}

# Warm-up (not reported): JIT and tiered compilation settle before anything is measured; own costs, so no run reuses its maps.
wrk -t"$threads" -c"$connections" -d5s -s load/report.lua "$base" -- /kaart "$query_varied" "$span" 900000 >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s load/report.lua "$base" -- /kaart/pdf "$query_varied" "$span" 950000 >/dev/null

echo "== wrk: $threads threads, $connections connections, $duration per run (latency in ms)"
run "map, computed" /kaart "$span" 100000
run "map, cache warm" /kaart 0
run "pdf, computed" /kaart/pdf "$span" 200000
run "pdf, cache warm" /kaart/pdf 0

# 20 users who each read their map for about a second (0.5 to 1.5 s) before the next change: every request a new map.
echo "== wrk: $connections users, each waiting about 1 s after every answer (latency in ms)"
run "map, users, computed" /kaart "$span" 300000 1000
run "pdf, users, computed" /kaart/pdf "$span" 400000 1000
