#!/usr/bin/env bash
# Installs what is missing before npm start / npm test: the npm packages (again only when a
# package.json or the lock file changed) and Fabric's binaries (built once from the pinned Go
# modules). Sourced by scripts/start.sh and scripts/test.sh.

ensure_npm_packages() {
  local stamp=node_modules/.carbon-install-stamp wanted
  wanted=$(cat package-lock.json package.json chaincode/package.json fabric-client/package.json \
    tests/network/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)
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
