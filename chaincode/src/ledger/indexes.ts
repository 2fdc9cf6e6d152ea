// Secondary indexes as composite keys ("programme~state" [state, externalId] → marker), so every
// list a transaction or query needs is a partial-key range read, never a rich query, and works
// the same on LevelDB and CouchDB.
import type { Context } from 'fabric-contract-api';
import type { Iterators } from 'fabric-shim-api';
import type { KeyPrefix } from './keys';
import { readRecord } from './transaction';

// Fabric treats an empty value as a delete, so an index entry holds one byte.
const MARKER = Buffer.from([0]);

export async function putIndex(ctx: Context, prefix: KeyPrefix, attributes: string[]): Promise<void> {
  await ctx.stub.putState(ctx.stub.createCompositeKey(prefix, attributes), MARKER);
}

export async function deleteIndex(ctx: Context, prefix: KeyPrefix, attributes: string[]): Promise<void> {
  await ctx.stub.deleteState(ctx.stub.createCompositeKey(prefix, attributes));
}

/** Moves an index entry when the indexed value changed (e.g. a state transition). */
export async function moveIndex(ctx: Context, prefix: KeyPrefix, before: string[], after: string[]): Promise<void> {
  if (before.join('\u0000') === after.join('\u0000')) return;
  await deleteIndex(ctx, prefix, before);
  await putIndex(ctx, prefix, after);
}

export interface Page<T> {
  readonly records: T[];
  readonly fetchedRecordsCount: number;
  /** Pass back to get the next page; empty when there is none. */
  readonly bookmark: string;
}

/**
 * One page of records found through an index: `recordKey` turns an index entry (its last attribute,
 * and all of them) into the record's key. Pagination is only allowed in read-only queries.
 */
export async function pageByIndex<T>(
  ctx: Context,
  prefix: KeyPrefix,
  partial: string[],
  pageSize: number,
  bookmark: string,
  recordKey: (id: string, attributes: readonly string[]) => string,
): Promise<Page<T>> {
  const response = await ctx.stub.getStateByPartialCompositeKeyWithPagination(prefix, partial, pageSize, bookmark);
  const records: T[] = [];
  const entries = await indexEntries(ctx, response.iterator);
  for (const attributes of entries) {
    const record = await readRecord<T>(ctx, recordKey(attributes[attributes.length - 1] ?? '', attributes));
    if (record !== undefined) records.push(record);
  }
  return { records, ...pageMetadata(response, entries.length, pageSize) };
}

/**
 * The page's count and the bookmark of the next page. The peer sends no metadata for an empty
 * page, and a bookmark on a short page only points past the end, so both mean "no more".
 */
export function pageMetadata(
  response: { metadata?: { fetchedRecordsCount: number; bookmark: string } },
  fetched: number,
  pageSize: number,
): { fetchedRecordsCount: number; bookmark: string } {
  const bookmark = response.metadata?.bookmark ?? '';
  return { fetchedRecordsCount: fetched, bookmark: fetched === pageSize ? bookmark : '' };
}

/** Every record id under an index prefix; only for small sets (e.g. one company's users). */
export async function allIdsByIndex(ctx: Context, prefix: KeyPrefix, partial: string[]): Promise<string[]> {
  const entries = await indexEntries(ctx, await ctx.stub.getStateByPartialCompositeKey(prefix, partial));
  return entries.map((attributes) => attributes[attributes.length - 1] ?? '');
}

/** The attributes of each index key; closes the iterator. */
async function indexEntries(ctx: Context, iterator: Iterators.StateQueryIterator): Promise<string[][]> {
  const entries: string[][] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      entries.push(ctx.stub.splitCompositeKey(next.value.key).attributes);
    }
  } finally {
    await iterator.close();
  }
  return entries;
}
