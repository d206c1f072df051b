#!/usr/bin/env bash
# Installs Debian's chromium, which tests/Cli.Tests opens `multimodel tune`'s HTML report in (headless, a screenshot)
# to check that its charts are drawn by a real browser, not only that the file has <svg> in it.
# Idempotent: when the browser is already there it only checks and returns at once.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "prereqs-chromium: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi

echo "prereqs-chromium: installing Debian's chromium package"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

command -v chromium >/dev/null 2>&1 || { echo "prereqs-chromium: chromium still missing after install" >&2; exit 1; }
echo "prereqs-chromium: $(chromium --version 2>/dev/null | head -1) installed"
