// SmartBFT with 4 consenters tolerates one faulty node (f = 1): with an ordering node stopped the
// channel keeps committing, and the node catches up when it comes back.
import { expect } from 'chai';
import { channelHeight, networkScript, recordedPid, waitFor } from '../src/network-control.ts';
import { openSession, profile, submitJson, uniqueId, type OrgSession } from '../src/registry-client.ts';

// Consenter 4: stopping a follower keeps the test about fault tolerance, not view-change timing.
const STOPPED = 'orderer0.developer';

describe('ordering with one BFT node down', () => {
  let government: OrgSession;
  before(() => {
    government = openSession('GovernmentMSP');
  });
  after(async () => {
    government.connection.close();
    if (recordedPid(STOPPED) === undefined) await networkScript('start', STOPPED);
  });

  it(`keeps committing with ${STOPPED} stopped, and the node catches up after its restart`, async () => {
    await networkScript('stop', STOPPED);
    expect(recordedPid(STOPPED), `${STOPPED} should be stopped`).to.equal(undefined);

    for (let i = 0; i < 3; i++) {
      const id = uniqueId(`bft-down-${String(i)}`);
      await submitJson(government, 'system:RecordProbe', JSON.stringify({ id, value: 'committed with 3 of 4 orderers' }));
    }

    await networkScript('start', STOPPED);
    // One more block after the restart, so the node must also follow new blocks, not only old ones.
    await submitJson(government, 'system:RecordProbe', JSON.stringify({ id: uniqueId('bft-back'), value: 'after restart' }));

    const others = profile().orderers.map((o) => o.name).filter((n) => n !== STOPPED);
    const target = await channelHeight('peer0.government');
    expect(target).to.be.a('number');
    await waitFor(`${STOPPED} to reach height ${String(target)}`, 60_000, async () => {
      const h = await channelHeight(STOPPED);
      return h !== undefined && target !== undefined && h >= target ? h : undefined;
    });
    const heights = await Promise.all([STOPPED, ...others].map((n) => channelHeight(n)));
    expect(new Set(heights).size, `heights ${JSON.stringify(heights)}`).to.equal(1);
  });
});
