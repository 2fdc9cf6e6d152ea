#!/usr/bin/env bash
# The registry's application processes beside the Fabric network: the embedded CouchDB-protocol
# server holding the query replica (pouchdb-server, unless COUCHDB_URL names a real CouchDB), the
# gateway API and the explorer web app (served by vite preview). Daemons like the network's: started with setsid, PIDs recorded in RUN_DIR,
# logs in LOG_DIR, data under NETWORK_HOME so "down" removes it with the ledger it mirrors.
# Sourced after lib.sh.

REPLICA_STORE_HOME="$NETWORK_HOME/couchdb"
GATEWAY_DATA_DIR="$NETWORK_HOME/gateway"
EXPLORER_DIR="$REPO_ROOT/explorer-ui"
# Stopped in this order: the explorer proxies to the gateway, which holds connections to CouchDB.
APPLICATION_PROCESSES=(explorer gateway couchdb)

replica_store_url() { echo "${COUCHDB_URL:-http://$HOST:$COUCHDB_PORT}"; }
gateway_url() { echo "http://$HOST:$GATEWAY_PORT"; }
explorer_url() { echo "http://$HOST:$EXPLORER_PORT"; }

start_replica_store() {
  if [[ -n ${COUCHDB_URL:-} ]]; then
    ok "query replica in the CouchDB at $COUCHDB_URL"
    return 0
  fi
  if running_pid couchdb >/dev/null; then
    ok "embedded CouchDB already running at $(replica_store_url)"
    return 0
  fi
  port_in_use "$COUCHDB_PORT" && fatal "port $COUCHDB_PORT (embedded CouchDB) is in use by $(port_owner "$COUCHDB_PORT")"
  mkdir -p "$REPLICA_STORE_HOME/data"
  (
    # pouchdb-server writes its config and log files into its working folder.
    cd "$REPLICA_STORE_HOME" || exit 1
    start_daemon couchdb "$REPO_ROOT/node_modules/.bin/pouchdb-server" --host "$HOST" --port "$COUCHDB_PORT" \
      --dir "$REPLICA_STORE_HOME/data" --config "$REPLICA_STORE_HOME/config.json" --no-stdout-logs
  )
  wait_for_port "$COUCHDB_PORT" 60 couchdb
  ok "embedded CouchDB (pouchdb-server) at $(replica_store_url), data in $REPLICA_STORE_HOME"
}

start_gateway() {
  if running_pid gateway >/dev/null; then
    ok "gateway API already running at $(gateway_url)"
    return 0
  fi
  port_in_use "$GATEWAY_PORT" && fatal "port $GATEWAY_PORT (gateway API) is in use by $(port_owner "$GATEWAY_PORT")"
  mkdir -p "$GATEWAY_DATA_DIR"
  (
    cd "$REPO_ROOT/gateway-api" || exit 1
    export CARBON_NETWORK_HOME="$NETWORK_HOME" GATEWAY_HOST="$HOST" GATEWAY_PORT COUCHDB_URL
    COUCHDB_URL=$(replica_store_url)
    export GATEWAY_DATA_DIR
    start_daemon gateway node --import tsx src/main.ts
  )
  wait_for_health
  ok "gateway API at $(gateway_url)"
}

# Waits until /health answers (the gateway reached CouchDB and the peer).
wait_for_health() {
  local i
  for ((i = 0; i < 600; i++)); do
    curl -fsS "$(gateway_url)/health" >/dev/null 2>&1 && return 0
    running_pid gateway >/dev/null || fatal "the gateway exited during start-up; see $LOG_DIR/gateway.log:
$(tail -n 15 "$LOG_DIR/gateway.log" 2>/dev/null)"
    sleep 0.1
  done
  fatal "the gateway did not answer /health within 60s; see $LOG_DIR/gateway.log"
}

# Written into a build with the build's start time, so a source saved while vite was building still counts as newer.
explorer_stamp() { echo "$1/.built-from-sources"; }

# explorer_build_needed <out dir>: true when that build is missing or a source of the explorer changed since it was made.
explorer_build_needed() {
  local stamp sources
  stamp=$(explorer_stamp "$1")
  [[ -f $stamp && -f $1/index.html ]] || return 0
  sources=("$EXPLORER_DIR"/{src,public,index.html,vite.config.ts,package.json,tsconfig.json} "$REPO_ROOT/package-lock.json")
  [[ -n $(find "${sources[@]}" -newer "$stamp" -print -quit 2>/dev/null) ]]
}

# build_explorer [out dir]: builds the explorer (vite build, 6 s on 2 idle cores) into explorer-ui/dist, or into the
# folder given (the tests keep their own, which nobody else's build can empty under them), when that build is stale.
# Type errors are the typecheck's business (npm run typecheck); the build only bundles. Under a lock on the explorer's
# folder, because npm start and npm test may both build at once and would write over each other.
build_explorer() {
  local out lock started
  out=$(realpath -m "${1:-$EXPLORER_DIR/dist}")
  exec {lock}<"$EXPLORER_DIR"
  flock "$lock"
  if ! explorer_build_needed "$out"; then
    exec {lock}<&-
    ok "explorer build up to date ($out)"
    return 0
  fi
  info "Building the explorer (vite build into $out)"
  started=$(date +%s)
  mkdir -p "$LOG_DIR"
  if ! (cd "$EXPLORER_DIR" && "$REPO_ROOT/node_modules/.bin/vite" build --outDir "$out" --emptyOutDir) \
    >"$LOG_DIR/explorer-build.log" 2>&1; then
    exec {lock}<&-
    fatal "the explorer's build failed; see $LOG_DIR/explorer-build.log:
$(tail -n 15 "$LOG_DIR/explorer-build.log")"
  fi
  touch -d "@$started" "$(explorer_stamp "$out")"
  exec {lock}<&-
  ok "explorer built in $(elapsed_since "$started")s"
}

# Serves explorer-ui/dist with vite preview: the same /api proxy to the gateway as the dev server
# (vite.config.ts reads GATEWAY_URL), and index.html for every unknown path so deep links reload.
start_explorer() {
  if running_pid explorer >/dev/null; then
    ok "explorer already running at $(explorer_url)"
    return 0
  fi
  port_in_use "$EXPLORER_PORT" && fatal "port $EXPLORER_PORT (explorer) is in use by $(port_owner "$EXPLORER_PORT")"
  build_explorer "$EXPLORER_DIR/dist"
  (
    cd "$EXPLORER_DIR" || exit 1
    export GATEWAY_URL
    GATEWAY_URL=$(gateway_url)
    start_daemon explorer "$REPO_ROOT/node_modules/.bin/vite" preview --host "$HOST" --port "$EXPLORER_PORT" --strictPort
  )
  wait_for_explorer
  ok "explorer at $(explorer_url) (API through $(gateway_url))"
}

# Waits until the explorer answers a deep link with its page, which also proves the SPA fallback.
wait_for_explorer() {
  local i
  for ((i = 0; i < 300; i++)); do
    curl -fsS "$(explorer_url)/programmes" 2>/dev/null | grep -q '<div id="app">' && return 0
    running_pid explorer >/dev/null || fatal "the explorer exited during start-up; see $LOG_DIR/explorer.log:
$(tail -n 15 "$LOG_DIR/explorer.log" 2>/dev/null)"
    sleep 0.1
  done
  fatal "the explorer did not answer within 30s; see $LOG_DIR/explorer.log"
}

stop_application() {
  stop_daemons "${APPLICATION_PROCESSES[@]}"
}
