#!/usr/bin/env bash
# The registry's application processes beside the Fabric network: the embedded CouchDB-protocol
# server holding the query replica (pouchdb-server, unless COUCHDB_URL names a real CouchDB) and
# the gateway API. Daemons like the network's: started with setsid, PIDs recorded in RUN_DIR,
# logs in LOG_DIR, data under NETWORK_HOME so "down" removes it with the ledger it mirrors.
# Sourced after lib.sh.

REPLICA_STORE_HOME="$NETWORK_HOME/couchdb"
GATEWAY_DATA_DIR="$NETWORK_HOME/gateway"
APPLICATION_PROCESSES=(gateway couchdb)

replica_store_url() { echo "${COUCHDB_URL:-http://$HOST:$COUCHDB_PORT}"; }
gateway_url() { echo "http://$HOST:$GATEWAY_PORT"; }

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
    cd "$REPLICA_STORE_HOME"
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
    cd "$REPO_ROOT/gateway-api"
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

stop_application() {
  stop_daemons "${APPLICATION_PROCESSES[@]}"
}
