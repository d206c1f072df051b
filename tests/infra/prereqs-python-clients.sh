#!/usr/bin/env bash
# What tests/Clients.Tests needs to run the Python client example (examples/clients/python): a python3 with requests and
# botocore. PyPI is not used: Debian's python3-requests and python3-botocore are enough. Without them the Python tests
# are skipped, saying why. Idempotent: when the modules import already it only says so.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"

if python3 -c "import requests, botocore" >/dev/null 2>&1 || /usr/bin/python3 -c "import requests, botocore" >/dev/null 2>&1; then
  echo "prereqs-python-clients: python3 with requests and botocore found"
  exit 0
fi

echo "prereqs-python-clients: installing Debian's python3-requests and python3-botocore"
apt_install python3 python3-requests python3-botocore

/usr/bin/python3 -c "import requests, botocore" || { echo "prereqs-python-clients: modules still missing after install" >&2; exit 1; }
echo "prereqs-python-clients: $(/usr/bin/python3 --version) with requests and botocore installed"
