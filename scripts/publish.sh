#!/usr/bin/env bash
# The one publish command for the Lambda image: the Dockerfile runs it (with -p:LambdaHosting=true) and
# Deploy.Tests runs it without that switch, so a change that breaks the image's publish fails a test here.
#
#   scripts/publish.sh [--restore-only] <project.csproj> <arch> <output-dir> [extra dotnet args...]
#
# arch: x64 | arm64 (Docker's TARGETARCH names amd64/arm64 are accepted too).
# The output is framework-dependent (the Lambda base image brings .NET), ReadyToRun for a fast cold start, and
# holds only that architecture's ONNX Runtime native library: a RID-specific publish drops the other platforms'.
set -euo pipefail

restore_only=false
if [ "${1:-}" = "--restore-only" ]; then
  restore_only=true
  shift
fi
if [ $# -lt 3 ]; then
  echo "usage: $0 [--restore-only] <project.csproj> <x64|arm64> <output-dir> [dotnet args...]" >&2
  exit 2
fi
project=$1 arch=$2 output=$3
shift 3

case "$arch" in
  x64|amd64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "unknown architecture '$arch' (x64, amd64 or arm64)" >&2; exit 2 ;;
esac

# Restore and publish must agree on these, or publish --no-restore fails on a missing runtime pack.
# linux-natives.targets drops the Windows natives that ONNX Runtime's package copies into every output.
here=$(cd "$(dirname "$0")" && pwd)
properties=(-r "$rid" -p:PublishReadyToRun=true -p:SelfContained=false -p:UseAppHost=false
  "-p:CustomAfterMicrosoftCommonTargets=$here/linux-natives.targets")

if [ "$restore_only" = true ]; then
  exec dotnet restore "$project" "${properties[@]}" "$@"
fi
exec dotnet publish "$project" -c Release "${properties[@]}" -o "$output" -p:DebugType=none "$@"
