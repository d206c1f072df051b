#!/usr/bin/env bash
# Installs Debian's Prometheus server, which tests/ModelHost.Tests starts on loopback to scrape a ModelHost's /metrics
# and answer a PromQL query (Hosting/PrometheusServerTests). Only the binary is used: the package's own service is
# not needed (the test starts its own server with its own config and data folder).
# Idempotent: when the binary is already there it only checks and returns at once.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"

if command -v prometheus >/dev/null 2>&1; then
  echo "prereqs-prometheus: $(prometheus --version 2>&1 | head -1)"
  exit 0
fi

echo "prereqs-prometheus: installing Debian's prometheus package"
apt_install prometheus

command -v prometheus >/dev/null 2>&1 || { echo "prereqs-prometheus: prometheus still missing after install" >&2; exit 1; }
echo "prereqs-prometheus: $(prometheus --version 2>&1 | head -1) installed"
