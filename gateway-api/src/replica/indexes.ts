// The Mango indexes of the replica, declared as data: one JSON index per design document (the
// embedded pouchdb-server only honours `use_index` when it names the design document), created at
// start. Every query the API or the replicator makes names one of these, so none is a full scan.
// A Mango JSON index holds only documents that have every indexed field, so each index starts
// with `type` and lists fields that documents of that type always carry.
import type { DocumentScope } from 'nano';
import { ensureHistoryView } from './history-view.ts';
import { publicReadIndexes } from './public-indexes.ts';

export interface ReplicaIndex {
  /** Design document name (without `_design/`); also the index name. */
  readonly ddoc: string;
  readonly fields: readonly string[];
}

export const replicaIndexes: ReplicaIndex[] = [
  // The replicator's sector lookup for credit parts, and programme lookups by number.
  { ddoc: 'type-programmeId', fields: ['type', 'programmeId'] },
  // The public read API's lists (public-indexes.ts).
  ...publicReadIndexes,
];

/** `use_index` for a query served by `ddoc`. */
export const useIndex = (ddoc: string): [string, string] => [`_design/${ddoc}`, ddoc];

interface IndexDesign {
  readonly views?: Record<string, { options?: { def?: { fields?: unknown } } }>;
}

const fieldName = (field: unknown): unknown =>
  field !== null && typeof field === 'object' ? Object.keys(field)[0] : field;

/** The fields of the Mango index each design document of the database defines, by design document name. */
async function existingIndexes(db: DocumentScope<Record<string, unknown>>): Promise<Map<string, string>> {
  const { rows } = await db.list({ startkey: '_design/', endkey: '_design0', include_docs: true });
  const existing = new Map<string, string>();
  for (const row of rows) {
    const name = row.id.slice('_design/'.length);
    const fields = (row.doc as IndexDesign | undefined)?.views?.[name]?.options?.def?.fields;
    // The embedded server keeps field names, Apache CouchDB {field: direction} objects.
    if (Array.isArray(fields)) existing.set(name, JSON.stringify(fields.map(fieldName)));
  }
  return existing;
}

/**
 * Creates every index that does not exist yet. Asking the server to create an index that exists
 * is a no-op too, but takes it a few hundred milliseconds each on the embedded server, so the
 * design documents are read once and only missing or changed indexes are sent.
 */
export async function ensureIndexes(db: DocumentScope<Record<string, unknown>>): Promise<void> {
  const existing = await existingIndexes(db);
  for (const index of replicaIndexes) {
    if (existing.get(index.ddoc) === JSON.stringify(index.fields)) continue;
    await db.createIndex({ index: { fields: [...index.fields] }, ddoc: index.ddoc, name: index.ddoc, type: 'json' });
  }
  // A record's history needs a view: Mango cannot index the elements of an array.
  await ensureHistoryView(db);
}
