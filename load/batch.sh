#!/usr/bin/env bash
# Speed of `impactkaart batch` on 100,000 projects without Monte Carlo (aim: under 10 seconds for reading, computing
# and writing CSV). Builds the CLI in Release, generates the input (every 50th row bad: 2,000 bad rows) as CSV and as
# .xlsx with load/batch-input.py, and times: CSV -> CSV, CSV -> xlsx, xlsx -> CSV. Exit code 3 from the tool is
# expected (some rows are bad). Not run by CI; no timed assertion anywhere in the tests.
#
#   bash load/batch.sh
#   ROWS=20000 bash load/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${ROWS:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build the CLI in Release"
dotnet build src/Impactkaart.Cli -c Release -o "$work/cli" -v quiet -nologo >/dev/null
cli=(dotnet "$work/cli/impactkaart.dll")

echo "== generate $rows rows as CSV and xlsx"
python3 load/batch-input.py "$rows" "$work/projecten.csv"
python3 load/batch-input.py "$rows" "$work/projecten.xlsx"
ls -l "$work/projecten.csv" "$work/projecten.xlsx" | awk '{print "   " $5 " bytes  " $9}'

run() {
  local label="$1"; shift
  local start end code=0
  start=$(date +%s.%N)
  "${cli[@]}" batch "$@" > "$work/out.txt" 2> "$work/err.txt" || code=$?
  end=$(date +%s.%N)
  printf '%-16s %6.2f s  exit %d  %s\n' "$label" "$(echo "$end - $start" | bc)" "$code" "$(head -1 "$work/out.txt")"
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then cat "$work/err.txt"; exit 1; fi
}

echo "== time (wall clock, including the .NET start)"
run "csv -> csv" "$work/projecten.csv" -o "$work/resultaten.csv" --errors "$work/fouten.csv"
run "csv -> xlsx" "$work/projecten.csv" -o "$work/resultaten.xlsx"
run "xlsx -> csv" "$work/projecten.xlsx" -o "$work/resultaten2.csv"
echo "   result rows: $(($(wc -l < "$work/resultaten.csv") - 1)), error report lines: $(($(wc -l < "$work/fouten.csv") - 1))"
