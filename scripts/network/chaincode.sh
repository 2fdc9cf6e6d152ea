#!/usr/bin/env bash
# Chaincode "carbon" as a service: build, package (reproducibly), install on every peer, run the
# chaincode process under a supervisor, approve for each organisation and commit the definition.
# Running it again after a change upgrades the definition (sequence + 1). Sourced after the others.

CHAINCODE_SRC="$REPO_ROOT/chaincode"
CC_WORK="$NETWORK_HOME/chaincode"

build_chaincode() {
  (cd "$REPO_ROOT" && npm run --silent build -w chaincode >"$LOG_DIR/chaincode-build.log" 2>&1) ||
    fatal "chaincode build failed: $(tail -n 20 "$LOG_DIR/chaincode-build.log")"
}

# The label changes whenever the built chaincode changes, which gives the package a new id.
chaincode_label() {
  local version hash
  version=$(node -p "require('$CHAINCODE_SRC/package.json').version")
  hash=$(cd "$CHAINCODE_SRC" && find dist package.json -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-12)
  echo "${CHAINCODE_NAME}_${version}-${hash}"
}

package_chaincode() {
  local label=$1 dir="$CC_WORK/$1"
  mkdir -p "$dir/src"
  printf '{"address":"%s:%s","dial_timeout":"10s","tls_required":false}\n' "$HOST" "$CHAINCODE_PORT" >"$dir/src/connection.json"
  if [[ -d $CHAINCODE_SRC/META-INF ]]; then cp -R "$CHAINCODE_SRC/META-INF" "$dir/src/"; fi
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/metadata.json"
  # Fixed order, owners and times so the same input always gives the same package id.
  local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner)
  tar "${tarflags[@]}" -C "$dir/src" -cf - . | gzip -n >"$dir/code.tar.gz"
  tar "${tarflags[@]}" -C "$dir" -cf - metadata.json code.tar.gz | gzip -n >"$dir/$CHAINCODE_NAME.tar.gz"
  echo "$dir/$CHAINCODE_NAME.tar.gz"
}

install_on_peers() {
  local pkg=$1 package_id=$2 org
  for org in "${ORGS[@]}"; do
    (
      peer_admin_env "$org"
      if ! cli peer lifecycle chaincode queryinstalled 2>/dev/null | grep -q "$package_id"; then
        cli peer lifecycle chaincode install "$pkg" >>"$LOG_DIR/chaincode-deploy.log" 2>&1
      fi
    ) || fatal "install on peer0.$org failed: $(tail -n 5 "$LOG_DIR/chaincode-deploy.log")"
  done
}

# A field of the committed chaincode definition; empty when nothing is committed yet.
committed_field() {
  (
    peer_admin_env government
    local json
    json=$(cli peer lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -O json 2>/dev/null) || exit 0
    sed -n "s/.*\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\}.*/\1/p" <<<"$json" | head -n 1
  )
}

approve_and_commit() {
  local label=$1 package_id=$2 sequence=$3 org peers=()
  for org in "${ORGS[@]}"; do
    (
      peer_admin_env "$org"
      # shellcheck disable=SC2046
      retry 3 2 cli peer lifecycle chaincode approveformyorg $(orderer_cli_args) -C "$CHANNEL_NAME" \
        -n "$CHAINCODE_NAME" -v "$label" --package-id "$package_id" --sequence "$sequence" \
        >>"$LOG_DIR/chaincode-deploy.log" 2>&1
    ) || fatal "approval by $(org_msp "$org") failed: $(tail -n 5 "$LOG_DIR/chaincode-deploy.log")"
    peers+=(--peerAddresses "$HOST:$(node_port "peer0.$org")" --tlsRootCertFiles "$(org_tls_ca "$org")")
  done
  (
    peer_admin_env government
    # shellcheck disable=SC2046
    retry 3 2 cli peer lifecycle chaincode commit $(orderer_cli_args) -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
      -v "$label" --sequence "$sequence" "${peers[@]}" >>"$LOG_DIR/chaincode-deploy.log" 2>&1
  ) || fatal "commit of the chaincode definition failed: $(tail -n 5 "$LOG_DIR/chaincode-deploy.log")"
}

# The supervisor restarts the chaincode process whenever it exits; its own PID and the current
# chaincode process's PID are both recorded (run/chaincode-supervisor.pid, run/chaincode.pid).
start_chaincode_service() {
  local package_id=$1
  echo "$package_id" >"$RUN_DIR/chaincode.package-id"
  if running_pid chaincode-supervisor >/dev/null; then
    [[ $(<"$RUN_DIR/chaincode.running-id" 2>/dev/null) == "$package_id" ]] && return 0
    stop_chaincode_service
  fi
  local server
  # npm workspaces hoist fabric-shim, so ask Node where its "fabric-chaincode-node" CLI is.
  server=$(cd "$CHAINCODE_SRC" && node -p "require.resolve('fabric-shim/cli.js')") ||
    fatal "fabric-shim is not installed: run 'npm install'"
  start_daemon chaincode-supervisor env -i PATH="$PATH" HOME="$HOME" \
    RUN_DIR="$RUN_DIR" LOG_DIR="$LOG_DIR" CHAINCODE_DIR="$CHAINCODE_SRC" CHAINCODE_SERVER="$server" \
    CORE_CHAINCODE_LOGGING_LEVEL="${CHAINCODE_LOGGING_LEVEL:-info}" \
    CHAINCODE_ADDRESS="$HOST:$CHAINCODE_PORT" CHAINCODE_ID="$package_id" \
    "$REPO_ROOT/scripts/network/supervise-chaincode.sh"
  echo "$package_id" >"$RUN_DIR/chaincode.running-id"
  wait_for_port "$CHAINCODE_PORT" 30 chaincode-supervisor
}

stop_chaincode_service() {
  stop_daemon chaincode-supervisor
  # The supervisor stops its child on TERM; this covers a supervisor that was killed outright.
  stop_daemon chaincode
  rm -f "$RUN_DIR/chaincode.running-id"
}

# Waits until service discovery on every peer finds endorsers for the chaincode in all three
# organisations: only then can the Gateway plan endorsements.
wait_for_endorsers() {
  local org i out missing
  for ((i = 0; i < 120; i++)); do
    missing=0
    for org in "${ORGS[@]}"; do
      out=$(cli discover endorsers --channel "$CHANNEL_NAME" --chaincode "$CHAINCODE_NAME" \
        --server "$HOST:$(node_port "peer0.$org")" --peerTLSCA "$(org_tls_ca "$org")" \
        --userKey "$(org_admin_msp "$org")/keystore/key.pem" \
        --userCert "$(org_admin_msp "$org")/signcerts/cert.pem" --MSP "$(org_msp "$org")" 2>/dev/null) || out=
      for m in GovernmentMSP CertifierMSP DeveloperMSP; do
        [[ $out == *"$m"* ]] || missing=1
      done
    done
    ((missing == 0)) && return 0
    sleep 0.5
  done
  fatal "service discovery does not see endorsers of $CHAINCODE_NAME in all organisations after 60s"
}

deploy_chaincode() {
  local label pkg package_id committed_version committed_sequence sequence
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  info "Building chaincode $CHAINCODE_NAME"
  build_chaincode
  label=$(chaincode_label)
  pkg=$(package_chaincode "$label")
  package_id=$(cli peer lifecycle chaincode calculatepackageid "$pkg")
  install_on_peers "$pkg" "$package_id"
  ok "package $package_id installed on 3 peers"
  start_chaincode_service "$package_id"
  ok "chaincode service up on $HOST:$CHAINCODE_PORT (supervised)"

  committed_version=$(committed_field version)
  committed_sequence=$(committed_field sequence)
  if [[ $committed_version == "$label" ]]; then
    ok "definition $label already committed (sequence $committed_sequence)"
  else
    sequence=$((${committed_sequence:-0} + 1))
    approve_and_commit "$label" "$package_id" "$sequence"
    ok "definition $label approved by 3 organisations and committed (sequence $sequence, MAJORITY endorsement)"
  fi
  wait_for_endorsers
  ok "Gateway can plan endorsements across the 3 organisations"
}
