#!/usr/bin/env bash
# Speed of the portfolio page for an organisation with 10,000 projects (aim: under 200 ms server time), on SQLite
# and, when a PostgreSQL server is given, on PostgreSQL. Publishes the web app in Release, starts it on 127.0.0.1
# and a free port on a fresh database, registers an organisation, fills it through the app's own seeding page
# (enabled only by the setting LoadTest:SeedProjects for this run), signs in, and measures GET /projecten:
#   - sequentially with curl (one user; the server's own Server-Timing header and the time to the last byte),
#   - with wrk at 8 connections (several members at once).
# Stops the app (by its PID) and drops the PostgreSQL database at the end, also on failure. Not run by CI.
#
#   bash load/portfolio.sh                                   # SQLite only
#   IMPACTKAART_TEST_POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres" bash load/portfolio.sh
#   PROJECTS=10000 REQUESTS=200 DURATION=10s bash load/portfolio.sh
set -euo pipefail
cd "$(dirname "$0")/.."

projects="${PROJECTS:-10000}"
requests="${REQUESTS:-200}"
duration="${DURATION:-10s}"
postgres="${PORTFOLIO_POSTGRES:-${IMPACTKAART_TEST_POSTGRES:-}}"
pages=("/projecten" "/projecten?thema=schuldproblematiek&fase=evaluatie" "/projecten?sorteer=opbrengst&richting=af&pagina=20" "/projecten?jaar=2023&sorteer=geinvesteerd")

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

# The anti-forgery token of a form page, with the cookies kept in the jar.
form_token() { curl -fsS -c "$jar" -b "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }

# p50 and p95 of the numbers on stdin (one a line).
percentiles() { sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.5); i95 = int(NR * 0.95 + 0.5); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1; printf "p50=%.1f p95=%.1f", v[i50], v[i95] }'; }

measure() { # label provider connection-string
  local label="$1" provider="$2" connection="$3"
  echo
  echo "=== $label"
  start_app Database__Provider="$provider" ConnectionStrings__Impactkaart="$connection" LoadTest__SeedProjects=true

  jar="$work/cookies-$provider"
  rm -f "$jar"
  local token
  register_account "$jar" "Welzijn Groot" "Meetpersoon" "meting@welzijn-groot.nl" "een lange zin als wachtwoord"

  token="$(form_token /projecten/proefdata)"
  local started seeded
  started="$(date +%s.%N)"
  seeded="$(curl -fsS -c "$jar" -b "$jar" --max-time 900 "$base/projecten/proefdata" --data-urlencode "aantal=$projects" \
    --data-urlencode "__RequestVerificationToken=$token" | grep -o 'data-added="[0-9]*"' || true)"
  [ "$seeded" = "data-added=\"$projects\"" ] || { echo "seeding failed: $seeded"; tail -n 20 "$work/app.log"; exit 1; }
  printf 'seeded %s projects with their versions in %.1f s\n' "$projects" "$(echo "$(date +%s.%N) - $started" | bc)"

  local cookie
  cookie="$(awk '$6 == "impactkaart.sessie" { print $6 "=" $7 }' "$jar")"
  [ -n "$cookie" ] || { echo "no session cookie"; exit 1; }
  grep -q "Pagina 1 van $(( (projects + 49) / 50 ))" <(curl -fsS -b "$jar" "$base/projecten") \
    || { echo "the portfolio does not show $projects projects"; exit 1; }

  # Warm-up (not reported): JIT, tiered compilation and the database's caches settle.
  for page in "${pages[@]}"; do
    for _ in $(seq 1 30); do curl -fsS -o /dev/null -b "$jar" "$base$page"; done
  done

  echo "-- one user, $requests requests each, sequential (ms): server = Server-Timing app (queries + page), db = the two queries, total = curl to the last byte"
  for page in "${pages[@]}"; do
    : >"$work/times"
    for _ in $(seq 1 "$requests"); do
      curl -fsS -o /dev/null -b "$jar" -D "$work/headers" -w '%{time_total}\n' "$base$page" >>"$work/times.total"
      grep -i '^server-timing:' "$work/headers" | sed -E 's/.*db;dur=([0-9.]+).*app;dur=([0-9.]+).*/\1 \2/' >>"$work/times"
    done
    printf '%-58s server %s  db %s  total %s\n' "$page" \
      "$(awk '{ print $2 }' "$work/times" | percentiles)" "$(awk '{ print $1 }' "$work/times" | percentiles)" \
      "$(awk '{ print $1 * 1000 }' "$work/times.total" | percentiles)"
    rm -f "$work/times.total"
  done

  echo "-- wrk: 2 threads, 8 connections, $duration per page (latency in ms)"
  for page in "${pages[@]}"; do
    local path="${page%%\?*}" query=""
    [ "$path" != "$page" ] && query="${page#*\?}"
    local out
    out="$(wrk -t2 -c8 -d"$duration" --latency --timeout 10s -H "Cookie: $cookie" -s load/report.lua "$base" -- "$path" "$query")"
    printf '%-58s %s non2xx=%s\n' "$page" "$(grep '^RESULT' <<<"$out" | sed 's/^RESULT //')" \
      "$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" | grep -o '[0-9]*$' || echo 0)"
  done
  stop_app
}

measure "SQLite" Sqlite "Data Source=$work/portfolio.db"
if [ -n "$postgres" ]; then
  pg_database="impactkaart_load_$$"
  measure "PostgreSQL" PostgreSQL "$(sed -E 's/(^|;)\s*Database=[^;]*//I' <<<"$postgres");Database=$pg_database"
else
  echo
  echo "(PostgreSQL skipped: set IMPACTKAART_TEST_POSTGRES or PORTFOLIO_POSTGRES to a Npgsql connection string)"
fi
