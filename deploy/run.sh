#!/usr/bin/env bash
# deploy/run.sh — the run command: a production-like throwaway PostgreSQL
# cluster, the hub on http://127.0.0.1:<port> (h2c: gRPC and HTTP/JSON) with
# its HTTP/JSON door also on a second free port over HTTP/1.1, and the demo
# client against it. The hub then keeps running until Ctrl-C; everything (hub,
# cluster, temp files) is removed on the way out. After the demo client, the
# live demo of adapters/README.md runs beside the hub: two simulated landlord
# ERPs and one file-based landlord, printing what flows between them.
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
LANDLORD_PIDS=()
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

# Stops the demo landlords (each in its own process group, like the hub):
# SIGTERM lets each adapter finish its change in hand and print its last counts.
stop_landlords() {
  local pid i
  for pid in "${LANDLORD_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${LANDLORD_PIDS[@]}"; do
    for ((i = 0; i < 100; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  LANDLORD_PIDS=()
}

cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  # A second Ctrl-C must not interrupt the cleanup.
  trap '' INT TERM
  stop_landlords
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
  # The observatory report's chart library; without it the report shows its tables only.
  npm ci --prefix hub/observatoire --no-audit --no-fund >&2 || echo "run.sh: no chart library (npm ci failed); the observatory report shows tables only" >&2
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
echo "Observatory report: $JSON_URL/observatoire/ (in a browser; type an API key, e.g. the administrator key above)"

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

# The live demo: three landlords behind their adapters (adapters/README.md),
# two simulated ERPs with seeded traffic and one file-based landlord.
# Each joins with the administrator key; its lines are prefixed with its id.
join_landlord() { # id desk -> prints the API key
  dotnet run --no-build -c Release --project "$CLI_PROJECT" -- org-create --hub "$HUB_URL" --key "$ADMIN_KEY" \
    --id "$1" --kind landlord --name "$1" --stock 14118 --desks "$2" >/dev/null
  dotnet run --no-build -c Release --project "$CLI_PROJECT" -- key-issue --hub "$HUB_URL" --key "$ADMIN_KEY" \
    --org "$1" --name demo-adapter | sed -n 's/^secret (shown once): //p'
}
echo "run.sh: live demo: two simulated landlords (bailleur-a, bailleur-b) and one file-based landlord (bailleur-fichiers)" >&2
KEY_A="$(join_landlord bailleur-a A0101)"
KEY_B="$(join_landlord bailleur-b A0102)"
KEY_F="$(join_landlord bailleur-fichiers A0103)"
if [[ -z "$KEY_A" || -z "$KEY_B" || -z "$KEY_F" ]]; then
  echo "run.sh: demo FAILED: could not join the demo landlords" >&2
  exit 1
fi
SIMULATOR_PROJECT=adapters/Interop.Adapters.Simulator
FILES_PROJECT=adapters/Interop.Adapters.Files
FILES_DIR="$RUN_DIR/bailleur-fichiers"
mkdir -p "$FILES_DIR/inbox"
INTEROP_API_KEY="$KEY_A" setsid dotnet run --no-build -c Release --project "$SIMULATOR_PROJECT" -- \
  --hub "$HUB_URL" --organization bailleur-a --desk A0101 --seed 1 --rate 2 --shared-households 8 --report-seconds 15 --data "$RUN_DIR/bailleur-a" </dev/null &
LANDLORD_PIDS+=($!)
INTEROP_API_KEY="$KEY_B" setsid dotnet run --no-build -c Release --project "$SIMULATOR_PROJECT" -- \
  --hub "$HUB_URL" --organization bailleur-b --desk A0102 --seed 2 --rate 2 --shared-households 8 --report-seconds 15 --data "$RUN_DIR/bailleur-b" </dev/null &
LANDLORD_PIDS+=($!)
INTEROP_API_KEY="$KEY_F" setsid dotnet run --no-build -c Release --project "$FILES_PROJECT" -- \
  --hub "$HUB_URL" --organization bailleur-fichiers --desk A0103 --folder "$FILES_DIR" </dev/null &
LANDLORD_PIDS+=($!)
# The file-based landlord's ERP drops an export (written aside, then renamed in):
# three households, one with an impossible birth date; its report lands in failed/.
cat >"$FILES_DIR/export-demo.tmp" <<'CSV'
dossier;nom;prenom;sexe;date_naissance;commune_naissance;nationalite;situation;logement;motifs;revenu;departement;typologies;communes
F-0001;Lefèvre;Hélène;F;03/02/1979;14118;FRA;C;HEB;SANSLOGT;980;14;T2;14118|14327
F-0002;Morin;Jérôme;M;31/02/1990;14118;FRA;M;LP;DIVORCE;1200;14;T3;14118
F-0003;Nguyen;Zoé;F;15/06/1995;14327;UE;P;HLM;DIVORCE;1650;14;T3|T4;14118
CSV
if command -v iconv >/dev/null 2>&1; then
  # As a French Windows ERP writes it: Windows-1252 (the adapter detects it).
  iconv -f UTF-8 -t WINDOWS-1252 "$FILES_DIR/export-demo.tmp" >"$FILES_DIR/export-demo.1252" && mv "$FILES_DIR/export-demo.1252" "$FILES_DIR/export-demo.tmp"
fi
mv "$FILES_DIR/export-demo.tmp" "$FILES_DIR/inbox/export-demo.csv"
echo "Demo landlords running: bailleur-a and bailleur-b (simulated ERPs), bailleur-fichiers (files in $FILES_DIR: inbox/, done/, failed/, outbox/)"

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
