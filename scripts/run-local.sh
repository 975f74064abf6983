#!/usr/bin/env bash
# Runs the function app locally on the local host (functions/Nurture.LocalHost): starts Azurite on its default
# ports unless something already listens there, builds and runs the host, and stops the Azurite it started only
# after the host has drained and exited.
#
# Ctrl+C reaches the host alone: Azurite runs in a session of its own, so it keeps serving while the host finishes
# in-flight requests, queue messages, timer runs and activities (Host:ShutdownTimeout).
set -euo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-Release}"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
host_pid=""
stop_azurite() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
    azurite_pid=""
  fi
}
trap stop_azurite EXIT
# While the host runs, Ctrl+C (or a TERM) reaches it as SIGTERM (a background job ignores SIGINT) and the script
# waits for it to drain.
forward() { [ -n "$host_pid" ] && kill -"$1" "$host_pid" 2>/dev/null || true; }
trap 'forward TERM' INT
trap 'forward TERM' TERM

if listening 10002 && listening 10001 && listening 10000; then
  echo "Using the storage emulator already listening on 127.0.0.1:10000-10002."
else
  mkdir -p .azurite
  echo "Starting Azurite (data in .azurite/, log in .azurite/azurite.log)..."
  setsid node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck \
    --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    >.azurite/azurite.log 2>&1 </dev/null &
  azurite_pid=$!
  for _ in $(seq 1 300); do
    listening 10002 && listening 10001 && listening 10000 && break
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite exited; see .azurite/azurite.log" >&2; exit 1; }
    sleep 0.1
  done
  listening 10002 || { echo "Azurite did not start in 30 s; see .azurite/azurite.log" >&2; exit 1; }
fi

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json."
fi

dotnet build functions/Nurture.LocalHost -c "$configuration" --no-restore -nologo -v quiet
# Run the built host directly (not `dotnet run`): no launch profile overrides the URLs, and signals reach it.
# The content root is the repository, where local.settings.json is.
DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}" \
  dotnet "functions/Nurture.LocalHost/bin/$configuration/net10.0/Nurture.LocalHost.dll" --contentRoot "$PWD" "$@" &
host_pid=$!
status=0
while true; do
  wait "$host_pid" && status=0 || status=$?
  # A trapped signal interrupts wait with a status above 128 while the host is still draining: wait again.
  kill -0 "$host_pid" 2>/dev/null || break
done
host_pid=""
exit "$status"
