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
