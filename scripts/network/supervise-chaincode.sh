#!/usr/bin/env bash
# Keeps the chaincode service running: starts it, and restarts it whenever it exits, backing off
# when it keeps failing. Started by chaincode.sh with a clean environment (env -i), so no peer
# CLI variable leaks into the chaincode process.
set -uo pipefail
: "${RUN_DIR:?}" "${LOG_DIR:?}" "${CHAINCODE_DIR:?}" "${CHAINCODE_SERVER:?}" "${CHAINCODE_ADDRESS:?}" "${CHAINCODE_ID:?}"

child=
stopping=0
on_term() {
  stopping=1
  [[ -n $child ]] && kill -TERM "$child" 2>/dev/null
}
trap on_term TERM INT

delay=1
while ((stopping == 0)); do
  started=$(date +%s)
  (
    cd "$CHAINCODE_DIR" &&
      exec node "$CHAINCODE_SERVER" server --chaincode-address "$CHAINCODE_ADDRESS" --chaincode-id "$CHAINCODE_ID"
  ) >>"$LOG_DIR/chaincode.log" 2>&1 &
  child=$!
  echo "$child" >"$RUN_DIR/chaincode.pid"
  wait "$child"
  status=$?
  # A TERM arriving during wait interrupts it; wait again for the child to finish exiting.
  kill -0 "$child" 2>/dev/null && wait "$child"
  rm -f "$RUN_DIR/chaincode.pid"
  ((stopping == 1)) && break
  echo "$(date -u +%FT%TZ) chaincode exited with status $status; restarting in ${delay}s" >>"$LOG_DIR/chaincode.log"
  sleep "$delay"
  if (($(date +%s) - started > 30)); then delay=1; else delay=$((delay < 16 ? delay * 2 : 16)); fi
done
