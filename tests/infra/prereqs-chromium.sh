#!/usr/bin/env bash
# Installs Debian's chromium, which tests/Cli.Tests opens `multimodel tune`'s HTML report in (headless, a screenshot)
# to check that its charts are drawn by a real browser, not only that the file has <svg> in it.
# Idempotent: when the browser is already there it only checks and returns at once.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"

if command -v chromium >/dev/null 2>&1; then
  echo "prereqs-chromium: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi

echo "prereqs-chromium: installing Debian's chromium package"
apt_install chromium fonts-dejavu-core

command -v chromium >/dev/null 2>&1 || { echo "prereqs-chromium: chromium still missing after install" >&2; exit 1; }
echo "prereqs-chromium: $(chromium --version 2>/dev/null | head -1) installed"
