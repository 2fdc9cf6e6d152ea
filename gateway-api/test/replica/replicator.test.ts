import { expect } from 'chai';
import { common } from '@hyperledger/fabric-protos';
import type { Ledger } from '../../src/fabric/ledger.ts';
import { createLogger } from '../../src/logging.ts';
import { BlockApplier } from '../../src/replica/block-applier.ts';
import { decodeBlock } from '../../src/replica/block-decoder.ts';
import { Replicator } from '../../src/replica/replicator.ts';
import { buildBlock, CHAINCODE, type TxSpec } from './block-builder.ts';
import { MemoryStore } from './memory-store.ts';
import { registryScenario } from './registry-fixtures.ts';

const history: TxSpec[][] = [[{ txId: '', headerType: 1 }], ...registryScenario().blocks];
const chain: common.Block[] = history.map((txs, n) => buildBlock(n, txs));

/**
 * A peer delivering `chain` from any start block, then waiting for more; its stream breaks once
 * after `breakAfter` blocks, as when the peer restarts.
 */
class FakePeer {
  readonly starts: number[] = [];
  breakAfter: number | undefined;

  events(startBlock: number) {
    this.starts.push(startBlock);
    let closed = false;
    let wake: (() => void) | undefined;
    const blocks = chain.slice(startBlock);
    // Only the first stream breaks.
    const breakAt = this.breakAfter;
    this.breakAfter = undefined;
    async function* deliver(): AsyncGenerator<common.Block> {
      for (const [i, block] of blocks.entries()) {
        if (breakAt === i) throw new Error('14 UNAVAILABLE: the peer restarted');
        yield block;
      }
      // The stream stays open for blocks not yet committed, until closed.
      while (!closed) await new Promise<void>((resolve) => (wake = resolve));
    }
    return Object.assign(deliver(), {
      close: () => {
        closed = true;
        wake?.();
      },
    });
  }

  /** Enough of a Ledger for the replicator: block events and qscc GetChainInfo on one peer. */
  ledger(): Ledger {
    const network = {
      getName: () => 'carbon-registry',
      getBlockEvents: ({ startBlock }: { startBlock: bigint }) => Promise.resolve(this.events(Number(startBlock))),
      getContract: () => ({
        newProposal: () => ({
          evaluate: () => {
            const info = new common.BlockchainInfo();
            info.setHeight(chain.length);
            return Promise.resolve(info.serializeBinary());
          },
        }),
      }),
    };
    const identity = { identity: { mspId: 'GovernmentMSP', credentials: new Uint8Array() } };
    return {
      profile: { chaincode: CHAINCODE },
      serviceIdentity: () => identity,
      withNetwork: (_who: unknown, use: (n: typeof network) => Promise<unknown>) => use(network),
    } as unknown as Ledger;
  }
}

const until = async (what: string, condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

describe('replicator', () => {
  const logger = createLogger('silent');
  let clean: MemoryStore;
  before(async () => {
    clean = new MemoryStore();
    const applier = new BlockApplier(clean);
    await applier.resume();
    for (const block of chain) await applier.apply(decodeBlock(block, CHAINCODE));
  });

  it('resumes after a broken stream from the checkpoint, with no gap and no duplicate', async () => {
    const peer = new FakePeer();
    peer.breakAfter = 3;
    const store = new MemoryStore();
    const replicator = new Replicator({
      ledger: peer.ledger(),
      store,
      logger,
      retryInitialMs: 5,
      heightPollMs: 60_000,
    });
    replicator.start();
    await until('the whole chain', () => replicator.status().replicatedHeight === chain.length);
    expect(peer.starts).to.deep.equal([0, 3]);
    expect(store.contents()).to.deep.equal(clean.contents());
    expect(store.checkpoint).to.deep.equal(clean.checkpoint);
    expect(replicator.status().running).to.equal(true);
    expect(replicator.status().lastError, 'cleared once blocks flow again').to.equal(undefined);
    await replicator.stop();
    expect(replicator.status().running).to.equal(false);
  });

  it('starts again from the stored checkpoint, and reports the lag against the peer height', async () => {
    const store = new MemoryStore();
    const first = new Replicator({
      ledger: new FakePeer().ledger(),
      store,
      logger,
      heightPollMs: 60_000,
      lastBlock: 2,
    });
    first.start();
    await first.stopped();
    expect(store.checkpoint.blockNumber).to.equal(2);
    expect(await first.currentStatus()).to.include({
      peerHeight: chain.length,
      replicatedHeight: 3,
      lag: chain.length - 3,
    });

    const peer = new FakePeer();
    const second = new Replicator({ ledger: peer.ledger(), store, logger, heightPollMs: 60_000 });
    second.start();
    await until('the rest of the chain', () => second.status().replicatedHeight === chain.length);
    expect(peer.starts).to.deep.equal([3]);
    expect(await second.currentStatus()).to.include({ lag: 0 });
    await second.stop();
    expect(store.contents()).to.deep.equal(clean.contents());
  });
});
