#!/usr/bin/env bash
# The status table: every node and process of the network, whether it is up, and block heights.
# Sourced after the others.

status_row() {
  local name=$1 role=$2 org=$3 address=$4 height=${5:--} pid state
  if pid=$(running_pid "$name"); then state="${C_GREEN}up${C_RESET}"; else pid=- state="${C_RED}down${C_RESET}"; fi
  printf '%-24s %-10s %-14s %-22s %-8s %-13s %s\n' "$name" "$role" "$org" "$address" "$pid" "$state" "$height"
}

fabric_versions() {
  local p o c
  p=$(peer version 2>/dev/null | sed -n 's/^ Version: //p' | head -n 1)
  o=$(orderer version 2>/dev/null | sed -n 's/^ Version: //p' | head -n 1)
  c=$(fabric-ca-server version 2>/dev/null | sed -n 's/^ Version: //p' | head -n 1)
  echo "Fabric peer ${p:-?}, orderer ${o:-?}, Fabric CA ${c:-?}"
}

print_status() {
  local n org
  printf '%s\n' "$(fabric_versions) — channel $CHANNEL_NAME, $ORDERER_TYPE ordering"
  printf '%s%-24s %-10s %-14s %-22s %-8s %-4s %s%s\n' "$C_BOLD" NODE ROLE ORG ADDRESS PID STATE "HEIGHT ($CHANNEL_NAME)" "$C_RESET"
  for org in "${ORGS[@]}"; do
    status_row "ca.$org" ca "$(org_msp "$org")" "$HOST:$(org_ca_port "$org")"
  done
  for n in "${ORDERERS[@]}"; do
    local h=-
    running_pid "$n" >/dev/null && h=$(orderer_height "$n")
    status_row "$n" "orderer" "$(org_msp "$(node_org "$n")")" "$HOST:$(node_port "$n")" "${h:--}"
  done
  for n in "${PEERS[@]}"; do
    local h=-
    running_pid "$n" >/dev/null && h=$(peer_height "$n")
    status_row "$n" peer "$(org_msp "$(node_org "$n")")" "$HOST:$(node_port "$n")" "${h:--}"
  done
  status_row chaincode-supervisor supervisor - - "$(cat "$RUN_DIR/chaincode.package-id" 2>/dev/null || echo -)"
  status_row chaincode chaincode - "$HOST:$CHAINCODE_PORT" "$CHAINCODE_NAME"
}

# True when every node of the table is up (used by "up" to say the network is already running).
network_running() {
  local n
  for n in $(known_nodes); do running_pid "$n" >/dev/null || return 1; done
}

any_running() {
  local n
  for n in $(known_nodes) chaincode-supervisor chaincode; do running_pid "$n" >/dev/null && return 0; done
  return 1
}
