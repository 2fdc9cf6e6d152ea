// Submitting with bounded retries of the failures that are transient by nature and leave
// nothing behind: an MVCC or phantom read conflict at commit (the transaction was invalidated),
// and endorsements that disagree because one endorsing peer had not yet committed the latest
// block (nothing was sent to ordering). Anything else is thrown at once — but when ordering or
// the commit-status wait fails, the transaction may still have committed (under load the BFT
// orderers can answer "quorum not reached" for a transaction they did order), so the ledger is
// asked before the failure is believed.
import {
  CommitError,
  CommitStatusError,
  EndorseError,
  GatewayError,
  type Contract,
  type Network,
  type Status as CommitStatus,
} from '@hyperledger/fabric-gateway';
import { describeGatewayError } from './errors.ts';
import { lookUpTransaction } from './transaction-lookup.ts';
import { peer } from '@hyperledger/fabric-protos';

export interface RetryOptions {
  readonly attempts: number;
  readonly backoffMs: number;
  /** How long to look for a transaction on the ledger after an ambiguous ordering failure. */
  readonly settleMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, backoffMs: 150, settleMs: 10_000 };

const RETRIABLE_COMMIT_CODES = new Set<number>([
  peer.TxValidationCode.MVCC_READ_CONFLICT,
  peer.TxValidationCode.PHANTOM_READ_CONFLICT,
]);

export function isTransient(err: unknown): boolean {
  if (err instanceof CommitError) return RETRIABLE_COMMIT_CODES.has(err.code);
  if (err instanceof EndorseError) return /do not match|mismatch/i.test(describeGatewayError(err));
  return false;
}

export interface Submitted {
  readonly result: Uint8Array;
  readonly transactionId: string;
}

interface Status {
  readonly successful: boolean;
  readonly code: CommitStatus['code'];
}

/** fabric-gateway exports SubmitError as a type only, so it is recognised by name. */
export const isSubmitError = (err: unknown): err is GatewayError & { transactionId: string } =>
  err instanceof GatewayError && err.name === 'SubmitError';

/** The commit status of a transaction whose submission failed ambiguously, if the ledger has it. */
async function settledOnLedger(network: Network, txId: string, settleMs: number): Promise<Status | undefined> {
  const until = Date.now() + settleMs;
  for (;;) {
    const outcome = await lookUpTransaction(network, txId).catch(() => ({ found: false }) as const);
    if (outcome.found) return { successful: outcome.valid, code: outcome.validationCode as CommitStatus['code'] };
    if (Date.now() > until) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function submitOnce(
  contract: Contract,
  name: string,
  args: string[],
  network: Network | undefined,
  settleMs: number,
): Promise<Submitted> {
  const transaction = await contract.newProposal(name, { arguments: args }).endorse();
  const transactionId = transaction.getTransactionId();
  let status: Status;
  try {
    status = await (await transaction.submit()).getStatus();
  } catch (err) {
    const ambiguous = isSubmitError(err) || err instanceof CommitStatusError;
    const settled = ambiguous && network ? await settledOnLedger(network, transactionId, settleMs) : undefined;
    if (!settled) throw err;
    status = settled;
  }
  if (!status.successful) {
    throw new CommitError({
      message: `transaction ${transactionId} failed to commit with status code ${String(status.code)}`,
      code: status.code,
      transactionId,
    });
  }
  return { result: transaction.getResult(), transactionId };
}

/**
 * Endorses, submits and waits for the commit, retrying transient failures. With `network`, an
 * ambiguous ordering failure is checked against the ledger before it is reported.
 */
export async function submitWithRetry(
  contract: Contract,
  name: string,
  args: string[],
  options: RetryOptions = DEFAULT_RETRY,
  network?: Network,
): Promise<Submitted> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await submitOnce(contract, name, args, network, options.settleMs);
    } catch (err) {
      if (attempt >= options.attempts || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)));
    }
  }
}
