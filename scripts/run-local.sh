#!/usr/bin/env bash
# Runs the function app locally: starts Azurite on its default ports unless something already listens
# there, runs the standalone host, and stops the Azurite it started when the app exits.
set -euo pipefail
cd "$(dirname "$0")/.."

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
cleanup() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

if listening 10002 && listening 10001; then
  echo "Using the storage emulator already listening on 127.0.0.1:10001/10002."
else
  mkdir -p .azurite
  echo "Starting Azurite (data in .azurite/, log in .azurite/azurite.log)..."
  node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck \
    --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 300); do
    listening 10002 && listening 10001 && break
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite exited; see .azurite/azurite.log" >&2; exit 1; }
    sleep 0.1
  done
  listening 10002 || { echo "Azurite did not start in 30 s; see .azurite/azurite.log" >&2; exit 1; }
fi

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json."
fi

dotnet run -c "${CONFIGURATION:-Release}" --no-restore --project functions/Nurture.Functions "$@"
