#!/usr/bin/env bash
# Cold-start figure: the ModelHost's time from process start to its first successful iris prediction, against an
# empty minimal-API app's time to its first answer, in the same run. Both are published exactly as the Lambda
# image publishes them (scripts/publish.sh: ReadyToRun, this machine's architecture, without the Lambda switch).
#
#   bench/ColdStart/run.sh [--runs N]      (from anywhere; ~1-2 minutes)
#
# Builds go to .artifacts/coldstart (--artifacts-path), so the projects' own bin/ and obj/ are left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.artifacts/coldstart"
case "$(uname -m)" in
  aarch64|arm64) arch=arm64 ;;
  *) arch=x64 ;;
esac

mkdir -p "$out"
log="$out/build.log"
quietly() { "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "failed: $*" >&2; exit 1; }; }
quietly "$root/scripts/publish.sh" "$root/src/ModelHost/ModelHost.csproj" "$arch" "$out/modelhost" --artifacts-path "$out/build"
quietly "$root/scripts/publish.sh" "$root/bench/ColdStart/EmptyApp/EmptyApp.csproj" "$arch" "$out/emptyapp" --artifacts-path "$out/build"
quietly dotnet build "$root/bench/ColdStart/ColdStart/ColdStart.csproj" -c Release --artifacts-path "$out/build"

echo "published size: modelhost $(du -sh "$out/modelhost" | cut -f1), emptyapp $(du -sh "$out/emptyapp" | cut -f1) (linux-$arch, ReadyToRun)"
exec dotnet "$out/build/bin/ColdStart/release/ColdStart.dll" \
  --app "$out/modelhost/ModelHost.dll" --url http://127.0.0.1:18080 \
  --request "POST /models/iris/predict" --body '{"inputs":{"features":[[5.1,3.5,1.4,0.2]]}}' \
  --baseline "$out/emptyapp/EmptyApp.dll" --baseline-url http://127.0.0.1:18081 --baseline-request "POST /ping" \
  "$@"
