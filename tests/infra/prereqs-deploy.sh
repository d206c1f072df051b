#!/usr/bin/env bash
# What deploy/tests/Deploy.Tests needs: Node.js on PATH (Amazon.CDK.Lib runs the CDK through the jsii runtime,
# a node child process). Nothing else: the CDK CLI is not needed to synthesize in tests, and the publish test
# uses the .NET SDK and NuGet only.
# Idempotent: when node is already there it only checks the version and returns at once.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"

minimum_major=18 # jsii 1.103 (behind Amazon.CDK.Lib 2.160.0) refuses older Node.js

node_major() { node --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p'; }

if command -v node >/dev/null 2>&1 && [ "$(node_major)" -ge "$minimum_major" ]; then
  echo "prereqs-deploy: node $(node --version) on PATH"
  exit 0
fi

echo "prereqs-deploy: installing Node.js (need >= $minimum_major)"
apt_install nodejs

if ! command -v node >/dev/null 2>&1 || [ "$(node_major)" -lt "$minimum_major" ]; then
  echo "prereqs-deploy: node >= $minimum_major still missing after install (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
echo "prereqs-deploy: node $(node --version) installed"
