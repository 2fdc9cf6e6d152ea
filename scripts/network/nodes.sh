#!/usr/bin/env bash
# Starts and stops the ordering nodes and peers as native processes on 127.0.0.1.
# Each node's settings come from Fabric's sample orderer.yaml/core.yaml plus the environment
# below, so nothing node-specific is kept in a config file. Sourced after lib.sh and topology.sh.

all_tls_cas() {
  local org list=()
  for org in "${ORGS[@]}"; do list+=("$(org_tls_ca "$org")"); done
  local IFS=,
  echo "[${list[*]}]"
}

start_orderer() {
  local name=$1 dir org port
  running_pid "$name" >/dev/null && return 0
  dir=$(node_dir "$name")
  org=$(node_org "$name")
  port=$(node_port "$name")
  mkdir -p "$DATA_DIR/$name"
  (
    export FABRIC_CFG_PATH="$FABRIC_SAMPLECONFIG"
    export FABRIC_LOGGING_SPEC="${ORDERER_LOGGING_SPEC:-INFO}"
    export ORDERER_GENERAL_LISTENADDRESS=$HOST ORDERER_GENERAL_LISTENPORT=$port
    export ORDERER_GENERAL_LOCALMSPID ORDERER_GENERAL_LOCALMSPDIR="$dir/msp"
    ORDERER_GENERAL_LOCALMSPID=$(org_msp "$org")
    export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
    export ORDERER_GENERAL_TLS_ENABLED=true
    export ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key"
    export ORDERER_GENERAL_TLS_ROOTCAS
    ORDERER_GENERAL_TLS_ROOTCAS=$(all_tls_cas)
    export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$dir/tls/server.crt"
    export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$dir/tls/server.key"
    export ORDERER_GENERAL_CLUSTER_ROOTCAS="$ORDERER_GENERAL_TLS_ROOTCAS"
    export ORDERER_CHANNELPARTICIPATION_ENABLED=true
    export ORDERER_ADMIN_LISTENADDRESS="$HOST:$(orderer_admin_port "$name")"
    export ORDERER_ADMIN_TLS_ENABLED=true
    export ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key"
    export ORDERER_ADMIN_TLS_ROOTCAS="[$(org_tls_ca "$org")]"
    # Only the organisation's own Admin (its CA-issued TLS client pair) may manage this node.
    export ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
    export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$(org_tls_ca "$org")]"
    export ORDERER_OPERATIONS_LISTENADDRESS="$HOST:$(ops_port "$port")"
    export ORDERER_METRICS_PROVIDER=prometheus
    export ORDERER_FILELEDGER_LOCATION="$DATA_DIR/$name/ledger"
    # SmartBFT's write-ahead log must be per node: the default path would be shared.
    export ORDERER_CONSENSUS_WALDIR="$DATA_DIR/$name/wal" ORDERER_CONSENSUS_SNAPDIR="$DATA_DIR/$name/snap"
    start_daemon "$name" orderer
  )
}

start_peer() {
  local name=$1 dir org port
  running_pid "$name" >/dev/null && return 0
  dir=$(node_dir "$name")
  org=$(node_org "$name")
  port=$(node_port "$name")
  mkdir -p "$DATA_DIR/$name"
  (
    export FABRIC_CFG_PATH="$FABRIC_SAMPLECONFIG"
    export FABRIC_LOGGING_SPEC="${PEER_LOGGING_SPEC:-INFO}"
    export CORE_PEER_ID
    CORE_PEER_ID=$(node_fqdn "$name")
    export CORE_PEER_LOCALMSPID CORE_PEER_MSPCONFIGPATH="$dir/msp"
    CORE_PEER_LOCALMSPID=$(org_msp "$org")
    export CORE_PEER_LISTENADDRESS="$HOST:$port" CORE_PEER_ADDRESS="$HOST:$port"
    export CORE_PEER_CHAINCODELISTENADDRESS="$HOST:$((port + 1))" CORE_PEER_CHAINCODEADDRESS="$HOST:$((port + 1))"
    export CORE_PEER_GOSSIP_BOOTSTRAP="$HOST:$port" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$HOST:$port"
    export CORE_PEER_GOSSIP_USELEADERELECTION=false CORE_PEER_GOSSIP_ORGLEADER=true
    # With the default 25 s, the Gateway cannot plan cross-organisation endorsements for ~29 s.
    export CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key"
    export CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt"
    export CORE_PEER_FILESYSTEMPATH="$DATA_DIR/$name" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$DATA_DIR/$name/snapshots"
    export CORE_OPERATIONS_LISTENADDRESS="$HOST:$(ops_port "$port")"
    export CORE_METRICS_PROVIDER=prometheus
    # No Docker: chaincode runs as a service, found through the ccaas external builder.
    export CORE_VM_ENDPOINT=
    export CORE_CHAINCODE_EXTERNALBUILDERS="[{name: ccaas, path: $REPO_ROOT/network/builders/ccaas}]"
    start_daemon "$name" peer node start
  )
}

start_node() {
  case $1 in
  ca.*) start_ca "${1#ca.}" && wait_for_ca "${1#ca.}" ;;
  orderer*) start_orderer "$1" && wait_for_port "$(node_port "$1")" 60 "$1" ;;
  peer*) start_peer "$1" && wait_for_port "$(node_port "$1")" 60 "$1" ;;
  *) fatal "unknown node '$1' (one of: $(known_nodes | tr '\n' ' '))" ;;
  esac
}

known_nodes() {
  local o
  for o in "${ORGS[@]}"; do echo "ca.$o"; done
  printf '%s\n' "${ORDERERS[@]}" "${PEERS[@]}"
}

start_ordering_and_peers() {
  local n
  for n in "${ORDERERS[@]}"; do start_orderer "$n"; done
  for n in "${PEERS[@]}"; do start_peer "$n"; done
  for n in "${ORDERERS[@]}"; do wait_for_port "$(node_port "$n")" 60 "$n"; done
  for n in "${PEERS[@]}"; do wait_for_port "$(node_port "$n")" 60 "$n"; done
  ok "4 ordering nodes and 3 peers up"
}
