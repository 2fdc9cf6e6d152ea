#!/usr/bin/env bash
# Who runs what: the organisations, their nodes and the address of each node.
# Sourced after lib.sh.

ORGS=(government certifier developer)
# Consenter IDs follow this order (1–4); ID 1 leads view 0, so the peer CLI sends there.
ORDERERS=(orderer0.government orderer1.government orderer0.certifier orderer0.developer)
PEERS=(peer0.government peer0.certifier peer0.developer)

org_msp() {
  local o=$1
  echo "${o^}MSP"
}
org_domain() { echo "$1.carbon.example"; }
org_dir() { echo "$ORGS_DIR/peerOrganizations/$(org_domain "$1")"; }
org_ca_name() { echo "ca-$1"; }
org_ca_home() { echo "$ORGS_DIR/fabric-ca/$1"; }
org_ca_port() {
  local var="CA_${1^^}_PORT"
  echo "${!var}"
}
# Every MSP in this network trusts its organisation's CA as both identity and TLS root.
org_tls_ca() { echo "$(org_dir "$1")/msp/tlscacerts/ca.crt"; }
org_admin_msp() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")/msp"; }
org_admin_tls() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")/tls"; }

# node name "orderer1.government" → organisation "government"
node_org() { echo "${1#*.}"; }
node_port() {
  local var="${1//./_}"
  var="${var^^}_PORT"
  echo "${!var}"
}
orderer_admin_port() {
  local var="${1//./_}"
  var="${var^^}_ADMIN_PORT"
  echo "${!var}"
}
node_dir() {
  local kind=peers
  [[ $1 == orderer* ]] && kind=orderers
  echo "$(org_dir "$(node_org "$1")")/$kind/$(node_fqdn "$1")"
}
# "peer0.government" → "peer0.government.carbon.example"
node_fqdn() { echo "${1%%.*}.$(org_domain "$(node_org "$1")")"; }
orderer_consenter_id() {
  local i
  for i in "${!ORDERERS[@]}"; do [[ ${ORDERERS[$i]} == "$1" ]] && echo $((i + 1)) && return; done
  return 1
}
org_orderers() {
  local o
  for o in "${ORDERERS[@]}"; do [[ $(node_org "$o") == "$1" ]] && echo "$o"; done
}

all_ports() {
  local o n
  for o in "${ORGS[@]}"; do
    echo "$(org_ca_port "$o") ca.$o"
    echo "$(ops_port "$(org_ca_port "$o")") ca.$o(operations)"
  done
  for n in "${ORDERERS[@]}"; do
    echo "$(node_port "$n") $n"
    echo "$(orderer_admin_port "$n") $n(admin)"
    echo "$(ops_port "$(node_port "$n")") $n(operations)"
  done
  for n in "${PEERS[@]}"; do
    echo "$(node_port "$n") $n"
    echo "$(($(node_port "$n") + 1)) $n(chaincode)"
    echo "$(ops_port "$(node_port "$n")") $n(operations)"
  done
  echo "$CHAINCODE_PORT chaincode.$CHAINCODE_NAME"
  [[ -n ${COUCHDB_URL:-} ]] || echo "$COUCHDB_PORT couchdb"
  echo "$GATEWAY_PORT gateway"
  echo "$EXPLORER_PORT explorer"
}

# Environment for the peer CLI acting as an organisation's admin against its own peer.
peer_admin_env() {
  local org=$1 peer="peer0.$1"
  export FABRIC_CFG_PATH="$FABRIC_SAMPLECONFIG"
  export CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_LOCALMSPID
  CORE_PEER_LOCALMSPID=$(org_msp "$org")
  export CORE_PEER_MSPCONFIGPATH
  CORE_PEER_MSPCONFIGPATH=$(org_admin_msp "$org")
  export CORE_PEER_ADDRESS="$HOST:$(node_port "$peer")"
  export CORE_PEER_TLS_ROOTCERT_FILE
  CORE_PEER_TLS_ROOTCERT_FILE=$(org_tls_ca "$org")
}

# Arguments that point the peer CLI at the BFT leader of view 0 (see fabric-native notes).
orderer_cli_args() {
  echo "-o $HOST:$(node_port "${ORDERERS[0]}") --tls --cafile $(org_tls_ca "$(node_org "${ORDERERS[0]}")")"
}
