#!/usr/bin/env bash
# Starts a throwaway single-node Ceph cluster (mon + memstore OSD + radosgw) on loopback, for tests and benchmarks.
# Usage: start.sh DIR MON_PORT RGW_PORT ACCESS_KEY SECRET_KEY [MEMSTORE_MIB] [OWNER_PID]
# Everything (config, data, logs, pid files) lives under DIR; stop.sh DIR stops every daemon by its pid file.
# With OWNER_PID, a watchdog runs stop.sh DIR --delete when that process ends, however it ends (a crashed or killed
# test host must not leave daemons behind).
# Prints "ready" on success. Needs the packages from tests/infra/prereqs-s3.sh.
set -euo pipefail

dir=$1 mon_port=$2 rgw_port=$3 access_key=$4 secret_key=$5
# memstore keeps every object in RAM; the default 1 GiB is too small for the 300 MB benchmark objects.
memstore_mib=${6:-1024}
owner_pid=${7:-}
here=$(cd "$(dirname "$0")" && pwd)
conf=$dir/ceph.conf
fsid=$(cat /proc/sys/kernel/random/uuid)
mkdir -p "$dir"/{run,log,mon,osd}

# Auth off, one replica, msgr v1 only: the smallest cluster radosgw accepts. Few PGs per pool because
# radosgw creates ~8 pools and the default of 32 PGs each exceeds the per-OSD PG limit with a single OSD.
cat > "$conf" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$mon_port
auth cluster required = none
auth service required = none
auth client required = none
ms bind msgr2 = false
ms bind ipv6 = false
public addr = 127.0.0.1
cluster addr = 127.0.0.1
osd objectstore = memstore
memstore device bytes = $((memstore_mib * 1024 * 1024))
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
# With auth off the OSD sends its start-up crush commands before it knows the fsid and the monitor refuses them
# ("wrong fsid"), so start.sh places the OSD in the crush map itself.
osd crush update on start = false
osd class update on start = false
mon max pg per osd = 1000
run dir = $dir/run
pid file = $dir/run/\$name.pid
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
mon data = $dir/mon/\$name
osd data = $dir/osd/\$name
keyring = $dir/keyring
[client.rgw.a]
# tcp_nodelay: without it every error response (404, 403) waits ~40 ms for a delayed ACK (Nagle) on a reused connection.
rgw frontends = beast endpoint=127.0.0.1:$rgw_port tcp_nodelay=1
rgw dns name = 127.0.0.1
CONF
: > "$dir/keyring"

# The failure message carries the last lines the daemons and ceph commands wrote: the folder is deleted with the test.
fail() { echo "start.sh: $1 (logs in $dir/log): $(tail -n 5 "$dir/log/start.err" 2>/dev/null | tr '\n' ' ')" >&2; bash "$here/stop.sh" "$dir" >/dev/null 2>&1 || true; exit 1; }

if [ -n "$owner_pid" ]; then
  setsid nohup bash -c "while kill -0 $owner_pid 2>/dev/null; do sleep 1; done; bash '$here/stop.sh' '$dir' --delete" \
    </dev/null >/dev/null 2>&1 &
fi

monmaptool --create --fsid "$fsid" --addv a "[v1:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" || fail "ceph-mon --mkfs failed"
timeout 60 ceph-mon -c "$conf" -i a </dev/null >/dev/null 2>>"$dir/log/start.err" || fail "ceph-mon did not start"

osd_uuid=$(cat /proc/sys/kernel/random/uuid)
osd_id=$(timeout 30 ceph -c "$conf" osd new "$osd_uuid" 2>>"$dir/log/start.err") || fail "ceph osd new failed"
[[ $osd_id =~ ^[0-9]+$ ]] || fail "ceph osd new printed '$osd_id' instead of an OSD id"
# Retried: a CI run once saw this refused right after "osd new" on a loaded machine.
crush_added=false
for _ in $(seq 1 10); do
  if timeout 30 ceph -c "$conf" osd crush add "osd.$osd_id" 1.0 root=default >/dev/null 2>>"$dir/log/start.err"; then
    crush_added=true
    break
  fi
  sleep 0.5
done
$crush_added || fail "ceph osd crush add failed"
mkdir -p "$dir/osd/osd.$osd_id"
ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >/dev/null 2>&1 || fail "ceph-osd --mkfs failed"
timeout 60 ceph-osd -c "$conf" -i "$osd_id" </dev/null >/dev/null 2>>"$dir/log/start.err" || fail "ceph-osd did not start"

bash "$here/rgw.sh" start "$dir" || fail "radosgw did not become ready"

radosgw-admin -c "$conf" user create --uid=test --display-name=test \
  --access-key="$access_key" --secret-key="$secret_key" >/dev/null || fail "radosgw-admin user create failed"
echo ready
