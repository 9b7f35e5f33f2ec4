# Shared by the load scripts (sourced, not run): wrk installed when missing; the web app published in Release to a
# temporary folder with its own build folder (it never touches the tree's bin/obj), started on 127.0.0.1 and a free
# port, and stopped by its PID on exit, also on failure.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v wrk >/dev/null; then
  echo "== install wrk"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null \
    || { $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
fi

work="$(mktemp -d)"
pid=""
base=""

stop_app() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}

# A script with more to clean up sets its own trap and calls this from it.
cleanup_app() {
  stop_app
  rm -rf "$work"
}
trap cleanup_app EXIT INT TERM

publish_app() {
  echo "== publish (Release)"
  dotnet publish src/Impactkaart.Web/Impactkaart.Web.csproj -c Release -o "$work/app" \
    -p:UseArtifactsOutput=true -p:ArtifactsPath="$work/build" -nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; echo "publish failed"; exit 1; }
}

# start_app [NAME=value ...]: starts the published app with those settings; sets pid and base (http://127.0.0.1:PORT).
start_app() {
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production "$@" dotnet Impactkaart.Web.dll --urls "http://127.0.0.1:0") \
    >"$work/app.log" 2>&1 &
  pid=$!
  base=""
  for _ in $(seq 1 150); do
    base="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/app.log" | head -n 1 || true)"
    [ -n "$base" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; echo "the app did not start"; exit 1; }
    sleep 0.2
  done
  [ -n "$base" ] || { cat "$work/app.log"; echo "the app did not say where it listens"; exit 1; }
  echo "app (PID $pid) on $base"
}

# The anti-forgery token of a form page, keeping the cookies in the jar: form_token_in JAR PATH.
form_token_in() { curl -fsS -c "$1" -b "$1" "$base$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }

# register_account JAR ORGANISATION NAME EMAIL PASSWORD: registers as a person does, the form and then the link in
# the email, read from the app's mail folder (no SMTP server is set here). The jar then holds the admin's session.
register_account() {
  local jar="$1" organisation="$2" name="$3" email="$4" password="$5" token status link
  token="$(form_token_in "$jar" /registreren)"
  status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/registreren" \
    --data-urlencode "organisatie=$organisation" --data-urlencode "naam=$name" --data-urlencode "email=$email" \
    --data-urlencode "wachtwoord=$password" --data-urlencode "herhaal=$password" \
    --data-urlencode "__RequestVerificationToken=$token")"
  [ "$status" = "200" ] || { echo "registering gave $status"; exit 1; }
  link="$(python3 - "$work/app/App_Data/mail" "$email" <<'PY'
import email, email.policy, pathlib, re, sys
folder, to = pathlib.Path(sys.argv[1]), sys.argv[2].lower()
for path in sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if to in str(message["To"]).lower():
        found = re.search(r"https?://[^/\s]+(/registreren/bevestigen/\S+)", message.get_body().get_content())
        if found:
            print(found.group(1))
            break
PY
)"
  [ -n "$link" ] || { echo "no registration email to $email"; exit 1; }
  token="$(form_token_in "$jar" "$link")"
  status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base$link" --data-urlencode "__RequestVerificationToken=$token")"
  [ "$status" = "302" ] || { echo "following the registration link gave $status"; exit 1; }
}
