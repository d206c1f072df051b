#!/usr/bin/env bash
# Starts or stops only the radosgw daemon of a cluster made by start.sh (fault tests take S3 away and bring it back).
# Usage: rgw.sh start|stop|freeze|thaw DIR   (freeze: SIGSTOP, so connections are accepted but never answered)
set -euo pipefail

action=$1 dir=$2
conf=$dir/ceph.conf
pid_file=$dir/run/client.rgw.a.pid
port=$(sed -n 's/^rgw frontends = beast endpoint=127\.0\.0\.1:\([0-9]*\).*$/\1/p' "$conf")

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

case $action in
  start)
    radosgw -c "$conf" -n client.rgw.a </dev/null >/dev/null 2>>"$dir/log/start.err"
    # The first start creates radosgw's pools, which takes a few seconds on a fresh cluster.
    for _ in $(seq 1 300); do
      listening && exit 0
      sleep 0.1
    done
    echo "rgw.sh: radosgw is not listening on $port" >&2
    exit 1
    ;;
  stop)
    [ -f "$pid_file" ] || exit 0
    pid=$(cat "$pid_file")
    grep -q radosgw "/proc/$pid/cmdline" 2>/dev/null || { rm -f "$pid_file"; exit 0; }
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; exit 0; }
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
    ;;
  freeze|thaw)
    pid=$(cat "$pid_file")
    grep -q radosgw "/proc/$pid/cmdline" || { echo "rgw.sh: $pid is not radosgw" >&2; exit 1; }
    if [ "$action" = freeze ]; then kill -STOP "$pid"; else kill -CONT "$pid"; fi
    ;;
  *) echo "usage: rgw.sh start|stop|freeze|thaw DIR" >&2; exit 2 ;;
esac
