#!/usr/bin/env bash
# Installs Debian's Prometheus server, which tests/ModelHost.Tests starts on loopback to scrape a ModelHost's /metrics
# and answer a PromQL query (Hosting/PrometheusServerTests). Only the binary is used: the package's own service is
# not needed (the test starts its own server with its own config and data folder).
# Idempotent: when the binary is already there it only checks and returns at once.
set -euo pipefail

if command -v prometheus >/dev/null 2>&1; then
  echo "prereqs-prometheus: $(prometheus --version 2>&1 | head -1)"
  exit 0
fi

echo "prereqs-prometheus: installing Debian's prometheus package"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends prometheus >/dev/null

command -v prometheus >/dev/null 2>&1 || { echo "prereqs-prometheus: prometheus still missing after install" >&2; exit 1; }
echo "prereqs-prometheus: $(prometheus --version 2>&1 | head -1) installed"
