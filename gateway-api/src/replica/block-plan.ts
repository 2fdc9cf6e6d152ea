// What to write for one block, given the documents as they are now: the changed documents (with
// the revisions to replace) and the statistics after the block. Pure, and safe to run twice for
// the same block: a document already written by an interrupted first attempt carries this block's
// number, and its `replica.previous` says what it replaced, so the delta comes out the same and
// unchanged documents are not rewritten.
import { canonicalJson, type Json } from '../../../chaincode/src/domain/canonical-json.ts';
import type { BlockChanges, DocumentChange } from './block-documents.ts';
import type { ReplicaStamp, ReplicaStatistics, StatisticsFacts } from './documents.ts';
import { applyCounters, factsOf, StatisticsDelta } from './statistics.ts';

/** A document as CouchDB holds it now; `doc` of a deleted one is its tombstone's body. */
export interface ExistingDocument {
  readonly rev: string;
  readonly deleted: boolean;
  readonly doc: Readonly<Record<string, unknown>> | null;
}

export type StoredDocument = Readonly<Record<string, unknown>> & { readonly _id: string };

/** Another writer already replicated past this block: start again from the stored checkpoint. */
export class ReplicaAheadError extends Error {
  constructor(id: string, block: number, blockNumber: number) {
    super(`${id} is already at block ${String(block)}, past block ${String(blockNumber)}`);
    this.name = 'ReplicaAheadError';
  }
}

export interface BlockPlan {
  readonly blockNumber: number;
  readonly writes: readonly StoredDocument[];
  readonly statistics: ReplicaStatistics;
}

const replicaOf = (doc: Readonly<Record<string, unknown>> | null): ReplicaStamp | undefined =>
  (doc?.replica as ReplicaStamp | undefined) ?? undefined;

/** What the statistics counted for this document before this block. */
export function factsBefore(existing: ExistingDocument | undefined, blockNumber: number): StatisticsFacts | null {
  if (!existing?.doc) return null;
  const replica = replicaOf(existing.doc);
  if (replica?.block === blockNumber) return replica.previous;
  return existing.deleted ? null : factsOf(existing.doc);
}

function withoutRevision(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _rev: _ignored, ...body } = doc;
  return body;
}

const sameBody = (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean =>
  canonicalJson(withoutRevision(a) as Json) === canonicalJson(withoutRevision(b) as Json);

/** The document to store for a change (deletes become tombstones that remember what they removed). */
function target(change: DocumentChange, previous: StatisticsFacts | null): StoredDocument {
  if (change.kind === 'delete') return { _id: change.id, _deleted: true, replica: { ...change.replica, previous } };
  const doc = change.doc as unknown as StoredDocument;
  const replica = replicaOf(doc);
  return replica ? { ...doc, replica: { ...replica, previous } } : doc;
}

/** `doc` with the revision it replaces; a deleted document is recreated without one. */
function revised(doc: StoredDocument, existing: ExistingDocument | undefined): StoredDocument {
  return existing && !existing.deleted ? { ...doc, _rev: existing.rev } : doc;
}

function needsWrite(next: StoredDocument, existing: ExistingDocument | undefined): boolean {
  // A document already gone (deleted by an earlier attempt, or never there) stays gone.
  if (next._deleted === true) return existing !== undefined && !existing.deleted;
  if (!existing?.doc || existing.deleted) return true;
  return !sameBody(existing.doc, next);
}

export function planBlock(
  block: BlockChanges,
  existing: ReadonlyMap<string, ExistingDocument>,
  statistics: ReplicaStatistics,
): BlockPlan {
  const delta = new StatisticsDelta();
  const writes: StoredDocument[] = [];
  for (const change of block.changes) {
    const id = change.kind === 'put' ? change.doc._id : change.id;
    const current = existing.get(id);
    const written = replicaOf(current?.doc ?? null)?.block;
    // Never put an older version over a newer one (a second replicator on the same database).
    if (written !== undefined && written > block.blockNumber)
      throw new ReplicaAheadError(id, written, block.blockNumber);
    const previous = factsBefore(current, block.blockNumber);
    const next = target(change, previous);
    delta.replace(previous, change.kind === 'put' ? factsOf(next) : null);
    if (needsWrite(next, current)) writes.push(revised(next, current));
  }
  return { blockNumber: block.blockNumber, writes, statistics: applyCounters(statistics, delta.counters) };
}
