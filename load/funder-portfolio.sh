#!/usr/bin/env bash
# Speed of a funder's portfolio (/financier) with 1,000 connected projects of 50 providers (aims, p95 server time:
# with the uncertainty under 1 s, without under 200 ms), on SQLite and, when a PostgreSQL server is given, on
# PostgreSQL. Publishes the web app in Release, starts it on 127.0.0.1 and a free port on a fresh database, registers
# an organisation, lets the app's own seeding page (enabled only by LoadTest:SeedProjects for this run) make it a
# funder with the providers, projects and accepted relations, and measures GET /financier sequentially with curl, as
# the page's own Server-Timing header reports it:
#   - with the uncertainty, cold: the run sets Funding:CacheUncertainty=false, so every request runs the simulation
#     over all projects, as the first look at a selection does (normally a second look is answered from the cache);
#   - without the uncertainty (/financier?onzekerheid=nee): the rows, the totals and the page.
# Stops the app (by its PID) and drops the PostgreSQL database at the end, also on failure. Not run by CI. Ends with
#   RESULT funder-portfolio projects=N uncertainty_p95_ms=X plain_p95_ms=Y        (SQLite)
#
#   bash load/funder-portfolio.sh                                   # SQLite only
#   IMPACTKAART_TEST_POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres" bash load/funder-portfolio.sh
#   PROJECTS=1000 PROVIDERS=50 REQUESTS=40 PLAIN_REQUESTS=200 bash load/funder-portfolio.sh
set -euo pipefail
cd "$(dirname "$0")/.."

projects="${PROJECTS:-1000}"
providers="${PROVIDERS:-50}"
requests="${REQUESTS:-40}"
plain_requests="${PLAIN_REQUESTS:-200}"
postgres="${PORTFOLIO_POSTGRES:-${IMPACTKAART_TEST_POSTGRES:-}}"

source load/lib.sh
pg_database=""
# psql from a Npgsql connection string (Host, Port, Username, Password) on its maintenance database.
pg_sql() {
  local host port user password
  host="$(grep -oiP '(^|;)\s*host=\K[^;]*' <<<"$postgres" || echo 127.0.0.1)"
  port="$(grep -oiP '(^|;)\s*port=\K[^;]*' <<<"$postgres" || echo 5432)"
  user="$(grep -oiP '(^|;)\s*(username|user id|user)=\K[^;]*' <<<"$postgres" || echo postgres)"
  password="$(grep -oiP '(^|;)\s*password=\K[^;]*' <<<"$postgres" || true)"
  local psql; psql="$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)"
  PGPASSWORD="$password" "$psql" -h "$host" -p "$port" -U "$user" -d postgres -qAtc "$1"
}
cleanup() {
  stop_app
  if [ -n "$pg_database" ]; then pg_sql "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true; fi
  cleanup_app
}
trap cleanup EXIT INT TERM

publish_app

# p50 and p95 of the numbers on stdin (one a line).
percentiles() { sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.5); i95 = int(NR * 0.95 + 0.5); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1; printf "p50=%.1f p95=%.1f", v[i50], v[i95] }'; }
p95() { sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1; printf "%.0f", v[i] }'; }

# series PAGE COUNT: COUNT sequential requests; each line of $work/series: "rows uncertainty app" (ms, Server-Timing).
series() {
  local page="$1" count="$2"
  : >"$work/series"
  for _ in $(seq 1 "$count"); do
    curl -fsS -o /dev/null -b "$jar" -D "$work/headers" "$base$page"
    grep -i '^server-timing:' "$work/headers" | sed -E 's/.*db;dur=([0-9.]+).*mc;dur=([0-9.]+).*app;dur=([0-9.]+).*/\1 \2 \3/' >>"$work/series"
  done
  [ "$(wc -l <"$work/series")" -eq "$count" ] || { echo "no Server-Timing on $page"; exit 1; }
}

measure() { # label provider connection-string
  local label="$1" provider="$2" connection="$3"
  echo
  echo "=== $label"
  start_app Database__Provider="$provider" ConnectionStrings__Impactkaart="$connection" LoadTest__SeedProjects=true Funding__CacheUncertainty=false

  jar="$work/cookies-$provider"
  rm -f "$jar"
  register_account "$jar" "Gemeente Groot" "Meetpersoon" "meting@gemeente-groot.nl" "een lange zin als wachtwoord"

  local token started seeded
  token="$(form_token_in "$jar" /financier/proefdata)"
  started="$(date +%s.%N)"
  seeded="$(curl -fsS -c "$jar" -b "$jar" --max-time 900 "$base/financier/proefdata" --data-urlencode "aantal=$projects" \
    --data-urlencode "aanbieders=$providers" --data-urlencode "__RequestVerificationToken=$token" | grep -o 'data-added="[0-9]*"' || true)"
  [ "$seeded" = "data-added=\"$projects\"" ] || { echo "seeding failed: $seeded"; tail -n 20 "$work/app.log"; exit 1; }
  printf 'seeded %s projects of %s providers with their versions in %.1f s\n' "$projects" "$providers" "$(echo "$(date +%s.%N) - $started" | bc)"

  local shown
  shown="$(curl -fsS -b "$jar" "$base/financier?onzekerheid=nee" | grep -o 'data-figure="projects">[0-9.]*<' | grep -o '>[0-9.]*' | tr -d '>.')"
  [ "$shown" = "$projects" ] || { echo "the funder's portfolio shows '$shown' projects, not $projects"; exit 1; }

  # Warm-up (not reported): JIT, tiered compilation and the database's caches settle.
  series "/financier?onzekerheid=nee" 30
  series "/financier" 5

  echo "-- one user, sequential (ms, the page's Server-Timing): rows = reading the rows, mc = the simulation, server = up to the first byte"
  series "/financier" "$requests"
  printf '%-34s %3s requests  server %s  rows %s  mc %s\n' "with uncertainty (cold)" "$requests" \
    "$(awk '{ print $3 }' "$work/series" | percentiles)" "$(awk '{ print $1 }' "$work/series" | percentiles)" "$(awk '{ print $2 }' "$work/series" | percentiles)"
  uncertainty_p95="$(awk '{ print $3 }' "$work/series" | p95)"
  series "/financier?onzekerheid=nee" "$plain_requests"
  printf '%-34s %3s requests  server %s  rows %s\n' "without uncertainty" "$plain_requests" \
    "$(awk '{ print $3 }' "$work/series" | percentiles)" "$(awk '{ print $1 }' "$work/series" | percentiles)"
  plain_p95="$(awk '{ print $3 }' "$work/series" | p95)"
  stop_app
}

measure "SQLite" Sqlite "Data Source=$work/funders.db"
sqlite_result="RESULT funder-portfolio projects=$projects uncertainty_p95_ms=$uncertainty_p95 plain_p95_ms=$plain_p95"
if [ -n "$postgres" ]; then
  pg_database="impactkaart_funders_$$"
  measure "PostgreSQL" PostgreSQL "$(sed -E 's/(^|;)\s*Database=[^;]*//I' <<<"$postgres");Database=$pg_database"
  echo "PostgreSQL: projects=$projects uncertainty_p95_ms=$uncertainty_p95 plain_p95_ms=$plain_p95"
else
  echo
  echo "(PostgreSQL skipped: set IMPACTKAART_TEST_POSTGRES or PORTFOLIO_POSTGRES to a Npgsql connection string)"
fi
echo "$sqlite_result"
