#!/usr/bin/env bash
# npm start: from a fresh clone to a running registry network — installs what is missing,
# builds Fabric if needed, brings the network up, deploys chaincode "carbon", prints the status.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/network/lib.sh"
source "$REPO_ROOT/scripts/setup/ensure-installed.sh"
cd "$REPO_ROOT"

started=$(date +%s)
ensure_npm_packages
ensure_fabric_binaries
./test-network.sh up
./test-network.sh deployCC
echo
./test-network.sh status
echo
ok "Carbon registry network ready in $(elapsed_since "$started")s (state and logs in $NETWORK_HOME)"
echo "   Network description for clients: $NETWORK_HOME/network.json"
echo "   Logs: ./test-network.sh logs <node>    Stop everything: npm stop"
