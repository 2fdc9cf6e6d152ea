import { expect } from 'chai';
import { createLogger } from '../../src/logging.ts';
import { CHECKPOINT_ID } from '../../src/replica/documents.ts';
import { ensureReplicaLayout, REPLICA_LAYOUT } from '../../src/replica/replica-layout.ts';
import type { Couch } from '../../src/store/couch.ts';

/** Just enough of a CouchDB server for the layout check: one replica database that can be dropped. */
function couchHolding(checkpoint: Record<string, unknown> | undefined) {
  const calls: string[] = [];
  let stored = checkpoint;
  const couch = {
    names: { replica: 'test_replica', accounts: 'test_accounts' },
    replica: {
      get: (id: string) => {
        if (id === CHECKPOINT_ID && stored) return Promise.resolve({ ...stored, _rev: '1-a' });
        return Promise.reject(Object.assign(new Error('missing'), { statusCode: 404 }));
      },
    },
    server: {
      db: {
        destroy: (name: string) => {
          calls.push(`destroy ${name}`);
          stored = undefined;
          return Promise.resolve({ ok: true });
        },
        create: (name: string) => {
          calls.push(`create ${name}`);
          return Promise.resolve({ ok: true });
        },
      },
    },
  } as unknown as Couch;
  return { couch, calls };
}

describe('replica layout', () => {
  const logger = createLogger('silent');

  it('leaves a new replica alone', async () => {
    const { couch, calls } = couchHolding(undefined);
    expect(await ensureReplicaLayout(couch, logger)).to.equal(false);
    expect(calls).to.deep.equal([]);
  });

  it('leaves a replica of the current layout alone', async () => {
    const { couch, calls } = couchHolding({ type: 'checkpoint', layout: REPLICA_LAYOUT, blockNumber: 40 });
    expect(await ensureReplicaLayout(couch, logger)).to.equal(false);
    expect(calls).to.deep.equal([]);
  });

  it('drops a replica written before layouts were recorded, so it is replayed from block 0', async () => {
    const { couch, calls } = couchHolding({ type: 'checkpoint', blockNumber: 40 });
    expect(await ensureReplicaLayout(couch, logger)).to.equal(true);
    expect(calls).to.deep.equal(['destroy test_replica', 'create test_replica']);
  });

  it('drops a replica of another layout', async () => {
    const { couch, calls } = couchHolding({ type: 'checkpoint', layout: REPLICA_LAYOUT + 1, blockNumber: 3 });
    expect(await ensureReplicaLayout(couch, logger)).to.equal(true);
    expect(calls).to.have.length(2);
  });
});
