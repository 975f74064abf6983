#!/usr/bin/env bash
# Builds the solution once and runs every test project; prints one closing line with the totals.
# Tests start their own Azurite from node_modules on free ports unless NURTURE_TEST_STORAGE is set; the dashboard's
# browser tests need /usr/bin/chromium, installed here from Debian's packages when missing. Screenshots and other
# test artefacts land in TestResults/ (git-ignored).
set -uo pipefail
cd "$(dirname "$0")/.."

# The dashboard's browser tests drive Debian's Chromium (never a browser a test tool downloads): install it once.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the dashboard's browser tests..."
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${as_root[@]}" apt-get install -y -qq chromium >/dev/null 2>&1 \
      || { "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 && "${as_root[@]}" apt-get install -y -qq chromium >/dev/null 2>&1; }; }; then
    echo "Could not install chromium (apt-get install chromium); the dashboard's browser tests will fail." >&2
  fi
fi

configuration="${CONFIGURATION:-Release}"
dotnet build Functions.sln -c "$configuration" --no-restore -nologo -v quiet || exit 1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test Functions.sln -c "$configuration" --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0 failed=0 skipped=0
while read -r p f s; do
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/p' "$log")

if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo
if [ -d TestResults/dashboard ]; then
  echo "Dashboard screenshots: TestResults/dashboard/"
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
