import { expect } from 'chai';
import { BlockApplier, BlockGapError } from '../../src/replica/block-applier.ts';
import { ReplicaAheadError } from '../../src/replica/block-plan.ts';
import { decodeBlock, type DecodedBlock } from '../../src/replica/block-decoder.ts';
import { statisticsOf } from '../../src/replica/statistics.ts';
import { buildBlock, CHAINCODE, compositeKey, type TxSpec } from './block-builder.ts';
import { Crash, MemoryStore, type CrashPlan } from './memory-store.ts';
import { registryScenario } from './registry-fixtures.ts';

// Block 0 is the channel's configuration; the registry's history follows.
const history: TxSpec[][] = [[{ txId: '', headerType: 1 }], ...registryScenario().blocks];
const ledger: DecodedBlock[] = history.map((txs, n) => decodeBlock(buildBlock(n, txs), CHAINCODE));

async function replicate(store: MemoryStore, blocks: readonly DecodedBlock[] = ledger): Promise<void> {
  const applier = new BlockApplier(store);
  const next = await applier.resume();
  for (const block of blocks.slice(next)) await applier.apply(block);
}

/** Replicates, surviving one crash: a new applier (as after a restart) resumes from the checkpoint. */
async function replicateThroughCrash(plan: CrashPlan): Promise<MemoryStore> {
  const store = new MemoryStore();
  store.crashOnce(plan);
  try {
    await replicate(store);
    expect.fail(`no crash happened for ${JSON.stringify(plan)}`);
  } catch (err) {
    if (!(err instanceof Crash)) throw err;
  }
  await replicate(store);
  return store;
}

describe('replica block applier', () => {
  let clean: MemoryStore;
  before(async () => {
    clean = new MemoryStore();
    await replicate(clean);
  });

  it('replicates the history: statistics by deltas equal a count of the documents', () => {
    const { statistics, blockNumber } = clean.checkpoint;
    expect(blockNumber).to.equal(ledger.length - 1);
    expect(statistics).to.deep.equal(statisticsOf(Object.values(clean.contents()) as Record<string, unknown>[]));
    expect(statistics.unitsByBlockState).to.deep.equal({ Active: 900, Retired: 100 });
    expect(statistics.credits.issued).to.deep.include({ count: 1, total: 1000, byYear: { '2025': 1000 } });
    expect(statistics.credits.transferred).to.deep.include({ count: 1, total: 300, bySector: { Energy: 300 } });
    expect(statistics.credits.retired).to.deep.include({ count: 1, total: 100, byYear: { '2026': 100 } });
    expect(statistics.programmes).to.deep.equal({ total: 1, byState: { Authorised: 1 }, bySector: { Energy: 1 } });
    expect(statistics.organisations).to.deep.equal({
      total: 3,
      byRole: { Certifier: 1, ProgrammeDeveloper: 2 },
      byState: { Active: 3 },
    });
    expect(Object.keys(clean.contents()).filter((id) => id.startsWith('ledgerBlock:'))).to.have.length(ledger.length);
  });

  it('keeps in each document what the statistics counted for the version it replaced', () => {
    const moved = clean.contents()['creditBlock:000000000001:0000000000001000'] as { replica: unknown; state: string };
    expect(moved.state).to.equal('Retired');
    expect(moved.replica).to.deep.include({
      block: 6,
      txId: 'tx-retire',
      previous: { type: 'creditBlock', state: 'Active', quantity: 300 },
    });
  });

  for (const [n, txs] of history.entries()) {
    const writes = decodeBlock(buildBlock(n, txs), CHAINCODE).transactions.length + 1;
    for (const plan of [
      { block: n, afterDocuments: 0 },
      { block: n, afterDocuments: Math.ceil(writes / 2) },
      { block: n, atCheckpoint: true },
    ]) {
      it(`killed in block ${String(n)} (${plan.atCheckpoint ? 'before the checkpoint' : `after ${String(plan.afterDocuments)} documents`}) and restarted, ends as a clean run`, async () => {
        const store = await replicateThroughCrash(plan);
        expect(store.contents()).to.deep.equal(clean.contents());
        expect(store.checkpoint).to.deep.equal(clean.checkpoint);
      });
    }
  }

  it('does not rewrite the documents of a block replayed after they were all written', async () => {
    const store = await replicateThroughCrash({ block: 5, atCheckpoint: true });
    expect(store.writes).to.equal(clean.writes);
  });

  it('skips a block it already applied and refuses a gap', async () => {
    const store = new MemoryStore();
    const applier = new BlockApplier(store);
    await applier.resume();
    await applier.apply(ledger[0] as DecodedBlock);
    await applier.apply(ledger[1] as DecodedBlock);
    const writes = store.writes;
    await applier.apply(ledger[1] as DecodedBlock);
    expect(store.writes).to.equal(writes);
    let refused: unknown;
    await applier.apply(ledger[3] as DecodedBlock).catch((err: unknown) => (refused = err));
    expect(refused).to.be.instanceOf(BlockGapError);
    expect(store.checkpoint.blockNumber).to.equal(1);
  });

  it('never puts an older version over a newer one written by another replicator', async () => {
    const store = new MemoryStore();
    await replicate(store);
    const before = store.contents();
    // A second writer whose checkpoint is behind: block 4 rewrites documents now at block 6.
    store.checkpoint = { ...store.checkpoint, blockNumber: 4 };
    let refused: unknown;
    await replicate(store).catch((err: unknown) => (refused = err));
    expect(refused).to.be.instanceOf(ReplicaAheadError);
    expect(store.contents()).to.deep.equal(before);
  });

  it('a deleted record leaves the statistics once, even when its block is replayed', async () => {
    const deletion = [{ txId: 'tx-delete', writes: [{ key: compositeKey('organisation', 'DEV-B'), isDelete: true }] }];
    const withDeletion = [...ledger, decodeBlock(buildBlock(ledger.length, deletion), CHAINCODE)];
    const store = new MemoryStore();
    await replicate(store, ledger);
    store.crashOnce({ block: ledger.length, atCheckpoint: true });
    await replicate(store, withDeletion).catch((err: unknown) => {
      if (!(err instanceof Crash)) throw err;
    });
    await replicate(store, withDeletion);
    expect(store.contents()).to.not.have.property('organisation:DEV-B');
    expect(store.checkpoint.statistics.organisations).to.deep.equal({
      total: 2,
      byRole: { Certifier: 1, ProgrammeDeveloper: 1 },
      byState: { Active: 2 },
    });
  });
});
