#!/usr/bin/env bash
# Builds Fabric's binaries and Fabric CA from their own Go modules at the pinned releases into
# network/fabric/bin, and copies the same release's sample configuration into network/fabric/config.
# Skips the build when bin/ already came from the pinned go.mod/go.sum (stamp file).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FABRIC_VERSION=3.1.1
FABRIC_CA_VERSION=1.5.15
STAMP="$FABRIC_BIN/.stamp"
BINARIES=(peer orderer configtxgen configtxlator cryptogen osnadmin discover fabric-ca-server fabric-ca-client)

command -v go >/dev/null || fatal "go is not installed: install Go 1.24 or later (https://go.dev/doc/install, or 'apt-get install golang')."
command -v gcc >/dev/null || fatal "gcc is not installed (Fabric CA needs cgo for sqlite): 'apt-get install gcc'."

wanted_stamp() {
  cat "$FABRIC_DIR/tools-fabric/go.mod" "$FABRIC_DIR/tools-fabric/go.sum" \
    "$FABRIC_DIR/tools-ca/go.mod" "$FABRIC_DIR/tools-ca/go.sum" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1
}

all_present() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x $FABRIC_BIN/$b ]] || return 1; done
  [[ -f $FABRIC_SAMPLECONFIG/core.yaml && -f $FABRIC_SAMPLECONFIG/orderer.yaml ]]
}

if all_present && [[ -f $STAMP && $(<"$STAMP") == "$(wanted_stamp)" ]]; then
  ok "Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION already built ($FABRIC_BIN)"
  exit 0
fi

mkdir -p "$FABRIC_BIN" "$FABRIC_SAMPLECONFIG"
rm -f "$STAMP"
start=$(date +%s)

# Progress: go prints nothing for minutes, so show a ticking line while it compiles.
with_progress() {
  local label=$1 logfile=$2
  shift 2
  "$@" >"$logfile" 2>&1 &
  local pid=$! t=0
  while kill -0 "$pid" 2>/dev/null; do
    # A terminal gets a ticking line; a log (CI) a line every 15 s.
    if [[ -t 1 ]]; then
      printf '\r   %s … %ds ' "$label" "$t"
    elif ((t % 15 == 0)); then
      printf '   %s … %ds\n' "$label" "$t"
    fi
    sleep 1
    t=$((t + 1))
  done
  if ! wait "$pid"; then
    [[ -t 1 ]] && printf '\n'
    tail -n 30 "$logfile" >&2
    fatal "$label failed; full log in $logfile"
  fi
  if [[ -t 1 ]]; then printf '\r'; fi
  printf '   %s … done in %ds\n' "$label" "$t"
}

mkdir -p "$LOG_DIR"
info "Building Fabric $FABRIC_VERSION from its Go module (first time: a few minutes)"
(
  cd "$FABRIC_DIR/tools-fabric"
  with_progress "go install peer orderer configtxgen configtxlator cryptogen osnadmin discover" \
    "$LOG_DIR/build-fabric.log" \
    env CGO_ENABLED=0 GOBIN="$FABRIC_BIN" GOFLAGS=-mod=mod go install \
    -ldflags "-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION" tool
  src=$(go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)
  install -m 0644 "$src/sampleconfig/core.yaml" "$src/sampleconfig/orderer.yaml" \
    "$src/sampleconfig/configtx.yaml" "$FABRIC_SAMPLECONFIG/"
)
info "Building Fabric CA $FABRIC_CA_VERSION from its Go module"
(
  cd "$FABRIC_DIR/tools-ca"
  with_progress "go install fabric-ca-server fabric-ca-client" "$LOG_DIR/build-fabric-ca.log" \
    env CGO_ENABLED=1 GOBIN="$FABRIC_BIN" GOFLAGS=-mod=mod go install \
    -ldflags "-X github.com/hyperledger/fabric-ca/lib/metadata.Version=$FABRIC_CA_VERSION" tool
)

all_present || fatal "the build finished but some binaries are missing from $FABRIC_BIN"
wanted_stamp >"$STAMP"
ok "Built $(peer version | sed -n 's/^ Version: //p' | head -n1) in $(elapsed_since "$start")s → $FABRIC_BIN"
