// The replicator: follows the channel's full blocks on one organisation's peer from the block after
// the stored checkpoint, and applies each to the CouchDB replica in order. After any error (peer
// or CouchDB restart, lost stream) it waits with exponential backoff and resumes from the stored
// checkpoint again, so it never skips a block and never applies one twice.
import type { CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import type { common } from '@hyperledger/fabric-protos';
import type { SigningIdentity } from '@carbon-registry/fabric-client';
import type { Ledger } from '../fabric/ledger.ts';
import type { Logger } from '../logging.ts';
import { BlockApplier } from './block-applier.ts';
import { decodeBlock } from './block-decoder.ts';
import { peerChainHeight } from './chain-height.ts';
import type { ReplicaStore } from './replica-store.ts';

export interface ReplicatorStatus {
  /** The followed peer's channel height (blocks 0…height-1); null until first read. */
  readonly peerHeight: number | null;
  /** Blocks fully replicated (the checkpoint's block number + 1). */
  readonly replicatedHeight: number;
  /** peerHeight − replicatedHeight; null while the peer height is unknown. */
  readonly lag: number | null;
  readonly running: boolean;
  readonly lastError?: string;
}

export interface ReplicatorOptions {
  readonly ledger: Ledger;
  readonly store: ReplicaStore;
  readonly logger: Logger;
  /** Whose peer to follow; the network profile's first organisation by default. */
  readonly mspId?: string | undefined;
  /** Runs once before the first block (e.g. creating the indexes). */
  readonly prepare?: () => Promise<void>;
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /** How often the peer's height is read while running. */
  readonly heightPollMs?: number;
  /** Stop once this block is replicated (a replay up to a known height); follow forever when absent. */
  readonly lastBlock?: number;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class Replicator {
  readonly #options: ReplicatorOptions;
  readonly #applier: BlockApplier;
  #identity: SigningIdentity | undefined;
  #loop: Promise<void> | undefined;
  #stopping = false;
  #prepared = false;
  #events: CloseableAsyncIterable<common.Block> | undefined;
  #wake: (() => void) | undefined;
  #poller: NodeJS.Timeout | undefined;
  #backoffMs: number;
  #peerHeight: number | null = null;
  #lastError: string | undefined;

  constructor(options: ReplicatorOptions) {
    this.#options = options;
    this.#applier = new BlockApplier(options.store);
    this.#backoffMs = options.retryInitialMs ?? 500;
  }

  /** Starts following blocks; does nothing when already running. */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run().finally(() => {
      this.#loop = undefined;
    });
    this.#poller = setInterval(
      () => void this.refreshPeerHeight().catch(() => undefined),
      this.#options.heightPollMs ?? 2000,
    );
    this.#poller.unref();
  }

  /** Stops after the block being applied, if any; resolves once stopped. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#poller);
    this.#events?.close();
    this.#wake?.();
    await this.#loop;
  }

  /** Resolves when the replicator has stopped (after stop(), or at `lastBlock`). */
  async stopped(): Promise<void> {
    await this.#loop;
  }

  status(): ReplicatorStatus {
    const replicatedHeight = (this.#applier.blockNumber ?? -1) + 1;
    const lag = this.#peerHeight === null ? null : Math.max(0, this.#peerHeight - replicatedHeight);
    return {
      peerHeight: this.#peerHeight,
      replicatedHeight,
      lag,
      running: this.#loop !== undefined,
      ...(this.#lastError === undefined ? {} : { lastError: this.#lastError }),
    };
  }

  /** Reads the peer's height now (throws when the peer cannot be reached). */
  async refreshPeerHeight(): Promise<number> {
    const height = await peerChainHeight(this.#options.ledger, this.#options.mspId);
    this.#peerHeight = Math.max(this.#peerHeight ?? 0, height);
    return height;
  }

  /** The status with the peer's height and, when not running, the replicated height read now. */
  async currentStatus(): Promise<ReplicatorStatus> {
    if (!this.#loop) await this.#applier.resume();
    await this.refreshPeerHeight();
    return this.status();
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      try {
        await this.#follow();
      } catch (err) {
        this.#interrupted(err);
      }
      await this.#backOff();
    }
  }

  #interrupted(err: unknown): void {
    // Closing the stream on stop() ends it with an error that is no failure.
    if (this.#stopping) return;
    this.#lastError = message(err);
    this.#options.logger.warn({ err, retryInMs: this.#backoffMs }, 'replicator interrupted; resuming from checkpoint');
  }

  async #backOff(): Promise<void> {
    if (this.#stopping) return;
    await this.#sleep(this.#backoffMs);
    this.#backoffMs = Math.min(this.#backoffMs * 2, this.#options.retryMaxMs ?? 15_000);
  }

  async #follow(): Promise<void> {
    // The checkpoint first, so the status says how far the replica is while the indexes are checked.
    const next = await this.#applier.resume();
    if (!this.#prepared) {
      await this.#options.prepare?.();
      this.#prepared = true;
    }
    if (this.#reachedLastBlock()) return;
    this.#identity ??= this.#options.ledger.serviceIdentity(this.#options.mspId);
    const chaincode = this.#options.ledger.profile.chaincode;
    await this.#options.ledger.withNetwork(this.#identity, async (network) => {
      const events = await network.getBlockEvents({ startBlock: BigInt(next) });
      this.#events = events;
      try {
        this.#options.logger.info({ startBlock: next }, 'replicator following blocks');
        for await (const block of events) {
          if (this.#stopping) break;
          await this.#applier.apply(decodeBlock(block, chaincode));
          this.#applied();
          if (this.#reachedLastBlock()) break;
        }
      } finally {
        events.close();
        this.#events = undefined;
      }
    });
  }

  #reachedLastBlock(): boolean {
    const { lastBlock } = this.#options;
    if (lastBlock === undefined || (this.#applier.blockNumber ?? -1) < lastBlock) return false;
    this.#stopping = true;
    clearInterval(this.#poller);
    return true;
  }

  #applied(): void {
    const replicatedHeight = (this.#applier.blockNumber ?? -1) + 1;
    this.#peerHeight = Math.max(this.#peerHeight ?? 0, replicatedHeight);
    this.#lastError = undefined;
    this.#backoffMs = this.#options.retryInitialMs ?? 500;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
