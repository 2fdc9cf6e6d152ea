#!/usr/bin/env bash
# Installs what is missing before npm start / npm test: the npm packages (again only when a
# package.json or the lock file changed), Fabric's binaries (built once from the pinned Go
# modules); for the tests also schemathesis (from PyPI, in a virtual environment of its own) and
# Debian's chromium for the explorer's browser tests.
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

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# The browser the explorer's tests drive through playwright-core. Debian's own package rather than
# Playwright's download: it comes with its libraries and is updated with the system. Fonts are
# named because a fresh machine may have none, and pages would render as empty boxes.
ensure_chromium() {
  if [[ -x $CHROMIUM ]]; then
    ok "chromium present ($("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM"))"
    return 0
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || fatal "$CHROMIUM is missing and installing it needs root: 'apt-get install chromium fonts-liberation'"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || fatal "$CHROMIUM is missing: install Chromium (or set CHROMIUM to a Chromium binary)"
  info "Installing chromium and fonts-liberation (apt-get) for the explorer's browser tests"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation
  [[ -x $CHROMIUM ]] || fatal "apt-get installed chromium, but $CHROMIUM is still missing"
  ok "chromium installed ($("$CHROMIUM" --version 2>/dev/null))"
}
