# shellcheck shell=bash
# deploy/postgres.sh — throwaway PostgreSQL clusters for tests and the local run.
#
# Source it (do not execute it):
#
#   . deploy/postgres.sh
#   pg_ensure_installed
#   pg_start_throwaway --fast          # tests; omit --fast for a production-like cluster
#   trap pg_stop_throwaway EXIT
#   pg_create_database interop
#
# pg_start_throwaway exports:
#   PGHOST=127.0.0.1 PGPORT=<free port> PGUSER=postgres
#   INTEROP_PG_ADMIN="Host=127.0.0.1;Port=<port>;Username=postgres;Database=postgres"
#   INTEROP_PG_DIR=<temp dir holding data/, the socket and postgres.log>
#
# PostgreSQL refuses to run as root: when the caller is root, the server runs as
# the `postgres` system user (runuser), from `/`, in a fresh mktemp directory
# owned by postgres (never inside the repository). A non-root caller runs it as
# itself. Authentication is `trust`, on 127.0.0.1 and a private socket only.
#
# The functions return non-zero on failure and never change the caller's shell
# options, so they work under `set -euo pipefail`. Progress goes to stderr.

# Where the temp directory is created. /tmp by default: postgres must be able to
# enter it (root's TMPDIR or home may not be readable by postgres).
: "${INTEROP_PG_TMPDIR:=/tmp}"

_pg_log() { printf 'postgres: %s\n' "$*" >&2; }

# Prints the directory holding initdb/pg_ctl (newest version first), or fails.
pg_bindir() {
  local d best=""
  # Debian layout: /usr/lib/postgresql/<version>/bin; take the newest.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  done
  if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# Runs a command as root (directly, or through sudo).
_pg_as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    _pg_log "need root to run: $*"
    return 1
  fi
}

# Installs PostgreSQL with apt-get, only when no initdb is found.
pg_ensure_installed() {
  local bindir
  if bindir="$(pg_bindir)"; then
    _pg_log "found $("$bindir/initdb" --version 2>/dev/null || echo initdb) in $bindir"
    return 0
  fi
  _pg_log "initdb not found: installing postgresql with apt-get"
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
  bindir="$(pg_bindir)" || { _pg_log "postgresql installed but initdb still not found"; return 1; }
  _pg_log "installed $("$bindir/initdb" --version) in $bindir"
}

# Prints a TCP port that is free on 127.0.0.1 right now.
free_tcp_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' && return 0
  fi
  # Fallback: random ports until one does not answer.
  local p i
  for ((i = 0; i < 100; i++)); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  return 1
}

# True when something answers on 127.0.0.1:$1.
tcp_port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Runs a command as the server's owner: postgres when we are root, else ourselves.
# Always from / so postgres never needs to read the caller's working directory.
_pg_as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

_pg_locale() {
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    echo C.UTF-8
  else
    echo C
  fi
}

# pg_start_throwaway [--fast] [--commit-timestamps]
# Creates and starts a new cluster on 127.0.0.1 and a free port, and exports the
# variables listed at the top of this file. --fast: no fsync at all (tests only).
# --commit-timestamps: track_commit_timestamp on, so that the feed benchmark can
# time each delivery from PostgreSQL's own commit of the change.
pg_start_throwaway() {
  local fast=0 commit_timestamps=0 arg
  for arg in "$@"; do
    case "$arg" in
      --fast) fast=1 ;;
      --commit-timestamps) commit_timestamps=1 ;;
      *) _pg_log "pg_start_throwaway: unknown argument $arg"; return 2 ;;
    esac
  done
  if [[ -n "${_PG_THROWAWAY_DIR:-}" && -d "${_PG_THROWAWAY_DIR}" ]]; then
    _pg_log "this shell already runs a throwaway cluster in $_PG_THROWAWAY_DIR"
    return 1
  fi

  local bindir dir locale port attempt
  bindir="$(pg_bindir)" || { _pg_log "initdb not found (run pg_ensure_installed)"; return 1; }
  dir="$(mktemp -d "$INTEROP_PG_TMPDIR/interop-pg.XXXXXXXX")" || return 1
  # Set at once so pg_stop_throwaway can clean up even if the start fails. The
  # state is a shell variable, not exported: a script started from this shell
  # inherits INTEROP_PG_DIR but never stops (or refuses to start) because of it.
  _PG_THROWAWAY_DIR="$dir"
  export INTEROP_PG_DIR="$dir"
  _PG_BINDIR="$bindir"
  chmod 700 "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres: "$dir" || { _pg_log "cannot chown $dir to postgres"; pg_stop_throwaway; return 1; }
  fi

  locale="$(_pg_locale)"
  local initdb_args=(-D "$dir/data" -A trust -U postgres --encoding=UTF8 "--locale=$locale")
  local mode="production-like"
  if ((fast)); then
    initdb_args+=(--no-sync)
    mode="fast, no fsync"
  fi
  _pg_log "initdb in $dir (locale $locale, $mode)"
  if ! _pg_as_owner "$bindir/initdb" "${initdb_args[@]}" >"$dir/initdb.log" 2>&1; then
    _pg_log "initdb failed:"
    cat "$dir/initdb.log" >&2 || true
    pg_stop_throwaway
    return 1
  fi

  local opts="-c listen_addresses=127.0.0.1 -k $dir -c max_connections=600"
  if ((fast)); then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if ((commit_timestamps)); then
    opts+=" -c track_commit_timestamp=on"
  fi

  # The port is free when picked but could be taken before postgres binds it: retry.
  for attempt in 1 2 3; do
    port="$(free_tcp_port)" || { _pg_log "no free TCP port"; pg_stop_throwaway; return 1; }
    _pg_log "starting on 127.0.0.1:$port"
    if _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port $opts" start >/dev/null 2>&1; then
      break
    fi
    _pg_log "start attempt $attempt failed; log:"
    tail -n 20 "$dir/postgres.log" >&2 2>/dev/null || true
    port=""
  done
  if [[ -z "$port" ]]; then
    pg_stop_throwaway
    return 1
  fi

  local i
  for ((i = 0; i < 120; i++)); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    sleep 0.5
  done
  if ! "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
    _pg_log "server did not become ready; log:"
    tail -n 30 "$dir/postgres.log" >&2 || true
    pg_stop_throwaway
    return 1
  fi

  export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres
  export INTEROP_PG_ADMIN="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  _pg_log "ready on 127.0.0.1:$port (data and log in $dir)"
}

# Stops the throwaway cluster and removes its directory. Idempotent; never fails,
# so it is safe in traps.
pg_stop_throwaway() {
  local dir="${_PG_THROWAWAY_DIR:-}"
  [[ -n "$dir" ]] || return 0
  _PG_THROWAWAY_DIR=""
  unset INTEROP_PG_DIR
  if [[ -d "$dir" ]]; then
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      local bindir="${_PG_BINDIR:-}"
      [[ -n "$bindir" ]] || bindir="$(pg_bindir 2>/dev/null)" || true
      _pg_log "stopping the cluster in $dir"
      if [[ -n "$bindir" ]]; then
        _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
      fi
      # Still there (pg_ctl missing, or shutdown hung)? Kill the postmaster.
      if [[ -f "$dir/data/postmaster.pid" ]]; then
        local pid
        pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)" || true
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
          _pg_log "postmaster $pid still running: SIGQUIT, then SIGKILL"
          kill -QUIT "$pid" 2>/dev/null || true
          local i
          for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
          kill -KILL "$pid" 2>/dev/null || true
        fi
      fi
    fi
    rm -rf -- "$dir" || true
    _pg_log "removed $dir"
  fi
  unset PGHOST PGPORT PGUSER INTEROP_PG_ADMIN
  return 0
}

# pg_create_database NAME — creates a database owned by postgres in the running
# throwaway cluster.
pg_create_database() {
  local name="${1:?pg_create_database NAME}"
  [[ -n "${PGPORT:-}" ]] || { _pg_log "no throwaway cluster running"; return 1; }
  local bindir="${_PG_BINDIR:-}"
  [[ -n "$bindir" ]] || bindir="$(pg_bindir)" || return 1
  _pg_log "creating database $name"
  "$bindir/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres -- "$name"
}
