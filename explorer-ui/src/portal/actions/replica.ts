// Public lists (credit blocks, retirements, organisations) are read from the query replica, which follows the
// ledger a moment behind. After a write a page waits until the replica holds its transaction before reading those
// lists again, so they show what was just done rather than what was there before.
import { api, ApiError, unwrap } from '../../api/client';
import type { Committed } from './use-action';

const STEP_MS = 250;
const LIMIT_MS = 10_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the replica holds the transaction within the limit; false when it is still behind (or unreachable). */
export async function replicaHas(transactionId: string, limitMs = LIMIT_MS): Promise<boolean> {
  const until = Date.now() + limitMs;
  for (;;) {
    try {
      await unwrap(api.GET('/transactions/{txId}', { params: { path: { txId: transactionId } } }));
      return true;
    } catch (error) {
      const notYet = error instanceof ApiError && error.code === 'NOT_FOUND';
      if (!notYet || Date.now() >= until) return false;
    }
    await pause(STEP_MS);
  }
}

/** The write's answer, once the replica shows it (or the wait gave up: the write itself is committed either way). */
export async function replicated<R extends Committed>(written: Promise<R>): Promise<R> {
  const done = await written;
  await replicaHas(done.transactionId);
  return done;
}
