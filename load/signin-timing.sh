#!/usr/bin/env bash
# Does the sign-in form tell, by its speed, whether an address has an account? Publishes the web app in Release,
# starts it on 127.0.0.1 and a free port on a fresh SQLite database, registers one account, and times ROUNDS
# sign-in posts (default 50) of each kind, interleaved: an unknown address, the account with a wrong password, and
# the account with its right password (which also keeps the account from being locked). Prints the median and p90
# of each in milliseconds (curl's time to the whole answer). The form limit per address is raised for this run only.
# Stops the app (by its PID) at the end, also on failure. Not run by CI.
#
#   bash load/signin-timing.sh
#   ROUNDS=200 bash load/signin-timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${ROUNDS:-50}"
password="een lange zin als wachtwoord"
known="bekend@meting.nl"

source load/lib.sh
publish_app
start_app Accounts__FormPostsPerMinute=1000000 Mail__Limits__PerAddressPerHour=1000000
register_account "$work/admin.jar" "Meting" "Meetpersoon" "$known" "$password"

# sign_in EMAIL PASSWORD: one post from a fresh browser (its own form token); prints "status seconds".
sign_in() {
  local jar="$work/one.jar" token
  rm -f "$jar"
  token="$(form_token_in "$jar" /inloggen)"
  curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -c "$jar" -b "$jar" "$base/inloggen" \
    --data-urlencode "email=$1" --data-urlencode "wachtwoord=$2" --data-urlencode "__RequestVerificationToken=$token"
}

# Warm-up (not reported): JIT and the database's caches settle.
for _ in 1 2 3; do sign_in "niemand@meting.nl" "x" >/dev/null; sign_in "$known" "$password" >/dev/null; done

: >"$work/unknown" ; : >"$work/wrong" ; : >"$work/right"
for i in $(seq 1 "$rounds"); do
  read -r status seconds < <(sign_in "niemand-$i@meting.nl" "een gok $i")
  [ "$status" = "400" ] || { echo "unknown address gave $status"; exit 1; }
  echo "$seconds" >>"$work/unknown"
  read -r status seconds < <(sign_in "$known" "een gok $i")
  [ "$status" = "400" ] || { echo "wrong password gave $status"; exit 1; }
  echo "$seconds" >>"$work/wrong"
  read -r status seconds < <(sign_in "$known" "$password")
  [ "$status" = "302" ] || { echo "right password gave $status"; exit 1; }
  echo "$seconds" >>"$work/right"
done

stats() { sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END { m = int(NR * 0.5 + 0.5); p = int(NR * 0.9 + 0.5); printf "median %6.1f ms   p90 %6.1f ms   (%d posts)\n", v[m], v[p], NR }'; }
echo
echo "unknown address:            $(stats "$work/unknown")"
echo "account, wrong password:    $(stats "$work/wrong")"
echo "account, right password:    $(stats "$work/right")"
