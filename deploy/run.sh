#!/usr/bin/env bash
# deploy/run.sh — the run command: a production-like throwaway PostgreSQL
# cluster, the hub on http://127.0.0.1:<port> (h2c: gRPC and HTTP/JSON) with
# its HTTP/JSON door also on a second free port over HTTP/1.1, and the demo
# client against it. The hub then keeps running until Ctrl-C; everything (hub,
# cluster, temp files) is removed on the way out.
#
#   deploy/run.sh              # hub on a free port
#   deploy/run.sh --port 5080  # hub on port 5080
#
# The hub gets its database through ConnectionStrings__Interop, its address
# through --urls and its HTTP/1.1 JSON address through Interop__HttpJsonUrl.
set -euo pipefail

usage() {
  echo "usage: deploy/run.sh [--port N]" >&2
  exit 2
}

HUBPORT=""
while (($#)); do
  case "$1" in
    --port)
      [[ $# -ge 2 ]] || usage
      HUBPORT="$2"
      shift 2
      ;;
    --port=*)
      HUBPORT="${1#--port=}"
      shift
      ;;
    -h | --help) usage ;;
    *)
      echo "run.sh: unknown argument $1" >&2
      usage
      ;;
  esac
done
if [[ -n "$HUBPORT" ]] && ! [[ "$HUBPORT" =~ ^[0-9]+$ && "$HUBPORT" -ge 1 && "$HUBPORT" -le 65535 ]]; then
  echo "run.sh: --port wants a number from 1 to 65535, not '$HUBPORT'" >&2
  exit 2
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=deploy/postgres.sh
. "$ROOT/deploy/postgres.sh"

HUB_PID=""
HUB_LOG=""
TAIL_PID=""
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/interop-run.XXXXXXXX")"
CLEANED=0

# Stops the hub: SIGTERM to its process group (dotnet run and the hub it
# started), then SIGKILL after 10 s.
stop_hub() {
  [[ -n "$HUB_PID" ]] || return 0
  local pid="$HUB_PID" i
  HUB_PID=""
  if kill -0 -- "-$pid" 2>/dev/null; then
    echo "run.sh: stopping the hub (pid $pid)" >&2
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 -- "-$pid" 2>/dev/null; then
      echo "run.sh: the hub did not stop within 10 s: SIGKILL" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  # A second Ctrl-C must not interrupt the cleanup.
  trap '' INT TERM
  stop_hub
  if [[ -n "$TAIL_PID" ]]; then
    sleep 0.3 # let tail show the hub's last lines
    kill "$TAIL_PID" 2>/dev/null || true
    wait "$TAIL_PID" 2>/dev/null || true
  fi
  pg_stop_throwaway
  rm -rf -- "$RUN_DIR"
}
trap cleanup EXIT
trap 'echo; echo "run.sh: interrupted" >&2; exit 130' INT
trap 'echo "run.sh: terminated" >&2; exit 143' TERM

HUB_PROJECT=hub/Interop.Hub
CLI_PROJECT=clients/Interop.Cli
has_project() { compgen -G "$1/*.csproj" >/dev/null; }

pg_ensure_installed
pg_start_throwaway
pg_create_database interop
DB_CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=interop"

if [[ -z "$HUBPORT" ]]; then
  HUBPORT="$(free_tcp_port)"
elif tcp_port_answers "$HUBPORT"; then
  echo "run.sh: port $HUBPORT is already in use" >&2
  exit 1
fi
HUB_URL="http://127.0.0.1:$HUBPORT"
JSONPORT="$(free_tcp_port)"
while [[ "$JSONPORT" == "$HUBPORT" ]]; do JSONPORT="$(free_tcp_port)"; done
JSON_URL="http://127.0.0.1:$JSONPORT"

has_project "$HUB_PROJECT" || { echo "run.sh: no hub project in $HUB_PROJECT" >&2; exit 1; }

# The official geography the hub resolves birth places with (npm package; no data committed).
# Without npm the hub still runs and compares birth places as typed.
if command -v npm >/dev/null 2>&1; then
  echo "run.sh: npm ci --prefix hub/geography" >&2
  npm ci --prefix hub/geography --no-audit --no-fund >&2 || echo "run.sh: no official geography (npm ci failed); birth places compared as typed" >&2
fi

echo "run.sh: dotnet build Interop.sln -c Release -v q" >&2
dotnet build Interop.sln -c Release -v q

# The hub runs in its own session/process group (setsid), so that stop_hub can
# signal dotnet run and the hub process it starts, and only once.
HUB_LOG="$RUN_DIR/hub.log"
echo "run.sh: starting the hub on $HUB_URL (log: $HUB_LOG)" >&2
# A fresh bootstrap administrator key for this throwaway hub: the demo uses it
# to create its organisation and key, and you can use it with grpcurl.
ADMIN_KEY="$(head -c 33 /dev/urandom | base64 | tr '+/' '-_')"
ConnectionStrings__Interop="$DB_CONN" Interop__BootstrapAdminKey="$ADMIN_KEY" Interop__HttpJsonUrl="$JSON_URL" \
  setsid dotnet run --no-build -c Release --project "$HUB_PROJECT" -- --urls "$HUB_URL" \
  >"$HUB_LOG" 2>&1 </dev/null &
HUB_PID=$!

ready=0
for ((i = 0; i < 120; i++)); do
  if ! kill -0 "$HUB_PID" 2>/dev/null; then
    set +e
    wait "$HUB_PID"
    rc=$?
    set -e
    HUB_PID=""
    echo "run.sh: the hub exited (code $rc) before listening; its log:" >&2
    cat "$HUB_LOG" >&2
    exit 1
  fi
  if tcp_port_answers "$HUBPORT" && tcp_port_answers "$JSONPORT"; then
    ready=1
    break
  fi
  sleep 0.5
done
if ((!ready)); then
  echo "run.sh: the hub did not listen on $HUB_URL and $JSON_URL within 60 s; its log:" >&2
  cat "$HUB_LOG" >&2
  exit 1
fi

echo "Interop hub listening on $HUB_URL (database: $DB_CONN)"
echo "HTTP/JSON over HTTP/1.1 on $JSON_URL (also over h2c on $HUB_URL; OpenAPI: $JSON_URL/openapi/v1.json)"
echo "Bootstrap administrator key: $ADMIN_KEY (send as 'authorization: Bearer <key>')"

if ! has_project "$CLI_PROJECT"; then
  echo "run.sh: demo FAILED: no client project in $CLI_PROJECT" >&2
  exit 1
fi
echo "run.sh: demo: dotnet run --project $CLI_PROJECT -- demo --hub $HUB_URL --admin-key …" >&2
set +e
dotnet run --no-build -c Release --project "$CLI_PROJECT" -- demo --hub "$HUB_URL" --admin-key "$ADMIN_KEY"
rc=$?
set -e
if ((rc != 0)); then
  echo "run.sh: demo FAILED (exit code $rc); the hub log:" >&2
  cat "$HUB_LOG" >&2
  exit 1
fi

echo "Hub running; press Ctrl-C to stop."
# Show the hub's log from here on.
tail -n 0 -f "$HUB_LOG" &
TAIL_PID=$!

set +e
wait "$HUB_PID"
rc=$?
set -e
HUB_PID=""
echo "run.sh: the hub exited on its own (code $rc)" >&2
exit "$rc"
