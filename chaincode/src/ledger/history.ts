// The ledger history of one record: every committed version with its transaction id and time.
// Records carry an `updated` stamp, so each version also names who signed that change.
import type { Context } from 'fabric-contract-api';

export interface RecordVersion<T> {
  readonly txId: string;
  readonly timestamp: string;
  readonly isDelete: boolean;
  readonly record?: T;
}

interface LedgerTimestamp {
  readonly seconds: number | { toString(): string };
  readonly nanos: number;
}

function toIso(ts: LedgerTimestamp): string {
  const millis = Number(String(ts.seconds)) * 1000 + Math.floor(ts.nanos / 1_000_000);
  return new Date(millis).toISOString();
}

export async function recordHistory<T>(ctx: Context, key: string): Promise<RecordVersion<T>[]> {
  const iterator = await ctx.stub.getHistoryForKey(key);
  const versions: RecordVersion<T>[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const m = next.value;
      const text = Buffer.from(m.value).toString('utf8');
      const base = { txId: m.txId, timestamp: toIso(m.timestamp), isDelete: m.isDelete };
      versions.push(m.isDelete || text === '' ? base : { ...base, record: JSON.parse(text) as T });
    }
  } finally {
    await iterator.close();
  }
  return versions;
}
