#!/usr/bin/env bash
# Brings the carbon registry's local Fabric network up and down as native processes on 127.0.0.1:
# 3 organisations (Government, Certifier, Developer), each with a Fabric CA and a peer, and 4
# SmartBFT ordering nodes. Run with -h for the verbs.
set -euo pipefail
SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scripts/network"
source "$SCRIPTS/lib.sh"
source "$SCRIPTS/topology.sh"
source "$SCRIPTS/organizations.sh"
source "$SCRIPTS/nodes.sh"
source "$SCRIPTS/channel.sh"
source "$SCRIPTS/chaincode.sh"
source "$SCRIPTS/status.sh"
source "$SCRIPTS/profile.sh"
source "$SCRIPTS/../stack/services.sh"

usage() {
  cat <<USAGE
Usage: ./test-network.sh <verb> [argument]

Verbs:
  up              generate identities from the organisations' CAs, start 3 CAs, 4 orderers and
                  3 peers, create channel '$CHANNEL_NAME' and join every node (idempotent)
  createChannel   create and join the channel on a network whose nodes are up
  deployCC        build, package, install, approve, commit and start chaincode '$CHAINCODE_NAME';
                  again after a change it upgrades the definition (sequence + 1)
  status          table of every node and process with its block height
  enroll <org> <name> [attributes]
                  register and enrol a person with the organisation's CA (government, certifier,
                  developer), e.g. enroll developer alice carbon.companyId=DEV-1,carbon.role=Manager;
                  prints the person's MSP folder
  height <node>   the channel's block height on one orderer or peer
  ports           every port of the network, one "port name" per line
  logs <node>     print a node's log (e.g. peer0.government, orderer1.government, ca.certifier, chaincode)
  stop <node>     stop one node (for fault tests); start <node> starts it again
  replicaStore    start the embedded CouchDB-protocol server for the query replica (pouchdb-server;
                  nothing when COUCHDB_URL names a CouchDB)
  gateway         start the gateway API (needs the network, the chaincode and the replica store)
  explorer        build the explorer web app if its sources changed, and serve it (vite preview)
                  with its API proxied to the gateway
  buildExplorer [dir]
                  only build the explorer, into explorer-ui/dist or the folder given, if its sources
                  changed since that build
  down            stop everything this script started and delete the generated state
  build           build Fabric's binaries from the pinned Go modules (done by 'up' when needed)
  -h, --help      this help

Environment: CARBON_NETWORK_HOME (state folder, default network/), CARBON_PORT_OFFSET (shifts
every port), ORDERER_TYPE (BFT or etcdraft), COUCHDB_URL (a real CouchDB for the replica), and
each port in network/network.env.
USAGE
}

check_prerequisites() {
  local missing=()
  command -v go >/dev/null || missing+=("go (Go 1.24+: https://go.dev/doc/install or 'apt-get install golang')")
  command -v node >/dev/null || missing+=("node (Node.js 20: https://nodejs.org or 'apt-get install nodejs')")
  command -v gcc >/dev/null || missing+=("gcc (for Fabric CA's sqlite: 'apt-get install gcc')")
  command -v envsubst >/dev/null || missing+=("envsubst ('apt-get install gettext-base')")
  command -v setsid >/dev/null || missing+=("setsid ('apt-get install util-linux')")
  command -v flock >/dev/null || missing+=("flock ('apt-get install util-linux')")
  if ((${#missing[@]})); then
    printf 'Error: missing prerequisites:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
  fi
}

check_ports_free() {
  local port name busy=0
  while read -r port name; do
    if port_in_use "$port"; then
      warn "port $port (for $name) is already in use by $(port_owner "$port")"
      busy=1
    fi
  done < <(all_ports)
  ((busy == 0)) || fatal "ports in use; nothing was started. Stop those processes or set CARBON_PORT_OFFSET."
}

network_up() {
  local start
  start=$(date +%s)
  check_prerequisites
  if network_running; then
    ok "network already running (state in $NETWORK_HOME); nothing to do"
    return 0
  fi
  if any_running; then
    fatal "part of the network is running; run './test-network.sh down' first (or 'status' to see which part)"
  fi
  "$SCRIPTS/build-fabric.sh"
  check_ports_free
  info "Starting the network (state in $NETWORK_HOME)"
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR"
  create_organisations
  start_ordering_and_peers
  create_channel
  write_network_profile
  ok "network up in $(elapsed_since "$start")s"
}

network_down() {
  local n stopped=0 nodes
  mapfile -t nodes < <(known_nodes)
  for n in "${nodes[@]}" chaincode-supervisor chaincode "${APPLICATION_PROCESSES[@]}"; do
    if running_pid "$n" >/dev/null; then stopped=$((stopped + 1)); fi
  done
  # The application first: the gateway holds connections to the peers and to CouchDB.
  stop_application
  stop_chaincode_service
  stop_daemons "${nodes[@]}"
  # Only generated state is removed; the committed network configuration stays.
  rm -rf "$ORGS_DIR" "$DATA_DIR" "$ARTIFACTS_DIR" "$CC_WORK" "$RUN_DIR" "$LOG_DIR" "$(network_profile)" \
    "$REPLICA_STORE_HOME" "$GATEWAY_DATA_DIR"
  ok "network down: $stopped process(es) stopped, generated state removed from $NETWORK_HOME"
}

show_logs() {
  local name=${1:-}
  [[ -n $name ]] || fatal "logs needs a node name: $(known_nodes | tr '\n' ' ')chaincode"
  [[ -f $LOG_DIR/$name.log ]] || fatal "no log for '$name' in $LOG_DIR"
  cat "$LOG_DIR/$name.log"
}

main() {
  local verb=${1:-}
  case $verb in
  up) network_up ;;
  createChannel) create_channel ;;
  deployCC) deploy_chaincode ;;
  status) print_status ;;
  logs) show_logs "${2:-}" ;;
  ports) all_ports ;;
  enroll)
    [[ -n ${2:-} && -n ${3:-} ]] || fatal "enroll needs an organisation and a name"
    enroll_person "$2" "$3" "${4:-}"
    ;;
  height)
    case ${2:-} in
    orderer*) orderer_height "$2" ;;
    peer*) peer_height "$2" ;;
    *) fatal "height needs an orderer or peer name" ;;
    esac
    ;;
  stop)
    [[ -n ${2:-} ]] || fatal "stop needs a node name"
    if [[ $2 == chaincode ]]; then stop_chaincode_service; else stop_daemon "$2"; fi
    ok "$2 stopped"
    ;;
  start)
    [[ -n ${2:-} ]] || fatal "start needs a node name"
    if [[ $2 == chaincode ]]; then
      start_chaincode_service "$(<"$RUN_DIR/chaincode.package-id")"
    else start_node "$2"; fi
    ok "$2 started"
    ;;
  build) "$SCRIPTS/build-fabric.sh" ;;
  replicaStore) start_replica_store ;;
  gateway) start_gateway ;;
  explorer) start_explorer ;;
  buildExplorer) build_explorer "${2:-}" ;;
  down) network_down ;;
  -h | --help | help) usage ;;
  *)
    [[ -n $verb ]] && printf "Error: unknown verb '%s'\n\n" "$verb" >&2
    usage >&2
    exit 2
    ;;
  esac
}

main "$@"
