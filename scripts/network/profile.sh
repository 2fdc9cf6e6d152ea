#!/usr/bin/env bash
# Writes $NETWORK_HOME/network.json: where every peer, orderer, CA and identity of this running
# network is, so TypeScript clients (tests, benchmarks, the gateway API) read one description
# instead of repeating the port table. Sourced after the others.

network_profile() { echo "$NETWORK_HOME/network.json"; }

write_network_profile() {
  local org n first=1 file
  file=$(network_profile)
  {
    printf '{\n  "channel": "%s",\n  "chaincode": "%s",\n  "chaincodeAddress": "%s:%s",\n  "networkHome": "%s",\n  "organizations": [\n' \
      "$CHANNEL_NAME" "$CHAINCODE_NAME" "$HOST" "$CHAINCODE_PORT" "$NETWORK_HOME"
    for org in "${ORGS[@]}"; do
      ((first)) || printf ',\n'
      first=0
      local dir domain
      dir=$(org_dir "$org")
      domain=$(org_domain "$org")
      printf '    {\n      "name": "%s",\n      "mspId": "%s",\n      "domain": "%s",\n' "$org" "$(org_msp "$org")" "$domain"
      printf '      "peer": { "name": "peer0.%s", "endpoint": "%s:%s", "hostAlias": "peer0.%s", "tlsRootCert": "%s" },\n' \
        "$org" "$HOST" "$(node_port "peer0.$org")" "$domain" "$(org_tls_ca "$org")"
      printf '      "ca": { "name": "%s", "url": "https://%s:%s", "tlsRootCert": "%s", "registrarMsp": "%s" },\n' \
        "$(org_ca_name "$org")" "$HOST" "$(org_ca_port "$org")" "$(org_ca_home "$org")/ca-cert.pem" "$(org_ca_home "$org")/registrar/msp"
      printf '      "users": { "Admin": "%s", "User1": "%s" }\n    }' \
        "$(org_admin_msp "$org")" "$dir/users/User1@$domain/msp"
    done
    printf '\n  ],\n  "orderers": [\n'
    first=1
    for n in "${ORDERERS[@]}"; do
      ((first)) || printf ',\n'
      first=0
      printf '    { "name": "%s", "mspId": "%s", "consenterId": %s, "endpoint": "%s:%s", "adminEndpoint": "%s:%s" }' \
        "$n" "$(org_msp "$(node_org "$n")")" "$(orderer_consenter_id "$n")" "$HOST" "$(node_port "$n")" \
        "$HOST" "$(orderer_admin_port "$n")"
    done
    printf '\n  ]\n}\n'
  } >"$file"
}
