#!/usr/bin/env bash
# Stops every daemon of a cluster made by start.sh, by the pid files under DIR/run.
# Usage: stop.sh DIR [--delete]   (--delete also removes DIR)
# The cluster is throwaway (memstore), so nothing needs a clean shutdown: TERM all at once, KILL what is left after 3 s.
set -uo pipefail

dir=$1
pids=()
for pid_file in "$dir"/run/*.pid; do
  [ -f "$pid_file" ] || continue
  pid=$(cat "$pid_file")
  # Only signal a pid that still runs one of our daemons: a stale pid file must not hit an unrelated process.
  if grep -q -E 'ceph-mon|ceph-osd|radosgw' "/proc/$pid/cmdline" 2>/dev/null; then
    kill "$pid" 2>/dev/null && pids+=("$pid")
  fi
  rm -f "$pid_file"
done
for _ in $(seq 1 30); do
  alive=()
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
  [ "${#alive[@]}" -eq 0 ] && break
  sleep 0.1
done
for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
if [ "${2:-}" = "--delete" ]; then rm -rf "$dir"; fi
exit 0
