#!/usr/bin/env bash
# Builds the solution once and runs every test project; prints one closing line with the totals.
# Tests start their own Azurite from node_modules on free ports unless NURTURE_TEST_STORAGE is set.
set -uo pipefail
cd "$(dirname "$0")/.."

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
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
