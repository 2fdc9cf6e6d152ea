// Looks a transaction up on a peer's ledger (qscc GetTransactionByID). Under load the BFT
// orderers can report "quorum not reached" for a transaction that in fact committed, so a
// client checks here before calling a submit failed or retrying it.
import type { Network } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { chaincodeErrorOf, describeGatewayError } from './errors.ts';

export type LedgerOutcome = { found: false } | { found: true; valid: boolean; validationCode: number };

/** Looks on the Gateway's own peer, or on the peers of `organisation` when given. */
export async function lookUpTransaction(network: Network, txId: string, organisation?: string): Promise<LedgerOutcome> {
  const qscc = network.getContract('qscc');
  try {
    const proposal = qscc.newProposal('GetTransactionByID', {
      arguments: [network.getName(), txId],
      ...(organisation ? { endorsingOrganizations: [organisation] } : {}),
    });
    const bytes = await proposal.evaluate();
    const validationCode = peer.ProcessedTransaction.deserializeBinary(bytes).getValidationcode();
    return { found: true, valid: validationCode === peer.TxValidationCode.VALID, validationCode };
  } catch (err) {
    if (chaincodeErrorOf(err) === undefined && /not found|no such transaction/i.test(describeGatewayError(err)))
      return { found: false };
    throw err;
  }
}

/**
 * Waits until every listed organisation's peer has committed the transaction. A submit returns
 * once the Gateway's own peer committed it; another organisation's peer can be a block behind, and
 * a transaction endorsed there next would read the old state.
 */
export async function waitForCommitOnPeers(
  network: Network,
  txId: string,
  organisations: readonly string[],
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (const organisation of organisations) {
    while (!(await lookUpTransaction(network, txId, organisation)).found) {
      if (Date.now() > until)
        throw new Error(`transaction ${txId} not committed on ${organisation} after ${String(timeoutMs)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
