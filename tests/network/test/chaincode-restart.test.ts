// The chaincode runs as a supervised service: killed, it is started again and the next
// transaction succeeds.
import { expect } from 'chai';
import { recordedPid, waitFor } from '../src/network-control.ts';
import { evaluateOnOwnPeer, openSession, submitJson, uniqueId, type OrgSession } from '../src/registry-client.ts';

describe('the supervised chaincode service', () => {
  let government: OrgSession;
  before(() => {
    government = openSession('GovernmentMSP');
  });
  after(() => {
    government.connection.close();
  });

  it('is restarted after being killed, and the next transaction commits', async () => {
    const before = recordedPid('chaincode');
    expect(before, 'chaincode pid').to.be.a('number');
    process.kill(before as number, 'SIGKILL');

    const after = await waitFor('a new chaincode process', 30_000, () => {
      const pid = recordedPid('chaincode');
      return Promise.resolve(pid !== undefined && pid !== before ? pid : undefined);
    });
    expect(after).to.not.equal(before);

    const id = uniqueId('after-restart');
    await submitJson(government, 'system:RecordProbe', JSON.stringify({ id, value: 'served by the new process' }));
    expect(JSON.parse(await evaluateOnOwnPeer(government, 'system:ReadProbe', id))).to.include({ id });
  });
});
