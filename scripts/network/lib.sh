#!/usr/bin/env bash
# Shared paths, logging and process helpers for the local network scripts.
# Sourced, never run: every other script in scripts/network/ starts with it.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
FABRIC_DIR="$REPO_ROOT/network/fabric"
FABRIC_BIN="$FABRIC_DIR/bin"
FABRIC_SAMPLECONFIG="$FABRIC_DIR/config"
# Everything a running network generates lives under NETWORK_HOME, so a test run can use
# its own folder (and its own ports, see network.env) beside a developer's network.
NETWORK_HOME="${CARBON_NETWORK_HOME:-$REPO_ROOT/network}"
ORGS_DIR="$NETWORK_HOME/organizations"
LOG_DIR="$NETWORK_HOME/logs"
RUN_DIR="$NETWORK_HOME/run"
DATA_DIR="$NETWORK_HOME/data"
ARTIFACTS_DIR="$NETWORK_HOME/channel-artifacts"
export PATH="$FABRIC_BIN:$PATH"
# Fabric's CLIs read core.yaml from here; the daemons get it explicitly too.
export FABRIC_CFG_PATH="$FABRIC_SAMPLECONFIG"

# shellcheck source=../../network/network.env
source "$REPO_ROOT/network/network.env"

if [[ -t 1 ]]; then
  C_BOLD=$'\e[1m' C_GREEN=$'\e[32m' C_RED=$'\e[31m' C_YELLOW=$'\e[33m' C_RESET=$'\e[0m'
else
  C_BOLD='' C_GREEN='' C_RED='' C_YELLOW='' C_RESET=''
fi

info() { printf '%s==>%s %s\n' "$C_BOLD" "$C_RESET" "$*"; }
ok() { printf '%s  ✔%s %s\n' "$C_GREEN" "$C_RESET" "$*"; }
warn() { printf '%s  !%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
fatal() {
  printf '%sError:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2
  exit 1
}

# Fabric CLIs are noisy at INFO; daemons keep their own level in their environment.
cli() { FABRIC_LOGGING_SPEC=ERROR "$@"; }

# retry <attempts> <delay seconds> <command…>: for steps that race a daemon's start-up.
retry() {
  local attempts=$1 delay=$2 n=1
  shift 2
  until "$@"; do
    ((n >= attempts)) && return 1
    n=$((n + 1))
    sleep "$delay"
  done
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# The recorded PID of a node if that process is alive, else nothing.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# start_daemon <name> <command…>: runs the command in its own session, logs to logs/<name>.log
# and records its real PID. The caller sets the environment.
start_daemon() {
  local name=$1
  shift
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  setsid "$@" </dev/null >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$(pid_file "$name")"
}

# stop_daemons <name…>: TERM each by recorded PID at once, KILL what is left after 10 s, then
# forget the PIDs. Stopping together matters: peers and orderers take ~2 s each to shut down.
stop_daemons() {
  local name pid i pids=()
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$name:$pid")
    fi
  done
  for ((i = 0; i < 100; i++)); do
    local alive=0 entry
    for entry in "${pids[@]}"; do kill -0 "${entry#*:}" 2>/dev/null && alive=1; done
    ((alive == 0)) && break
    sleep 0.1
  done
  for entry in "${pids[@]}"; do
    if kill -0 "${entry#*:}" 2>/dev/null; then
      warn "${entry%%:*} (pid ${entry#*:}) ignored TERM; sending KILL"
      kill -KILL "${entry#*:}" 2>/dev/null || true
    fi
  done
  for name in "$@"; do rm -f "$(pid_file "$name")"; done
}

stop_daemon() { stop_daemons "$1"; }

# wait_for_port <port> <seconds> <name>
wait_for_port() {
  local port=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    if ! running_pid "$name" >/dev/null; then
      fatal "$name exited during start-up; see $LOG_DIR/$name.log:
$(tail -n 15 "$LOG_DIR/$name.log" 2>/dev/null)"
    fi
    sleep 0.1
  done
  fatal "$name did not open port $port within ${seconds}s; see $LOG_DIR/$name.log"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Names the process listening on a port, for the "port already in use" message.
port_owner() {
  local port=$1 line
  line=$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n 1)
  if [[ $line =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]} (pid ${BASH_REMATCH[2]})"
  else
    echo "an unknown process"
  fi
}

elapsed_since() { echo "$(($(date +%s) - $1))"; }
