// An in-memory ReplicaStore with CouchDB's revision rules (a write must name the current revision
// of a live document; a deleted one may be recreated without), which can be told to fail part-way
// through a block the way a killed process would.
import type { ExistingDocument, StoredDocument } from '../../src/replica/block-plan.ts';
import type { ReplicaStatistics } from '../../src/replica/documents.ts';
import type { ReplicaStore } from '../../src/replica/replica-store.ts';
import { emptyStatistics } from '../../src/replica/statistics.ts';

export class Crash extends Error {}

export interface CrashPlan {
  /** Fail the bulk write of this block after writing this many of its documents. */
  readonly block: number;
  readonly afterDocuments?: number;
  /** Fail the checkpoint write of the block (after its documents were written). */
  readonly atCheckpoint?: boolean;
}

export class MemoryStore implements ReplicaStore {
  readonly docs = new Map<string, ExistingDocument>();
  checkpoint = { blockNumber: -1, statistics: emptyStatistics() };
  writes = 0;
  #revision = 0;
  #crash: CrashPlan | undefined;
  #currentBlock = -1;

  crashOnce(plan: CrashPlan): void {
    this.#crash = plan;
  }

  readCheckpoint(): Promise<{ blockNumber: number; statistics: ReplicaStatistics }> {
    return Promise.resolve(structuredClone(this.checkpoint));
  }

  fetch(ids: readonly string[]): Promise<Map<string, ExistingDocument>> {
    this.#currentBlock = this.checkpoint.blockNumber + 1;
    const found = new Map<string, ExistingDocument>();
    for (const id of ids) {
      const existing = this.docs.get(id);
      if (existing) found.set(id, structuredClone(existing));
    }
    return Promise.resolve(found);
  }

  write(docs: readonly StoredDocument[]): Promise<void> {
    const crash = this.#crash?.block === this.#currentBlock ? this.#crash : undefined;
    docs.forEach((doc, i) => {
      if (crash?.afterDocuments === i) {
        this.#crash = undefined;
        throw new Crash(`killed after ${String(i)} documents`);
      }
      this.#store(doc);
    });
    return Promise.resolve();
  }

  #store(doc: StoredDocument): void {
    const current = this.docs.get(doc._id);
    const expected = current && !current.deleted ? current.rev : undefined;
    if (doc._rev !== expected) throw new Error(`conflict on ${doc._id}`);
    const { _rev: _ignored, ...body } = doc;
    const rev = `${String(++this.#revision)}-memory`;
    this.docs.set(doc._id, { rev, deleted: doc._deleted === true, doc: structuredClone({ ...body, _rev: rev }) });
    this.writes += 1;
  }

  writeCheckpoint(blockNumber: number, statistics: ReplicaStatistics): Promise<void> {
    if (this.#crash?.block === blockNumber && this.#crash.atCheckpoint) {
      this.#crash = undefined;
      throw new Crash('killed before the checkpoint');
    }
    this.checkpoint = { blockNumber, statistics: structuredClone(statistics) };
    return Promise.resolve();
  }

  programmeSectors(programmeIds: readonly number[]): Promise<Map<number, string>> {
    const sectors = new Map<number, string>();
    for (const { doc, deleted } of this.docs.values()) {
      const id = doc?.programmeId;
      if (!deleted && doc?.type === 'programme' && typeof id === 'number' && programmeIds.includes(id)) {
        sectors.set(id, String(doc.sector));
      }
    }
    return Promise.resolve(sectors);
  }

  /** Live documents without their revisions, by id: what a comparison of two replicas looks at. */
  contents(): Record<string, unknown> {
    const live = [...this.docs.entries()].filter(([, e]) => !e.deleted && e.doc);
    return Object.fromEntries(
      live.map(([id, e]) => {
        const { _rev: _ignored, ...body } = e.doc ?? {};
        return [id, body];
      }),
    );
  }
}
