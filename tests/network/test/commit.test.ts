// A transaction signed by a Government user is endorsed, ordered by the BFT orderers and
// committed on every organisation's peer; Fabric's own metadata call answers on each peer.
import { expect } from 'chai';
import { chaincodeErrorOf } from '@carbon-registry/fabric-client';
import { waitFor } from '../src/network-control.ts';
import { evaluateOnOwnPeer, openSession, submitJson, uniqueId, type OrgSession } from '../src/registry-client.ts';

const ORGS = ['GovernmentMSP', 'CertifierMSP', 'DeveloperMSP'] as const;

describe('a committed transaction on the consortium', () => {
  const sessions = new Map<string, OrgSession>();
  const session = (mspId: string): OrgSession => {
    const s = sessions.get(mspId);
    if (!s) throw new Error(`no session for ${mspId}`);
    return s;
  };

  before(() => {
    for (const mspId of ORGS) sessions.set(mspId, openSession(mspId));
  });
  after(() => {
    for (const s of sessions.values()) s.connection.close();
  });

  for (const mspId of ORGS) {
    it(`answers org.hyperledger.fabric:GetMetadata on ${mspId}'s peer, listing the system contract`, async () => {
      const metadata = JSON.parse(await evaluateOnOwnPeer(session(mspId), 'org.hyperledger.fabric:GetMetadata')) as {
        contracts: Record<string, { transactions: { name: string }[] }>;
      };
      expect(Object.keys(metadata.contracts)).to.include('system');
      const names = metadata.contracts.system?.transactions.map((t) => t.name);
      expect(names).to.include.members(['GetInfo', 'RecordProbe', 'ReadProbe']);
    });
  }

  it("reports the caller's MSP id and certificate subject from GetInfo", async () => {
    const info = JSON.parse(await evaluateOnOwnPeer(session('DeveloperMSP'), 'system:GetInfo')) as {
      chaincode: string;
      caller: { mspId: string; subject: string };
    };
    expect(info.chaincode).to.equal('carbon');
    expect(info.caller.mspId).to.equal('DeveloperMSP');
    expect(info.caller.subject).to.match(/CN=user1/);
  });

  it("commits a Government user's transaction and reads it back from the other two peers", async () => {
    const id = uniqueId('commit');
    const written = (await submitJson(session('GovernmentMSP'), 'system:RecordProbe', JSON.stringify({ id, value: 'hello' }))) as {
      recordedBy: string;
    };
    expect(written.recordedBy).to.match(/CN=user1/);

    for (const reader of ['CertifierMSP', 'DeveloperMSP']) {
      const record = await waitFor(`probe ${id} on ${reader}'s peer`, 15_000, async () =>
        JSON.parse(await evaluateOnOwnPeer(session(reader), 'system:ReadProbe', id)) as { id: string; value: string },
      );
      expect(record).to.include({ id, value: 'hello' });
    }
  });

  it('rejects a malformed probe with INVALID_ARGUMENT and writes nothing', async () => {
    const id = uniqueId('bad');
    let caught: unknown;
    try {
      await session('GovernmentMSP').contract.submitTransaction('system:RecordProbe', JSON.stringify({ id, value: 42 }));
    } catch (err) {
      caught = err;
    }
    expect(chaincodeErrorOf(caught)?.code).to.equal('INVALID_ARGUMENT');

    caught = undefined;
    try {
      await evaluateOnOwnPeer(session('GovernmentMSP'), 'system:ReadProbe', id);
    } catch (err) {
      caught = err;
    }
    expect(chaincodeErrorOf(caught)?.code).to.equal('NOT_FOUND');
  });
});
