#!/usr/bin/env bash
# deploy/test.sh — the test command: buf lint, then every test in Interop.sln
# against a throwaway PostgreSQL cluster, then one smoke run of every benchmark.
#
#   deploy/test.sh                       # everything (what CI runs)
#   deploy/test.sh --filter 'FullyQualifiedName~Numbering'   # extra args go to `dotnet test`
#
# The test fixtures read INTEROP_TEST_POSTGRES: an admin connection string to a
# fresh cluster (they create their own databases).
#
# The last line of output is always `N passed, N failed`: the tests of every
# assembly added up, plus one check for buf lint and one per benchmark smoke run
# (and one failed check for a failed build, a test run that crashed, or a run in
# which no test ran). The exit status is non-zero exactly when N failed is not 0.
#
# The benchmarks are programs, never tests; a benchmark that no longer runs is
# a defect all the same, so each runs once with --smoke (its whole path on tiny
# sizes, in seconds) on the Release build and the cluster of the tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Plain, parseable output even on a terminal.
export MSBUILDTERMINALLOGGER=off

# shellcheck source=deploy/postgres.sh
. "$ROOT/deploy/postgres.sh"

passed=0
failed=0
WORK="$(mktemp -d "${TMPDIR:-/tmp}/interop-test.XXXXXXXX")"

cleanup() {
  pg_stop_throwaway
  rm -rf -- "$WORK"
}

finish() {
  trap - EXIT INT TERM
  # Clean up first, so that the summary really is the last line.
  cleanup
  echo
  echo "$passed passed, $failed failed"
  if ((failed > 0)); then exit 1; fi
  exit 0
}

# Any other way out (an unexpected error under set -e, Ctrl-C) still cleans up
# and still ends with the summary line, counting the abort as one failure.
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  cleanup
  echo
  echo "test.sh: aborted (exit code $rc)"
  echo "$passed passed, $((failed + 1)) failed"
  exit $((rc == 0 ? 1 : rc))
}
trap on_exit EXIT
trap 'echo "test.sh: interrupted" >&2; exit 130' INT
trap 'echo "test.sh: terminated" >&2; exit 143' TERM

step() { printf '\n== %s\n' "$*"; }

pg_ensure_installed

# --- buf lint (one check) ---------------------------------------------------
step "buf lint"
if ! npm ci --prefix protos --no-audit --no-fund >"$WORK/npm.log" 2>&1; then
  cat "$WORK/npm.log"
  echo "buf lint: FAILED (npm ci --prefix protos failed)"
  failed=$((failed + 1))
elif ! protos/node_modules/.bin/buf lint >"$WORK/buf.log" 2>&1; then
  cat "$WORK/buf.log"
  echo "buf lint: FAILED"
  failed=$((failed + 1))
else
  echo "buf lint: ok"
  passed=$((passed + 1))
fi

# --- deployment files (one check) -------------------------------------------
# The Kubernetes manifests as kustomize renders them, against the API schemas,
# and the compose file's shape (deploy/validate; nothing is deployed).
step "deploy files"
if ! npm ci --prefix deploy/validate --no-audit --no-fund >"$WORK/npm-deploy.log" 2>&1; then
  cat "$WORK/npm-deploy.log"
  echo "deploy files: FAILED (npm ci --prefix deploy/validate failed)"
  failed=$((failed + 1))
elif command -v kubectl >/dev/null && ! kubectl kustomize deploy/kubernetes >"$WORK/kustomize.yaml" 2>&1; then
  cat "$WORK/kustomize.yaml"
  echo "deploy files: FAILED (kubectl kustomize)"
  failed=$((failed + 1))
elif ! node deploy/validate/validate.mjs <"$(if command -v kubectl >/dev/null; then echo "$WORK/kustomize.yaml"; else echo /dev/null; fi)"; then
  echo "deploy files: FAILED"
  failed=$((failed + 1))
else
  echo "deploy files: ok"
  passed=$((passed + 1))
fi

# --- the official geography the hub reads (npm package) ----------------------
step "npm ci --prefix hub/geography"
if ! npm ci --prefix hub/geography --no-audit --no-fund >"$WORK/npm-geography.log" 2>&1; then
  cat "$WORK/npm-geography.log"
  echo "geography: npm ci failed; the tests that need the official geography will fail"
fi

# --- the observatory report's chart library (npm package, copied into the hub's output) ------
step "npm ci --prefix hub/observatoire"
if ! npm ci --prefix hub/observatoire --no-audit --no-fund >"$WORK/npm-observatoire.log" 2>&1; then
  cat "$WORK/npm-observatoire.log"
  echo "observatoire: npm ci failed; the report has no charts and its browser test will fail"
fi

# --- PostgreSQL ---------------------------------------------------------------
step "PostgreSQL"
pg_start_throwaway --fast
export INTEROP_TEST_POSTGRES="$INTEROP_PG_ADMIN"
echo "INTEROP_TEST_POSTGRES=$INTEROP_TEST_POSTGRES"

# --- build once -------------------------------------------------------------
step "dotnet build Interop.sln -c Release"
if ! dotnet build Interop.sln -c Release; then
  echo "build: FAILED"
  failed=$((failed + 1))
  finish
fi

# --- tests ------------------------------------------------------------------
step "dotnet test Interop.sln -c Release --no-build $*"
set +e
dotnet test Interop.sln -c Release --no-build "$@" 2>&1 | tee "$WORK/test.log"
test_rc=${PIPESTATUS[0]}
set -e

# xunit v2 prints one summary line per test assembly:
#   Passed!  - Failed:     0, Passed:    11, Skipped:     0, Total:    11, Duration: ...
#   Failed!  - Failed:     2, Passed:     9, Skipped:     0, Total:    11, Duration: ...
read -r t_passed t_failed t_skipped t_assemblies < <(
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$WORK/test.log" | awk '
    /(Passed|Failed)! +- +Failed: *[0-9]+, *Passed: *[0-9]+/ {
      line = $0
      match(line, /Failed: *[0-9]+/);  f += substr(line, RSTART + 7, RLENGTH - 7) + 0
      match(line, /Passed: *[0-9]+/);  p += substr(line, RSTART + 7, RLENGTH - 7) + 0
      if (match(line, /Skipped: *[0-9]+/)) s += substr(line, RSTART + 8, RLENGTH - 8) + 0
      n++
    }
    END { printf "%d %d %d %d\n", p, f, s, n }'
)

echo
echo "tests: $t_passed passed, $t_failed failed, $t_skipped skipped in $t_assemblies test assemblies (dotnet test exit code $test_rc)"
passed=$((passed + t_passed))
failed=$((failed + t_failed))

if ((t_passed + t_failed == 0)); then
  echo "tests: FAILED: no test ran"
  failed=$((failed + 1))
elif ((test_rc != 0 && t_failed == 0)); then
  echo "tests: FAILED: dotnet test exited with $test_rc but reported no failed test (crash or build problem: see above)"
  failed=$((failed + 1))
fi

# --- benchmark smoke runs (one check each) -----------------------------------
# Each program's --smoke, from the build above (no second build), against the
# tests' cluster: quiet when it passes, its whole output when it fails. The
# timeout ends a hung run: timeout signals its whole process group, so the hub
# process a benchmark started goes too.
SMOKE_TIMEOUT=180

smoke() {
  local name="$1" dll="$2"
  shift 2
  local log="$WORK/smoke-$name.log" started rc
  started=$SECONDS
  set +e
  timeout --kill-after=10 "$SMOKE_TIMEOUT" dotnet "$dll" "$@" --smoke >"$log" 2>&1
  rc=$?
  set -e
  if ((rc == 0)); then
    echo "smoke $name: ok in $((SECONDS - started)) s"
    passed=$((passed + 1))
  else
    cat "$log"
    if ((rc == 124 || rc == 137)); then
      echo "smoke $name: FAILED: still running after ${SMOKE_TIMEOUT} s"
    else
      echo "smoke $name: FAILED (exit code $rc after $((SECONDS - started)) s)"
    fi
    failed=$((failed + 1))
  fi
}

step "benchmark smoke runs (--smoke)"
smoke_started=$SECONDS
BENCH="tests/Interop.Benchmarks/bin/Release/net10.0/Interop.Benchmarks.dll"
smoke registrations "$BENCH" registrations
smoke fresh "$BENCH" fresh
smoke findmatches "$BENCH" findmatches
smoke feed "tests/Interop.Feed.Benchmarks/bin/Release/net10.0/Interop.Feed.Benchmarks.dll"
# The subscribers in a process of their own (the protocol between the two processes), one round: 27-32 s at load 15-18.
smoke feed-apart "tests/Interop.Feed.Benchmarks/bin/Release/net10.0/Interop.Feed.Benchmarks.dll" --subscribers-apart --rounds 1
smoke matching "tests/Interop.Matching.Benchmarks/bin/Release/net10.0/Interop.Matching.Benchmarks.dll"
smoke client "tests/Interop.Client.Benchmarks/bin/Release/net10.0/Interop.Client.Benchmarks.dll"
smoke cotation "tests/Interop.Cotation.Benchmarks/bin/Release/net10.0/Interop.Cotation.Benchmarks.dll"
smoke observatory "tests/Interop.Observatory.Benchmarks/bin/Release/net10.0/Interop.Observatory.Benchmarks.dll"
smoke heldout "tests/Interop.Matching.HeldOut/bin/Release/net10.0/Interop.Matching.HeldOut.dll"
smoke matchreg "tests/Interop.Matching.Registration/bin/Release/net10.0/Interop.Matching.Registration.dll"
smoke exchange "tests/Interop.NationalExchange.Benchmarks/bin/Release/net10.0/Interop.NationalExchange.Benchmarks.dll"
smoke adapterlag "tests/Interop.Adapters.Benchmarks/bin/Release/net10.0/Interop.Adapters.Benchmarks.dll"
smoke onboarding "tests/Interop.Adapters.Benchmarks/bin/Release/net10.0/Interop.Adapters.Benchmarks.dll" onboarding
echo "benchmark smoke runs: $((SECONDS - smoke_started)) s"

finish
