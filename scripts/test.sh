#!/usr/bin/env bash
# npm test: installs what is missing, then runs every suite — static checks, unit tests and the
# tests against a real Fabric network — and ends with one line "N passed, N failed".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/network/lib.sh"
source "$REPO_ROOT/scripts/setup/ensure-installed.sh"
cd "$REPO_ROOT" || exit 1

set -e
ensure_npm_packages
ensure_fabric_binaries
ensure_schemathesis
ensure_chromium
export SCHEMATHESIS="$SCHEMATHESIS_HOME/bin/st" CHROMIUM
set +e

REPORT_DIR="$REPO_ROOT/reports/test"
mkdir -p "$REPORT_DIR"
passed=0 failed=0 pending=0 broken=()

# run_suite <name> <command…>: a mocha or vitest suite; its counts are read from the reporter's
# summary ("N passing / N failing / N pending", or vitest's "Tests  N passed | N failed | N skipped").
run_suite() {
  local name=$1 log="$REPORT_DIR/$1.log" status p f s vitest
  shift
  info "Suite: $name"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  p=$(sed -n 's/^ *\([0-9][0-9]*\) passing.*/\1/p' "$log" | tail -n 1)
  f=$(sed -n 's/^ *\([0-9][0-9]*\) failing.*/\1/p' "$log" | tail -n 1)
  s=$(sed -n 's/^ *\([0-9][0-9]*\) pending.*/\1/p' "$log" | tail -n 1)
  vitest=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *Tests +[0-9]' | tail -n 1)
  if [[ -n $vitest ]]; then
    p=$(sed -n 's/.* \([0-9][0-9]*\) passed.*/\1/p' <<<"$vitest")
    f=$(sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p' <<<"$vitest")
    s=$(sed -n 's/.* \([0-9][0-9]*\) skipped.*/\1/p' <<<"$vitest")
  fi
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) pending=$((pending + ${s:-0}))
  if ((status != 0)); then
    broken+=("$name")
    # A suite that crashed before reporting still counts as a failure.
    [[ -z $f || $f == 0 ]] && failed=$((failed + 1))
  fi
}

# run_check <name> <command…>: a static check (types, lint) counts as one test.
run_check() {
  local name=$1 log="$REPORT_DIR/$1.log"
  shift
  info "Check: $name"
  if "$@" >"$log" 2>&1; then
    ok "$name"
    passed=$((passed + 1))
  else
    cat "$log"
    warn "$name failed"
    failed=$((failed + 1))
    broken+=("$name")
  fi
}

run_check typecheck npm run --silent typecheck
run_check lint npm run --silent lint
run_suite chaincode-unit npm run --silent test -w chaincode
run_suite gateway-unit npm run --silent test -w gateway-api
run_suite explorer-unit npm run --silent test -w explorer-ui
run_suite network npm run --silent test:network -w tests/network

echo
if ((${#broken[@]})); then warn "failed: ${broken[*]} (logs in $REPORT_DIR)"; fi
if ((pending > 0)); then
  echo "$passed passed, $failed failed, $pending skipped"
else
  echo "$passed passed, $failed failed"
fi
((failed == 0 && ${#broken[@]} == 0))
