#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ servers that the tests start themselves (local processes
# from the distribution's packages, installed here if missing, as are kubectl and Node.js for the deployment tests),
# then prints the totals on the last line.
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh tests || exit 1
scripts/browser-prerequisites.sh || exit 1   # chromium, chromedriver, node; npm ci for the browser tests' page scripts
dotnet build Civility.sln -nologo -v quiet || exit 1

log=$(mktemp)
dotnet test Civility.sln --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One line of totals over every test assembly: "N passed, N failed[, N skipped]".
read -r passed failed skipped < <(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host reports no summary
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$passed" -gt 0 ]
