// The replica database as the replicator uses it, in few round trips per block: one `_all_docs`
// read of the documents a block touches, one `_bulk_docs` write, one checkpoint write; plus a
// `_find` for programme sectors the replicator has not seen yet (rare).
import type { DocumentScope } from 'nano';
import type { ExistingDocument, StoredDocument } from './block-plan.ts';
import { CHECKPOINT_ID, type CheckpointDocument, type ReplicaStatistics } from './documents.ts';
import { useIndex } from './indexes.ts';
import { REPLICA_LAYOUT } from './replica-layout.ts';
import { emptyStatistics } from './statistics.ts';

/** Where the replicator reads and writes; an interface so tests can interrupt a block half-way. */
export interface ReplicaStore {
  /** The last replicated block (-1 before block 0) and the statistics up to it. */
  readCheckpoint(): Promise<{ blockNumber: number; statistics: ReplicaStatistics }>;
  /** The current state of each document (absent ids are left out). */
  fetch(ids: readonly string[]): Promise<Map<string, ExistingDocument>>;
  /** Writes documents; fails when any of them was not written. */
  write(docs: readonly StoredDocument[]): Promise<void>;
  writeCheckpoint(blockNumber: number, statistics: ReplicaStatistics): Promise<void>;
  /** Sectors of the programmes with these programme ids (those the replica holds). */
  programmeSectors(programmeIds: readonly number[]): Promise<Map<number, string>>;
}

type Db = DocumentScope<Record<string, unknown>>;

interface AllDocsRow {
  id?: string;
  key?: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: Record<string, unknown> | null;
}

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number }).statusCode;

export class CouchReplicaStore implements ReplicaStore {
  #checkpointRev: string | undefined;

  constructor(private readonly db: Db) {}

  async readCheckpoint(): Promise<{ blockNumber: number; statistics: ReplicaStatistics }> {
    try {
      const doc = (await this.db.get(CHECKPOINT_ID)) as unknown as CheckpointDocument & { _rev: string };
      this.#checkpointRev = doc._rev;
      return { blockNumber: doc.blockNumber, statistics: doc.statistics };
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      this.#checkpointRev = undefined;
      return { blockNumber: -1, statistics: emptyStatistics() };
    }
  }

  async fetch(ids: readonly string[]): Promise<Map<string, ExistingDocument>> {
    const found = new Map<string, ExistingDocument>();
    if (ids.length === 0) return found;
    const response = await this.db.fetch({ keys: [...ids] }, { include_docs: true });
    for (const row of response.rows as AllDocsRow[]) {
      if (row.error !== undefined || !row.id || !row.value) continue;
      const deleted = row.value.deleted === true;
      // A tombstone's body says which block deleted it; only a replayed delete needs it (rare).
      const doc = deleted ? await this.#revision(row.id, row.value.rev) : (row.doc ?? null);
      found.set(row.id, { rev: row.value.rev, deleted, doc });
    }
    return found;
  }

  async #revision(id: string, rev: string): Promise<Record<string, unknown> | null> {
    try {
      return await this.db.get(id, { rev });
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  async write(docs: readonly StoredDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const results = await this.db.bulk({ docs: [...docs] });
    const failed = results.filter((r) => r.error !== undefined);
    if (failed.length > 0) {
      const sample = failed.slice(0, 3).map((r) => `${r.id}: ${r.error ?? ''} ${r.reason ?? ''}`);
      throw new Error(`${String(failed.length)} replica document(s) not written (${sample.join('; ')})`);
    }
  }

  async writeCheckpoint(blockNumber: number, statistics: ReplicaStatistics): Promise<void> {
    const doc: CheckpointDocument = {
      _id: CHECKPOINT_ID,
      type: 'checkpoint',
      layout: REPLICA_LAYOUT,
      blockNumber,
      statistics,
    };
    const body = this.#checkpointRev === undefined ? doc : { ...doc, _rev: this.#checkpointRev };
    try {
      this.#checkpointRev = (await this.db.insert(body as unknown as Record<string, unknown>)).rev;
    } catch (err) {
      // Another writer (or a lost response) moved the revision on: forget it, so the retry reads it.
      this.#checkpointRev = undefined;
      throw err;
    }
  }

  async programmeSectors(programmeIds: readonly number[]): Promise<Map<number, string>> {
    const sectors = new Map<number, string>();
    if (programmeIds.length === 0) return sectors;
    const response = await this.db.find({
      selector: { type: 'programme', programmeId: { $in: [...programmeIds] } },
      fields: ['programmeId', 'sector'],
      use_index: useIndex('type-programmeId'),
      limit: programmeIds.length,
    });
    for (const doc of response.docs as { programmeId?: number; sector?: string }[]) {
      if (typeof doc.programmeId === 'number' && typeof doc.sector === 'string')
        sectors.set(doc.programmeId, doc.sector);
    }
    return sectors;
  }
}
