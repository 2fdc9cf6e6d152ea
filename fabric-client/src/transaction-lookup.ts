// Looks a transaction up on a peer's ledger (qscc GetTransactionByID). Under load the BFT
// orderers can report "quorum not reached" for a transaction that in fact committed, so a
// client checks here before calling a submit failed or retrying it.
import type { Network } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { chaincodeErrorOf } from './errors.ts';

export type LedgerOutcome = { found: false } | { found: true; valid: boolean; validationCode: number };

export async function lookUpTransaction(network: Network, txId: string): Promise<LedgerOutcome> {
  const qscc = network.getContract('qscc');
  try {
    const bytes = await qscc.evaluateTransaction('GetTransactionByID', network.getName(), txId);
    const validationCode = peer.ProcessedTransaction.deserializeBinary(bytes).getValidationcode();
    return { found: true, valid: validationCode === peer.TxValidationCode.VALID, validationCode };
  } catch (err) {
    if (chaincodeErrorOf(err) === undefined && /not found|no such transaction/i.test(describe(err)))
      return { found: false };
    throw err;
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const details = (err as { details?: { message: string }[] }).details ?? [];
  return [err.message, ...details.map((d) => d.message)].join(' | ');
}
