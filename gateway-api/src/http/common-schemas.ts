// Schemas every route shares: the error body, a committed transaction's answer, list pages.
import { z } from 'zod';

export const apiErrorBody = z.object({
  code: z.string().describe('stable, machine-readable code, e.g. INSUFFICIENT_CREDITS'),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/** What a write answers: the ledger's result and the id of the committed transaction. */
export function committed<T extends z.ZodType>(result: T) {
  return z.object({ transactionId: z.string(), result });
}

/** A free-form registry record as the chaincode returns it. */
export const ledgerRecord = z.record(z.string(), z.unknown());

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25),
  /** Opaque position returned as `next` by the previous page. */
  cursor: z.string().max(500).optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().optional(), total: z.number().int().optional() });
}
