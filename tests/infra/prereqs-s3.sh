#!/usr/bin/env bash
# Installs the single-node Ceph (mon + memstore OSD + radosgw) that tests/ModelHost.S3.Tests starts on loopback.
# Idempotent: when every binary is already there it only checks and returns in well under a second.
set -euo pipefail
. "$(dirname "$0")/apt-install.sh"

needed=(ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph)
missing=()
for binary in "${needed[@]}"; do
  command -v "$binary" >/dev/null 2>&1 || missing+=("$binary")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "prereqs-s3: Ceph already installed ($(ceph --version 2>/dev/null | cut -d' ' -f1-3))"
  exit 0
fi

echo "prereqs-s3: installing Ceph for ${missing[*]}"
# ceph-common brings the ceph CLI and monmaptool; recommends are not needed for a test cluster.
apt_install ceph-mon ceph-osd radosgw ceph-common

for binary in "${needed[@]}"; do
  command -v "$binary" >/dev/null 2>&1 || { echo "prereqs-s3: $binary still missing after install" >&2; exit 1; }
done
echo "prereqs-s3: Ceph installed ($(ceph --version | cut -d' ' -f1-3))"
