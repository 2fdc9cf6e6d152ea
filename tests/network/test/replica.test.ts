// The query replica on the real network: a replicator follows the blocks of a stream of registry
// writes (issuances, transfers, a transfer request, retirements, a cancellation), is killed between
// a block's documents and its checkpoint, then stopped in the middle of the stream and restarted;
// once it has caught up (lag 0) its database must hold exactly the documents of a fresh replay of
// the whole ledger, and its statistics must agree with the chaincode's own reconciliation.
import { expect } from 'chai';
import { loadNetworkProfile } from '@carbon-registry/fabric-client';
import { Ledger } from '../../../gateway-api/src/fabric/ledger.ts';
import { createLogger } from '../../../gateway-api/src/logging.ts';
import { peerChainHeight } from '../../../gateway-api/src/replica/chain-height.ts';
import type { ReplicaStatistics } from '../../../gateway-api/src/replica/documents.ts';
import { ensureIndexes } from '../../../gateway-api/src/replica/indexes.ts';
import { CouchReplicaStore, type ReplicaStore } from '../../../gateway-api/src/replica/replica-store.ts';
import { Replicator, type ReplicatorStatus } from '../../../gateway-api/src/replica/replicator.ts';
import { openCouch, type Couch } from '../../../gateway-api/src/store/couch.ts';
import { couchUrl, sharedGateway } from '../src/api-gateway.ts';
import { networkHome, waitFor } from '../src/network-control.ts';
import { evaluateOnOwnPeer, submitRequest, uniqueId, type OrgSession } from '../src/registry-client.ts';
import { RegistryScenario, verifiedRound } from '../src/registry-setup.ts';

const run = uniqueId('r').replace(/[^A-Za-z0-9]/g, '').slice(-10).toUpperCase();
const externalId = `VCS-RP-${run}`;
const databasePrefix = `h2r${run.toLowerCase()}`;

/** A replica store that fails one checkpoint write, as a process killed after a block's documents would. */
class KilledOnce implements ReplicaStore {
  killedAt: number | undefined;
  #from = Number.POSITIVE_INFINITY;

  constructor(private readonly inner: ReplicaStore) {}

  /** Kills the first checkpoint write of a block at or after `blockNumber`. */
  armAt(blockNumber: number): void {
    this.#from = blockNumber;
  }

  readCheckpoint = () => this.inner.readCheckpoint();
  fetch = (ids: readonly string[]) => this.inner.fetch(ids);
  write: ReplicaStore['write'] = (docs) => this.inner.write(docs);
  programmeSectors = (ids: readonly number[]) => this.inner.programmeSectors(ids);

  async writeCheckpoint(blockNumber: number, statistics: ReplicaStatistics): Promise<void> {
    if (this.killedAt === undefined && blockNumber >= this.#from) {
      this.killedAt = blockNumber;
      throw new Error(`killed before the checkpoint of block ${String(blockNumber)}`);
    }
    await this.inner.writeCheckpoint(blockNumber, statistics);
  }
}

interface Reconciliation {
  programmes: { issued: number; unitsByState: Record<string, number> }[];
}

describe('replicator: stopped mid-stream under writes and restarted', function () {
  this.timeout(600_000);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'error');
  // Opened in before(): the suite's CouchDB address is known once the root hooks have run.
  let followed: Couch;
  let replayed: Couch;
  let ledger: Ledger;
  let scenario: RegistryScenario;
  let certifier: OrgSession;
  let holderA: OrgSession;
  let holderB: OrgSession;
  const holderAId = `RPA-${run}`;
  const holderBId = `RPB-${run}`;
  const certifierId = `RPC-${run}`;
  const replicators: Replicator[] = [];

  const replicator = (couch: Couch, store: ReplicaStore = new CouchReplicaStore(couch.replica), lastBlock?: number) => {
    const r = new Replicator({
      ledger,
      store,
      logger,
      prepare: () => ensureIndexes(couch.replica),
      retryInitialMs: 100,
      retryMaxMs: 1000,
      ...(lastBlock === undefined ? {} : { lastBlock }),
    });
    replicators.push(r);
    return r;
  };

  const caughtUp = (r: Replicator): Promise<ReplicatorStatus> =>
    waitFor('the replica to catch up with the peer', 180_000, async () => {
      const status = await r.currentStatus();
      return status.lag === 0 ? status : undefined;
    });

  /** Every document but the design documents, without revisions, by id. */
  async function contents(couch: Couch): Promise<Record<string, unknown>> {
    const { rows } = await couch.replica.list({ include_docs: true });
    const entries = rows
      .filter((row) => !row.id.startsWith('_design/'))
      .map((row) => {
        const { _rev: _ignored, ...body } = row.doc ?? {};
        return [row.id, body] as const;
      });
    return Object.fromEntries(entries);
  }

  /** Registry writes by four parties: each act commits in its own block. */
  function acts(governmentId: string): (() => Promise<unknown>)[] {
    const government = scenario.government;
    let requestId = '';
    let pendingRetirement = '';
    const retire = (session: OrgSession, quantity: number, abroad = false) =>
      submitRequest<{ retirementId: string }>(session, 'retirement:RetireCredits', {
        quantity,
        beneficiary: `Beneficiary ${run}`,
        category: abroad ? 'OtherInternationalMitigationPurposes' : 'VoluntaryCancellation',
        ...(abroad ? { useAbroad: { country: 'CH' } } : {}),
      });
    return [
      () => submitRequest(government, 'issuance:IssueCredits', { externalId, round: 1, quantity: 4000 }),
      () => submitRequest(holderA, 'transfer:SendCredits', { to: holderBId, quantity: 1000 }),
      () => submitRequest(holderB, 'transfer:SendCredits', { to: holderAId, quantity: 200 }),
      async () => {
        requestId = (await submitRequest<{ requestId: string }>(holderB, 'transfer:RequestCredits', { from: holderAId, quantity: 500 })).requestId;
      },
      () => submitRequest(holderA, 'transfer:ApproveTransferRequest', { requestId }),
      () => retire(holderA, 300),
      async () => {
        pendingRetirement = (await retire(holderB, 100, true)).retirementId;
      },
      () => submitRequest(government, 'retirement:ApproveRetirement', { retirementId: pendingRetirement }),
      () => submitRequest(government, 'custody:CancelCredits', { holder: holderAId, quantity: 50, reason: 'Buffer', note: 'buffer pool' }),
      () => submitRequest(government, 'issuance:IssueCredits', { externalId, round: 1, quantity: 2000 }),
      () => submitRequest(holderA, 'transfer:SendCredits', { to: governmentId, quantity: 700 }),
      () => retire(holderB, 50),
    ];
  }

  before(async () => {
    ledger = new Ledger(loadNetworkProfile(networkHome()));
    followed = openCouch(couchUrl(), `${databasePrefix}a`);
    replayed = openCouch(couchUrl(), `${databasePrefix}b`);
    for (const couch of [followed, replayed]) await couch.server.db.create(couch.names.replica);
    scenario = new RegistryScenario(run);
    await scenario.ensureBootstrapped();
    certifier = await scenario.certifier(certifierId);
    holderA = await scenario.developer(holderAId);
    holderB = await scenario.developer(holderBId);
    await scenario.authorisedProgramme(externalId, holderA, holderAId, certifier, certifierId);
    await verifiedRound(holderA, certifier, externalId, 10_000);
  });

  after(async () => {
    for (const r of replicators) await r.stop();
    scenario.close();
    ledger.close();
    for (const couch of [followed, replayed]) {
      await couch.server.db.destroy(couch.names.replica).catch(() => undefined);
    }
  });

  it('survives a kill between a block and its checkpoint and a stop mid-stream, then catches up (lag 0)', async () => {
    const killing = new KilledOnce(new CouchReplicaStore(followed.replica));
    const first = replicator(followed, killing);
    first.start();
    const streamStart = (await caughtUp(first)).replicatedHeight;
    killing.armAt(streamStart + 1);

    const writes = acts(await scenario.governmentCompanyId());
    let done = 0;
    const stream = (async () => {
      for (const act of writes) {
        await act();
        done += 1;
      }
    })();
    await waitFor('blocks of the stream to be replicated', 120_000, () =>
      Promise.resolve(first.status().replicatedHeight >= streamStart + 4 ? true : undefined),
    );
    await first.stop();
    const stoppedAt = first.status().replicatedHeight;
    expect(done, 'stopped while the writes went on').to.be.lessThan(writes.length);
    expect(killing.killedAt, 'killed before a checkpoint of the stream').to.be.at.least(streamStart + 1);

    const doneAtStop = done;
    await waitFor('two more writes while stopped', 120_000, () =>
      Promise.resolve(done >= Math.min(writes.length, doneAtStop + 2) ? true : undefined),
    );
    const restarted = replicator(followed);
    restarted.start();
    await stream;
    const status = await caughtUp(restarted);
    expect(status.replicatedHeight).to.be.greaterThan(stoppedAt);
    expect(status.lastError).to.equal(undefined);
    await restarted.stop();

    const programme = (await followed.replica.get(`programme:${externalId}`)) as unknown as { state: string; record: { credits: { issued: number } } };
    expect(programme.state).to.equal('Authorised');
    expect(programme.record.credits.issued).to.equal(6000);
  });

  it('holds the same documents as a fresh replay of the ledger, ignoring only _rev', async () => {
    const { blockNumber } = await new CouchReplicaStore(followed.replica).readCheckpoint();
    const replay = replicator(replayed, undefined, blockNumber);
    replay.start();
    await replay.stopped();
    expect((await new CouchReplicaStore(replayed.replica).readCheckpoint()).blockNumber).to.equal(blockNumber);
    const [left, right] = [await contents(followed), await contents(replayed)];
    expect(Object.keys(left).length).to.be.greaterThan(blockNumber);
    expect(left).to.deep.equal(right);
  });

  it("counts the credits as the chaincode's reconciliation does", async () => {
    // The reconciliation and the replica must describe the same height: read it before and after.
    const { height, reconciliation } = await waitFor('a height without new blocks during the reconciliation', 60_000, async () => {
      const before = await peerChainHeight(ledger);
      const report = JSON.parse(await evaluateOnOwnPeer(scenario.government, 'credit:Reconcile', '{}')) as Reconciliation;
      return (await peerChainHeight(ledger)) === before ? { height: before, reconciliation: report } : undefined;
    });
    const replay = replicator(replayed, undefined, height - 1);
    replay.start();
    await replay.stopped();
    const { blockNumber, statistics } = await new CouchReplicaStore(replayed.replica).readCheckpoint();
    expect(blockNumber).to.equal(height - 1);

    const units: Record<string, number> = {};
    for (const p of reconciliation.programmes) {
      for (const [state, n] of Object.entries(p.unitsByState)) if (n > 0) units[state] = (units[state] ?? 0) + n;
    }
    const issued = reconciliation.programmes.reduce((sum, p) => sum + p.issued, 0);
    expect(statistics.credits.issued.total).to.equal(issued);
    expect(statistics.unitsByBlockState).to.deep.equal(units);
    expect(statistics.credits.retired.total).to.equal(units.Retired ?? 0);
    expect(statistics.credits.cancelled.total).to.equal(units.Cancelled ?? 0);
    expect(statistics.credits.issued.total).to.be.at.least(6000);
  });

  it('reports the peer height, the replicated height and the lag on GET /health', async () => {
    const gateway = await sharedGateway();
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).to.equal(200);
    const health = (await response.json()) as { status: string; peerHeight: number; replicatedHeight: number; lag: number; couchdb: string };
    expect(health).to.include({ status: 'ok', couchdb: 'ok' });
    expect(health.peerHeight).to.be.greaterThan(0);
    expect(health.lag).to.equal(Math.max(0, health.peerHeight - health.replicatedHeight));
  });
});
