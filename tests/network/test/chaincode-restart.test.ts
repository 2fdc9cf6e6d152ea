// The chaincode runs as a supervised service: killed, it is started again and the next
// transaction succeeds.
import { expect } from 'chai';
import { isListening, recordedPid, waitFor } from '../src/network-control.ts';
import { evaluateOnOwnPeer, openSession, profile, submitJson, uniqueId, type OrgSession } from '../src/registry-client.ts';

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
    // Restarted means serving again: the new process must be listening before the peers can dial it.
    const { chaincodeAddress } = profile();
    await waitFor(`the chaincode service on ${chaincodeAddress}`, 30_000, async () =>
      (await isListening(chaincodeAddress)) && recordedPid('chaincode') === after ? true : undefined,
    );

    const id = uniqueId('after-restart');
    await submitJson(government, 'system:RecordProbe', JSON.stringify({ id, value: 'served by the new process' }));
    expect(JSON.parse(await evaluateOnOwnPeer(government, 'system:ReadProbe', id))).to.include({ id });
  });
});
