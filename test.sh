#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs every test. CI runs exactly this; so can you.
# Ends with one line "N passed, N failed" counted from the test results, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests drive Debian's Chromium (Playwright never downloads a browser here); the PDFs embed DejaVu.
# Installed only when missing: one apt-get update, quiet, errors still shown.
if [ ! -x /usr/bin/chromium ]; then
  echo "== install chromium"
  export DEBIAN_FRONTEND=noninteractive
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! { $sudo apt-get update -qq >/dev/null && \
         $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }; then
    echo "could not install chromium"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

echo "== build"
if ! dotnet build Impactkaart.slnx -c Release; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== test"
dotnet test Impactkaart.slnx -c Release --no-build --logger "trx" --results-directory "$results"
status=$?

# Count from the TRX files: <Counters total=".." executed=".." passed=".." failed=".." ...>
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
        if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2]; } }
    END { printf "%d %d %d\n", p, f, s }')

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
