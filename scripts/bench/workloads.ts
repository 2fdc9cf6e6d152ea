// Submitting one transaction for a benchmark: a failed submit is looked up on the ledger before it
// counts as a failure (under load the BFT orderers may answer "quorum not reached" for a
// transaction that in fact committed).
import { lookUpTransaction } from '@carbon-registry/fabric-client';
import type { Contract, Network } from '@hyperledger/fabric-gateway';

export async function submitAndConfirm(
  contract: Contract,
  network: Network,
  name: string,
  args: string[],
): Promise<boolean> {
  const transaction = await contract.newProposal(name, { arguments: args }).endorse();
  try {
    return (await (await transaction.submit()).getStatus()).successful;
  } catch (err) {
    const outcome = await lookUpTransaction(network, transaction.getTransactionId());
    if (outcome.found) return outcome.valid;
    throw err;
  }
}

/** The one-key put of the baseline: system:RecordProbe with a fresh id. */
export function recordProbe(contract: Contract, network: Network, runId: string, n: number): Promise<boolean> {
  return submitAndConfirm(contract, network, 'system:RecordProbe', [
    JSON.stringify({ id: `bench-${runId}-${String(n)}`, value: 'x' }),
  ]);
}
