#!/usr/bin/env bash
# Installs what is missing before npm start / npm test: the npm packages (again only when a
# package.json or the lock file changed), Fabric's binaries (built once from the pinned Go
# modules); for the tests also schemathesis (from PyPI, in a virtual environment of its own).
# Sourced by scripts/start.sh and scripts/test.sh.

ensure_npm_packages() {
  local stamp=node_modules/.carbon-install-stamp wanted
  wanted=$(cat package-lock.json package.json chaincode/package.json fabric-client/package.json \
    gateway-api/package.json explorer-ui/package.json tests/network/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ -f $stamp && $(<"$stamp") == "$wanted" ]]; then
    ok "npm packages up to date"
    return 0
  fi
  info "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" >"$stamp"
  ok "npm packages installed"
}

ensure_fabric_binaries() {
  "$REPO_ROOT/scripts/network/build-fabric.sh"
}

SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_HOME="$REPO_ROOT/.tools/schemathesis"

# The API fuzzer the network tests run against the gateway's own OpenAPI document.
ensure_schemathesis() {
  if [[ $("$SCHEMATHESIS_HOME/bin/st" --version 2>/dev/null) == *"$SCHEMATHESIS_VERSION"* ]]; then
    ok "schemathesis $SCHEMATHESIS_VERSION present"
    return 0
  fi
  command -v python3 >/dev/null || fatal "python3 is needed for the API fuzzing tests ('apt-get install python3 python3-venv')"
  info "Installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $SCHEMATHESIS_HOME"
  rm -rf "$SCHEMATHESIS_HOME"
  python3 -m venv "$SCHEMATHESIS_HOME"
  "$SCHEMATHESIS_HOME/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  ok "schemathesis installed"
}
