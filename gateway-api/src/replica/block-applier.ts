// Applies decoded blocks to the replica strictly in order: the block's documents in one bulk
// write, then the checkpoint (with the statistics) — so a crash before the checkpoint means the
// block is done again, after it means it is done, and either way nothing is missed or counted twice.
import type { DecodedBlock } from './block-decoder.ts';
import { blockChanges, type BlockChanges } from './block-documents.ts';
import { planBlock } from './block-plan.ts';
import type { ReplicaStatistics } from './documents.ts';
import type { ReplicaStore } from './replica-store.ts';

export class BlockGapError extends Error {
  constructor(expected: number, received: number) {
    super(`expected block ${String(expected)}, received block ${String(received)}`);
    this.name = 'BlockGapError';
  }
}

export class BlockApplier {
  // Sectors of programmes seen so far: programmes change sector never, and are few.
  readonly #sectors = new Map<number, string>();
  #checkpoint: { blockNumber: number; statistics: ReplicaStatistics } | undefined;

  constructor(private readonly store: ReplicaStore) {}

  /** Reads the checkpoint; returns the number of the next block to apply. */
  async resume(): Promise<number> {
    this.#checkpoint = await this.store.readCheckpoint();
    return this.#checkpoint.blockNumber + 1;
  }

  /** The last block applied (-1 before block 0); undefined before resume(). */
  get blockNumber(): number | undefined {
    return this.#checkpoint?.blockNumber;
  }

  async apply(block: DecodedBlock): Promise<void> {
    const checkpoint = this.#checkpoint ?? (await this.store.readCheckpoint());
    this.#checkpoint = checkpoint;
    const expected = checkpoint.blockNumber + 1;
    // A block already applied (the stream restarted before it) changes nothing; a gap is an error.
    if (block.number < expected) return;
    if (block.number > expected) throw new BlockGapError(expected, block.number);
    const changes = await this.#changes(block);
    const existing = await this.store.fetch(changes.changes.map((c) => (c.kind === 'put' ? c.doc._id : c.id)));
    const plan = planBlock(changes, existing, checkpoint.statistics);
    await this.store.write(plan.writes);
    await this.store.writeCheckpoint(plan.blockNumber, plan.statistics);
    this.#checkpoint = { blockNumber: plan.blockNumber, statistics: plan.statistics };
    this.#learnSectors(changes);
  }

  async #changes(block: DecodedBlock): Promise<BlockChanges> {
    const lookup = (id: number): string | undefined => this.#sectors.get(id);
    const first = blockChanges(block, lookup);
    if (first.unknownProgrammes.length === 0) return first;
    for (const [id, sector] of await this.store.programmeSectors(first.unknownProgrammes))
      this.#sectors.set(id, sector);
    return blockChanges(block, lookup);
  }

  #learnSectors(changes: BlockChanges): void {
    for (const change of changes.changes) {
      if (change.kind !== 'put' || change.doc.type !== 'programme') continue;
      if (change.doc.programmeId !== null) this.#sectors.set(change.doc.programmeId, change.doc.sector);
    }
  }
}
