#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs the tests. CI runs exactly this; so can you.
#   ./test.sh        every test: installs Chromium and PostgreSQL when missing and starts a PostgreSQL server
#   ./test.sh fast   every test that needs no browser, no PostgreSQL server and no child process (no "Needs"
#                    trait); installs and starts nothing
# Ends with one line "N passed, N failed" counted from the test results, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

tier="${1:-all}"
case "$tier" in
  all | fast) ;;
  *) echo "usage: ./test.sh [fast]"; exit 2 ;;
esac

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
apt_updated=""
install() { # apt packages, only when missing: one apt-get update, quiet, errors still shown
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >/dev/null || return 1; apt_updated=1; fi
  $sudo apt-get install -y -qq "$@" >/dev/null
}
fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

filter=()
if [ "$tier" = fast ]; then
  # The tests fail at once if one without its trait reaches a browser, a process or PostgreSQL (Needs.Check).
  export IMPACTKAART_TEST_TIER=fast
  filter=(--filter "Needs!=Browser&Needs!=Postgres&Needs!=Process")
else

  # The browser tests drive Debian's Chromium (Playwright never downloads a browser here); the PDFs embed DejaVu.
  if [ ! -x /usr/bin/chromium ]; then
    echo "== install chromium"
    install chromium fonts-dejavu-core || fail "could not install chromium"
  fi

  # The persistence tests run against SQLite (embedded) and a PostgreSQL server of their own: Debian's, in a data
  # folder under /tmp, on 127.0.0.1 and a port of its own, run as the postgres user (it refuses root); stopped at the end.
  pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
  if [ -z "$(pg_bin)" ]; then
    echo "== install postgresql"
    install postgresql || fail "could not install postgresql"
  fi
  pg="$(pg_bin)"
  pg_port="${IMPACTKAART_TEST_PG_PORT:-55432}"
  pg_data="$(mktemp -d /tmp/impactkaart-pg.XXXXXX)"
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_data"; as_pg=(runuser -u postgres --); fi
  stop_pg() { "${as_pg[@]}" "$pg/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_data"; }
  trap stop_pg EXIT
  echo "== start postgresql on 127.0.0.1:$pg_port"
  "${as_pg[@]}" "$pg/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >/dev/null || fail "initdb failed"
  "${as_pg[@]}" "$pg/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_data -c fsync=off -c max_connections=300" \
    start >/dev/null || { cat "$pg_data/server.log"; fail "postgresql did not start"; }
  export IMPACTKAART_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export IMPACTKAART_TEST_PG_BIN="$pg"
fi

echo "== build"
dotnet build Impactkaart.slnx -c Release || fail "build failed"

echo "== test"
dotnet test Impactkaart.slnx -c Release --no-build --logger "trx" --results-directory "$results" "${filter[@]}"
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
