#!/usr/bin/env bash
# Creates channel carbon-registry with the channel participation API: a genesis block from
# configtxgen, joined by each ordering node (osnadmin) and each peer. Sourced after the others.

ORDERER_TYPE=${ORDERER_TYPE:-BFT}
BFT_REQUEST_BATCH_MAX_INTERVAL=${BFT_REQUEST_BATCH_MAX_INTERVAL:-200ms}
BATCH_MAX_MESSAGE_COUNT=${BATCH_MAX_MESSAGE_COUNT:-500}

render_configtx() {
  local org n var
  mkdir -p "$ARTIFACTS_DIR"
  for org in "${ORGS[@]}"; do
    export "${org^^}_MSP_DIR=$(org_dir "$org")/msp"
  done
  for n in "${ORDERERS[@]}"; do
    var="${n//./_}"
    export "${var^^}_DIR=$(node_dir "$n")"
    export "${var^^}_PORT=$(node_port "$n")"
  done
  for n in "${PEERS[@]}"; do
    var="${n//./_}"
    export "${var^^}_PORT=$(node_port "$n")"
  done
  export BFT_REQUEST_BATCH_MAX_INTERVAL BATCH_MAX_MESSAGE_COUNT
  envsubst <"$REPO_ROOT/network/config/configtx.yaml.tmpl" >"$ARTIFACTS_DIR/configtx.yaml"
}

genesis_block() { echo "$ARTIFACTS_DIR/$CHANNEL_NAME.block"; }

create_genesis_block() {
  local profile=CarbonRegistryBFT
  [[ $ORDERER_TYPE == etcdraft ]] && profile=CarbonRegistryRaft
  [[ -f $(genesis_block) ]] && return 0
  render_configtx
  cli configtxgen -configPath "$ARTIFACTS_DIR" -profile "$profile" -channelID "$CHANNEL_NAME" \
    -outputBlock "$(genesis_block)" >"$LOG_DIR/configtxgen.log" 2>&1 ||
    fatal "configtxgen failed: $(tail -n 5 "$LOG_DIR/configtxgen.log")"
}

osnadmin_as_admin() {
  local orderer=$1 org
  shift
  org=$(node_org "$orderer")
  cli osnadmin "$@" -o "$HOST:$(orderer_admin_port "$orderer")" --ca-file "$(org_tls_ca "$org")" \
    --client-cert "$(org_admin_tls "$org")/client.crt" --client-key "$(org_admin_tls "$org")/client.key"
}

orderer_height() {
  osnadmin_as_admin "$1" channel list --channelID "$CHANNEL_NAME" 2>/dev/null |
    sed -n 's/.*"height": *\([0-9]*\).*/\1/p' | head -n 1
}

peer_height() {
  (
    peer_admin_env "$(node_org "$1")"
    cli peer channel getinfo -c "$CHANNEL_NAME" 2>/dev/null | sed -n 's/.*"height":\([0-9]*\).*/\1/p'
  )
}

join_orderers() {
  local n
  for n in "${ORDERERS[@]}"; do
    if [[ -n $(orderer_height "$n") ]]; then continue; fi
    retry 20 0.5 osnadmin_as_admin "$n" channel join --channelID "$CHANNEL_NAME" \
      --config-block "$(genesis_block)" >/dev/null || fatal "$n could not join $CHANNEL_NAME"
  done
}

join_peers() {
  local n
  for n in "${PEERS[@]}"; do
    [[ -n $(peer_height "$n") ]] && continue
    (
      peer_admin_env "$(node_org "$n")"
      retry 20 0.5 cli peer channel join -b "$(genesis_block)" >/dev/null 2>&1
    ) || fatal "$n could not join $CHANNEL_NAME"
  done
}

create_channel() {
  create_genesis_block
  join_orderers
  join_peers
  ok "channel $CHANNEL_NAME ($ORDERER_TYPE ordering) joined by 4 ordering nodes and 3 peers"
}
