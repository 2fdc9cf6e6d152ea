// The transactions that wrote a record: each transaction document lists the ids of the documents
// it wrote (`records`). A Mango JSON index cannot index the elements of an array, so this one list
// is served by a CouchDB view keyed [record id, block, index in block] — an index all the same,
// read as one key range, latest first. Views are plain CouchDB and work on pouchdb-server too.
import type { DocumentScope } from 'nano';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import type { Page } from './keyset.ts';

export const HISTORY_VIEW = { ddoc: 'transaction-records', view: 'by-record' } as const;

const LISTING = `${HISTORY_VIEW.ddoc}/${HISTORY_VIEW.view}:desc`;

/** The view's map function, as CouchDB stores it (JavaScript source, ES5 for CouchDB's engine). */
export const HISTORY_MAP = [
  'function (doc) {',
  "  if (doc.type !== 'transaction' || !Array.isArray(doc.records)) return;",
  '  for (var i = 0; i < doc.records.length; i++) emit([doc.records[i], doc.block, doc.index], null);',
  '}',
].join('\n');

interface DesignDocument {
  readonly _rev?: string;
  readonly views?: Readonly<Record<string, { readonly map?: string }>>;
}

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number }).statusCode;

async function designDocument(
  db: DocumentScope<Record<string, unknown>>,
  id: string,
): Promise<DesignDocument | undefined> {
  try {
    return await db.get(id);
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Creates or updates the view's design document; a no-op when it is already as defined here. */
export async function ensureHistoryView(db: DocumentScope<Record<string, unknown>>): Promise<void> {
  const id = `_design/${HISTORY_VIEW.ddoc}`;
  const existing = await designDocument(db, id);
  if (existing?.views?.[HISTORY_VIEW.view]?.map === HISTORY_MAP) return;
  const doc = { _id: id, language: 'javascript', views: { [HISTORY_VIEW.view]: { map: HISTORY_MAP } } };
  try {
    await db.insert(existing?._rev === undefined ? doc : { ...doc, _rev: existing._rev });
  } catch (err) {
    // Another gateway wrote it at the same moment; either version is this one.
    if (statusOf(err) !== 409) throw err;
  }
}

export interface HistoryViewQuery {
  readonly startkey: unknown[];
  readonly endkey: unknown[];
  readonly descending: true;
  readonly include_docs: true;
  readonly limit: number;
}

type Position = readonly [number, number];

function positionOf(cursor: string): Position {
  const [block, index] = decodeCursor(cursor, LISTING, 2);
  if (typeof block !== 'number' || typeof index !== 'number') invalidCursor('not a cursor this API returned');
  return [block, index];
}

/**
 * The view query for a page of a record's history, latest first. After a cursor it starts at the
 * cursor's own key (view ranges are inclusive at their start) and asks for one row more, which
 * historyPage drops.
 */
export function historyViewQuery(recordId: string, limit: number, cursor?: string): HistoryViewQuery {
  const after = cursor === undefined ? undefined : positionOf(cursor);
  return {
    // {} sorts after every number: the whole [recordId, …] range, from its end.
    startkey: after === undefined ? [recordId, {}] : [recordId, ...after],
    endkey: [recordId],
    descending: true,
    include_docs: true,
    limit: limit + 1 + (after === undefined ? 0 : 1),
  };
}

export interface HistoryRow<T> {
  readonly key: readonly unknown[];
  readonly doc?: T | null;
}

/** The page of `limit` transactions out of the view rows, without the cursor's own row. */
export function historyPage<T>(rows: readonly HistoryRow<T>[], limit: number, cursor?: string): Page<T> {
  const after = cursor === undefined ? undefined : positionOf(cursor);
  const past = rows.filter((row) => after === undefined || row.key[1] !== after[0] || row.key[2] !== after[1]);
  const items = past.slice(0, limit).flatMap((row) => (row.doc ? [row.doc] : []));
  const last = past[Math.min(limit, past.length) - 1];
  if (past.length <= limit || last === undefined) return { items };
  return { items, next: encodeCursor(LISTING, [last.key[1] as number, last.key[2] as number]) };
}
