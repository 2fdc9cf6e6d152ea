#!/usr/bin/env bash
# npm start: from a fresh clone to a running registry — installs what is missing, builds Fabric if
# needed, brings the network up, deploys chaincode "carbon", starts the query replica's CouchDB and
# the gateway API, builds and serves the explorer web app, seeds a demonstration data set (unless
# CARBON_SEED=0 or --no-seed), and prints where everything is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/network/lib.sh"
source "$REPO_ROOT/scripts/stack/services.sh"
source "$REPO_ROOT/scripts/setup/ensure-installed.sh"
cd "$REPO_ROOT"

seed=${CARBON_SEED:-1}
for arg in "$@"; do
  case $arg in
  --no-seed) seed=0 ;;
  *) fatal "unknown option '$arg' (npm start -- --no-seed skips the demonstration data)" ;;
  esac
done

started=$(date +%s)
ensure_npm_packages
ensure_fabric_binaries
./test-network.sh up
./test-network.sh deployCC
./test-network.sh replicaStore
./test-network.sh gateway
./test-network.sh explorer
if [[ $seed == 1 ]]; then
  info "Seeding the demonstration data set (skip with: npm start -- --no-seed)"
  CARBON_NETWORK_HOME="$NETWORK_HOME" GATEWAY_URL="$(gateway_url)" node --import tsx scripts/seed/demo.ts
fi
echo
./test-network.sh status
echo
ok "Carbon registry ready in $(elapsed_since "$started")s (state and logs in $NETWORK_HOME)"
echo "   Explorer:         $(explorer_url)"
echo "   Gateway API:      $(gateway_url)/api/v1"
echo "   API docs:         $(gateway_url)/docs   (OpenAPI 3.1: $(gateway_url)/openapi.json)"
echo "   Health:           $(gateway_url)/health"
echo "   Query replica:    $(replica_store_url)"
echo "   Network for clients: $NETWORK_HOME/network.json"
if [[ -f $GATEWAY_DATA_DIR/demo-logins.txt ]]; then
  echo
  echo "   Demonstration log-ins (e-mail / password):"
  sed 's/^/     /' "$GATEWAY_DATA_DIR/demo-logins.txt"
fi
echo
echo "   Logs: ./test-network.sh logs <node|gateway|couchdb|explorer>    Stop everything: npm stop"
