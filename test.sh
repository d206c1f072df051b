#!/usr/bin/env bash
# Runs every test on a fresh machine: installs and checks what the tests need (tests/infra/prereqs-*.sh),
# builds, runs all test projects, and prints the plain closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

for prereq in tests/infra/prereqs-*.sh; do
  [ -e "$prereq" ] || continue
  echo "== $prereq"
  bash "$prereq"
done

results=.artifacts/test-results
rm -rf "$results"
status=0
dotnet test MultiModel.sln -c Release --logger trx --results-directory "$results" "$@" || status=$?

# dotnet test's own summary is per assembly; sum the TRX counters into one line that CI reads.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))  # skipped tests are counted as not executed, not as notExecuted
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any result was written
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
