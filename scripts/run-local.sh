#!/usr/bin/env bash
# The whole thing on this machine in one command: a model store (a local folder: the bundled sample models unless
# --models names another), the ModelHost serving it, and the Router in front, forwarding every model to that host.
# Ctrl-C (or SIGTERM) stops both apps and exits 0.
#
#   scripts/run-local.sh [--models DIR] [--host-port 5000] [--router-port 5100] [--configuration Debug] [--no-build]
#
# Then: curl -s -X POST http://localhost:5100/models/iris/predict -H 'Content-Type: application/json' \
#         -d '{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2]]}}'
set -euo pipefail
cd "$(dirname "$0")/.."

models="" host_port=5000 router_port=5100 configuration=Debug build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --models) models=$(cd "$2" && pwd); shift 2 ;;
    --host-port) host_port=$2; shift 2 ;;
    --router-port) router_port=$2; shift 2 ;;
    --configuration|-c) configuration=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run-local.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
command -v curl >/dev/null || { echo "run-local.sh: needs curl, to wait until each app is ready" >&2; exit 2; }

work=$(mktemp -d -t multimodel-local-XXXXXX)
host_pid="" router_pid=""
stop() {
  trap - INT TERM EXIT
  # The apps end on SIGTERM after finishing the requests under way.
  for pid in $router_pid $host_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $router_pid $host_pid; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  echo "run-local.sh: stopped"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

if [ "$build" = 1 ]; then
  dotnet build src/ModelHost -c "$configuration" -v quiet -nologo
  dotnet build src/Router -c "$configuration" -v quiet -nologo
fi

# The Router's rule: every model to this host (the same rule JSON as src/Router/routes.json, on this host's port).
cat > "$work/routes.json" <<JSON
{ "rules": { "local-modelhost": { "match": { "glob": "*" },
  "targets": [ { "url": "http://127.0.0.1:$host_port", "timeout": "00:01:00", "auth": "none" } ] } } }
JSON

# Each app runs from its build output as its own process (its pid is the app's, so a signal reaches it), its output in
# a log file of its own (one JSON event a line).
start() { # project, port, log; the app's settings come from the environment
  local bin="src/$1/bin/$configuration/net10.0"
  [ -f "$bin/$1.dll" ] || { echo "run-local.sh: $bin/$1.dll is not built (drop --no-build)" >&2; exit 1; }
  (cd "$bin" && exec dotnet "$1.dll" --urls "http://127.0.0.1:$2") > "$3" 2>&1 &
}
[ -n "$models" ] && export ModelHost__Store__LocalRoot="$models"
start ModelHost "$host_port" "$work/modelhost.log"
host_pid=$!
export Router__Rules__Source=File Router__Rules__FilePath="$work/routes.json"
start Router "$router_port" "$work/router.log"
router_pid=$!

wait_ready() { # name, url, pid, log
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$2" && return 0
    kill -0 "$3" 2>/dev/null || { echo "run-local.sh: the $1 exited; its log:" >&2; cat "$4" >&2; exit 1; }
    sleep 0.5
  done
  echo "run-local.sh: the $1 was not ready within 60 s; its log: $4" >&2
  exit 1
}
wait_ready ModelHost "http://127.0.0.1:$host_port/health/ready" "$host_pid" "$work/modelhost.log"
wait_ready Router "http://127.0.0.1:$router_port/health/ready" "$router_pid" "$work/router.log"

echo "run-local.sh: ready: Router http://127.0.0.1:$router_port -> ModelHost http://127.0.0.1:$host_port" \
  "(models: ${models:-src/ModelHost/SampleModels}); logs in $work; Ctrl-C stops both"
set +e
wait -n "$host_pid" "$router_pid"
echo "run-local.sh: an app exited on its own; stopping the other (logs: $work)" >&2
exit 1
