// Submitting with bounded retries of the failures that are transient by nature and leave
// nothing behind: an MVCC or phantom read conflict at commit (the transaction was invalidated),
// and endorsements that disagree because one endorsing peer had not yet committed the latest
// block (nothing was sent to ordering). Anything else is thrown at once.
import { CommitError, EndorseError, type Contract } from '@hyperledger/fabric-gateway';
import { describeGatewayError } from './errors.ts';
import { peer } from '@hyperledger/fabric-protos';

export interface RetryOptions {
  readonly attempts: number;
  readonly backoffMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, backoffMs: 150 };

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

export async function submitWithRetry(
  contract: Contract,
  name: string,
  args: string[],
  options: RetryOptions = DEFAULT_RETRY,
): Promise<Submitted> {
  for (let attempt = 1; ; attempt++) {
    try {
      const transaction = await contract.newProposal(name, { arguments: args }).endorse();
      const submitted = await transaction.submit();
      const status = await submitted.getStatus();
      if (!status.successful) {
        throw new CommitError({
          message: `transaction ${status.transactionId} failed to commit with status code ${String(status.code)}`,
          code: status.code,
          transactionId: status.transactionId,
        });
      }
      return { result: submitted.getResult(), transactionId: status.transactionId };
    } catch (err) {
      if (attempt >= options.attempts || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)));
    }
  }
}
