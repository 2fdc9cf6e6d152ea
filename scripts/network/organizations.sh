#!/usr/bin/env bash
# Certificate authorities and identities: one Fabric CA per organisation issues every node,
# admin and user identity (with Node OUs) and every TLS certificate (its "tls" profile).
# Sourced after lib.sh and topology.sh.

CA_BOOTSTRAP_USER=admin
CA_BOOTSTRAP_PASSWORD=${CA_BOOTSTRAP_PASSWORD:-adminpw}

start_ca() {
  local org=$1 name="ca.$1" home port
  home=$(org_ca_home "$org")
  port=$(org_ca_port "$org")
  running_pid "$name" >/dev/null && return 0
  mkdir -p "$home"
  # Fabric CA's defaults fill in everything not set here. The subject is set so that certificates
  # do not claim O=Hyperledger, ST=North Carolina. With a config file present, the bootstrap
  # registrar (the -b flag only seeds a generated file) and the signing profiles (else every
  # certificate gets the CA's own key usage) must be declared in it; values as Fabric CA's own.
  [[ -f $home/fabric-ca-server-config.yaml ]] || cat >"$home/fabric-ca-server-config.yaml" <<YAML
registry:
  maxenrollments: -1
  identities:
    - name: $CA_BOOTSTRAP_USER
      pass: $CA_BOOTSTRAP_PASSWORD
      type: client
      affiliation: ""
      attrs:
        hf.Registrar.Roles: "*"
        hf.Registrar.DelegateRoles: "*"
        hf.Registrar.Attributes: "*"
        hf.Revoker: true
        hf.GenCRL: true
        hf.IntermediateCA: true
        hf.AffiliationMgr: true
signing:
  default:
    usage: [digital signature]
    expiry: 8760h
  profiles:
    ca:
      usage: [cert sign, crl sign]
      expiry: 43800h
      caconstraint: { isca: true, maxpathlen: 0 }
    tls:
      usage: [signing, key encipherment, server auth, client auth, key agreement]
      expiry: 8760h
csr:
  cn: ca.$(org_domain "$org")
  names:
    - C: $REGISTRY_COUNTRY
      O: $(org_msp "$org" | sed 's/MSP$//')
  hosts: [localhost, $HOST, ca.$(org_domain "$org")]
YAML
  (
    cd "$home"
    export FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS="$HOST:$(ops_port "$port")"
    start_daemon "$name" fabric-ca-server start -H "$home" --address "$HOST" --port "$port" \
      --ca.name "$(org_ca_name "$org")" --tls.enabled
  )
}

wait_for_ca() {
  local org=$1 i
  for ((i = 0; i < 300; i++)); do
    [[ -s "$(org_ca_home "$org")/tls-cert.pem" ]] && port_in_use "$(org_ca_port "$org")" && return 0
    running_pid "ca.$org" >/dev/null || fatal "ca.$org exited; see $LOG_DIR/ca.$org.log"
    sleep 0.1
  done
  fatal "ca.$org did not start within 30s; see $LOG_DIR/ca.$org.log"
}

# ca_client <org> <args…>: fabric-ca-client against the organisation's CA as its registrar.
ca_client() {
  local org=$1
  shift
  FABRIC_CA_CLIENT_HOME="$(org_ca_home "$org")/registrar" cli fabric-ca-client "$@" \
    --caname "$(org_ca_name "$org")" --tls.certfiles "$(org_ca_home "$org")/ca-cert.pem"
}

csr_names() { echo "C=$REGISTRY_COUNTRY,O=$(org_msp "$1" | sed 's/MSP$//')"; }

ca_url() { echo "https://$2@$HOST:$(org_ca_port "$1")"; }

# enroll_into <org> <id> <secret> <msp dir> [more args…]: enrols anyone but the registrar, with a
# throwaway client home — enrolling through the registrar's home would make fabric-ca-client
# record the new MSP folder as the registrar's own.
enroll_into() {
  local org=$1 id=$2 secret=$3 msp=$4 home rc=0
  shift 4
  home=$(mktemp -d)
  FABRIC_CA_CLIENT_HOME="$home" cli fabric-ca-client enroll -u "$(ca_url "$org" "$id:$secret")" -M "$msp" \
    --caname "$(org_ca_name "$org")" --tls.certfiles "$(org_ca_home "$org")/ca-cert.pem" \
    --csr.names "$(csr_names "$org")" "$@" || rc=$?
  rm -rf "$home"
  return "$rc"
}

# Node OUs tell peer, orderer, admin and client identities apart by their certificate's OU.
write_nodeou_config() {
  local msp=$1 cacert=$2
  cat >"$msp/config.yaml" <<YAML
NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: $cacert
    OrganizationalUnitIdentifier: orderer
YAML
}

# enroll_msp <org> <id> <secret> <msp dir>: an identity's signing certificate and key.
enroll_msp() {
  local org=$1 id=$2 secret=$3 msp=$4
  enroll_into "$org" "$id" "$secret" "$msp" >/dev/null
  mv "$msp"/cacerts/*.pem "$msp/cacerts/ca.crt"
  mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"
  write_nodeou_config "$msp" cacerts/ca.crt
}

# enroll_tls <org> <id> <secret> <dir> <server|client> <hostname>: a TLS pair from the CA's tls profile.
enroll_tls() {
  local org=$1 id=$2 secret=$3 dir=$4 kind=$5 host=$6
  local tmp="$dir/.enroll"
  enroll_into "$org" "$id" "$secret" "$tmp" --enrollment.profile tls --csr.hosts "$host,localhost,$HOST" >/dev/null
  cp "$tmp"/tlscacerts/*.pem "$dir/ca.crt"
  cp "$tmp"/signcerts/*.pem "$dir/$kind.crt"
  cp "$tmp"/keystore/*_sk "$dir/$kind.key"
  chmod 600 "$dir/$kind.key"
  rm -rf "$tmp"
}

# The CA's address is always given: the registrar's client config file is not relied upon for it.
register() {
  local org=$1 id=$2 secret=$3 type=$4
  shift 4
  ca_client "$org" register -u "https://$HOST:$(org_ca_port "$org")" -M "$(org_ca_home "$org")/registrar/msp" \
    --id.name "$id" --id.secret "$secret" --id.type "$type" "$@" >/dev/null
}

# Enrols everything an organisation needs: its channel MSP, its peer and orderers (MSP + TLS),
# its Admin (MSP + TLS client pair for osnadmin) and User1.
enroll_organisation() {
  local org=$1 dir domain node nodedir
  dir=$(org_dir "$org")
  domain=$(org_domain "$org")
  mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  ca_client "$org" enroll -u "$(ca_url "$org" "$CA_BOOTSTRAP_USER:$CA_BOOTSTRAP_PASSWORD")" >/dev/null

  cp "$(org_ca_home "$org")/ca-cert.pem" "$dir/msp/cacerts/ca.crt"
  cp "$(org_ca_home "$org")/ca-cert.pem" "$dir/msp/tlscacerts/ca.crt"
  write_nodeou_config "$dir/msp" cacerts/ca.crt

  for node in "peer0.$org" $(org_orderers "$org"); do
    local type=peer
    [[ $node == orderer* ]] && type=orderer
    nodedir=$(node_dir "$node")
    register "$org" "${node%%.*}" "${node%%.*}pw" "$type"
    mkdir -p "$nodedir/tls"
    enroll_msp "$org" "${node%%.*}" "${node%%.*}pw" "$nodedir/msp"
    enroll_tls "$org" "${node%%.*}" "${node%%.*}pw" "$nodedir/tls" server "$(node_fqdn "$node")"
  done

  register "$org" "${org}admin" "${org}adminpw" admin
  mkdir -p "$(org_admin_tls "$org")"
  enroll_msp "$org" "${org}admin" "${org}adminpw" "$(org_admin_msp "$org")"
  enroll_tls "$org" "${org}admin" "${org}adminpw" "$(org_admin_tls "$org")" client "Admin@$domain"

  register "$org" user1 user1pw client
  enroll_msp "$org" user1 user1pw "$dir/users/User1@$domain/msp"
}

create_organisations() {
  local org pids=() failed=0 i
  for org in "${ORGS[@]}"; do start_ca "$org"; done
  for org in "${ORGS[@]}"; do wait_for_ca "$org"; done
  ok "3 certificate authorities up"
  if [[ -f $ORGS_DIR/.enrolled ]]; then
    ok "identities already enrolled"
    return 0
  fi
  # The three organisations enrol in parallel: each talks only to its own CA.
  for org in "${ORGS[@]}"; do
    enroll_organisation "$org" >"$LOG_DIR/enroll-$org.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      warn "enrolment of ${ORGS[$i]} failed:"
      tail -n 20 "$LOG_DIR/enroll-${ORGS[$i]}.log" >&2
      failed=1
    fi
  done
  ((failed == 0)) || fatal "enrolment failed (logs in $LOG_DIR/enroll-*.log)"
  touch "$ORGS_DIR/.enrolled"
  ok "identities enrolled from each organisation's CA (peers, orderers, admins, users; Node OUs on)"
}

# enroll_person <org> <name> [attributes]: registers a client identity with the organisation's CA
# (again after a restart only enrols) and enrols it into users/<name>@<domain>/msp; prints that
# folder. Attributes such as "carbon.companyId=DEV-1,carbon.role=Manager" are put in the
# certificate, where the chaincode checks them against its user registry.
enroll_person() {
  local org=$1 name=$2 attributes=${3:-} msp secret attrs_arg=()
  [[ " ${ORGS[*]} " == *" $org "* ]] || fatal "unknown organisation '$org' (one of: ${ORGS[*]})"
  [[ $name =~ ^[A-Za-z0-9._-]{1,64}$ ]] || fatal "a person's name is 1–64 of A–Z a–z 0–9 . _ -"
  msp="$(org_dir "$org")/users/$name@$(org_domain "$org")/msp"
  secret="${name}-pw"
  if [[ -n $attributes ]]; then
    local list=() pair
    IFS=, read -ra pairs <<<"$attributes"
    for pair in "${pairs[@]}"; do list+=("$pair:ecert"); done
    attrs_arg=(--id.attrs "$(IFS=,; echo "${list[*]}")")
  fi
  # fabric-ca-client rewrites files in the registrar's folder, so one enrolment at a time per CA.
  exec 9>"$(org_ca_home "$org")/.enroll.lock"
  flock 9
  # "already registered" is fine: the person is enrolled again with the same subject.
  register "$org" "$name" "$secret" client "${attrs_arg[@]}" 2>/dev/null || true
  rm -rf "$msp"
  enroll_into "$org" "$name" "$secret" "$msp" >"$LOG_DIR/enroll-$name.log" 2>&1 || fatal "enrolment of $name failed: $(tail -n 3 "$LOG_DIR/enroll-$name.log")"
  rm -f "$LOG_DIR/enroll-$name.log"
  mv "$msp"/cacerts/*.pem "$msp/cacerts/ca.crt"
  mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"
  write_nodeou_config "$msp" cacerts/ca.crt
  echo "$msp"
}
