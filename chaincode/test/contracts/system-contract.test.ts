import { expect } from 'chai';
import { SystemContract } from '../../src/contracts/system-contract';
import { RegistryError } from '../../src/errors';
import { FakeLedger, type FakeCaller } from '../fake-context';

const governmentUser: FakeCaller = { mspId: 'GovernmentMSP', subject: '/C=XX/O=Government/OU=client/CN=user1' };

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(RegistryError);
    return JSON.parse((err as Error).message) as { code: string; message: string; details: unknown };
  }
  throw new Error('expected the transaction to fail');
}

describe('SystemContract', () => {
  let ledger: FakeLedger;
  let contract: SystemContract;

  beforeEach(() => {
    ledger = new FakeLedger();
    contract = new SystemContract();
  });

  it('is named "system"', () => {
    expect(contract.getName()).to.equal('system');
  });

  describe('GetInfo', () => {
    it("names the chaincode, its version and the caller's MSP id, subject and issuer", async () => {
      const info = JSON.parse(await contract.GetInfo(ledger.context(governmentUser))) as Record<string, unknown>;
      expect(info).to.deep.include({ chaincode: 'carbon', contracts: ['system'] });
      expect(info.version).to.match(/^\d+\.\d+\.\d+/);
      expect(info.caller).to.deep.equal({
        mspId: 'GovernmentMSP',
        subject: '/C=XX/O=Government/OU=client/CN=user1',
        issuer: '/C=XX/O=Government/CN=ca',
      });
    });
  });

  describe('RecordProbe and ReadProbe', () => {
    it('writes one deterministic record, emits one event, and reads it back', async () => {
      const written = await contract.RecordProbe(
        ledger.context(governmentUser),
        JSON.stringify({ value: 'v', id: 'p1' }),
      );
      const read = await contract.ReadProbe(ledger.context(governmentUser), 'p1');
      expect(JSON.parse(read)).to.deep.equal(JSON.parse(written));
      expect(JSON.parse(read)).to.include({
        docType: 'probe',
        id: 'p1',
        value: 'v',
        recordedBy: governmentUser.subject,
      });

      const [stored] = [...ledger.state.values()];
      expect(stored?.toString('utf8')).to.equal(
        '{"docType":"probe","id":"p1","recordedAt":"2023-11-14T22:13:21.000Z","recordedBy":"/C=XX/O=Government/OU=client/CN=user1","value":"v"}',
      );
      expect(ledger.events).to.deep.equal([{ name: 'ProbeRecorded', payload: { id: 'p1' } }]);
    });

    it('keys probes with a composite key', async () => {
      await contract.RecordProbe(ledger.context(governmentUser), JSON.stringify({ id: 'p2', value: '' }));
      expect([...ledger.state.keys()]).to.deep.equal(['\u0000probe\u0000p2\u0000']);
    });

    it('rejects bad JSON and bad fields with INVALID_ARGUMENT and changes nothing', async () => {
      const before = ledger.snapshot();
      expect((await rejection(contract.RecordProbe(ledger.context(governmentUser), '{not json'))).code).to.equal(
        'INVALID_ARGUMENT',
      );
      const body = await rejection(
        contract.RecordProbe(ledger.context(governmentUser), JSON.stringify({ id: 'a b', value: 1 })),
      );
      expect(body.code).to.equal('INVALID_ARGUMENT');
      expect(body.message).to.match(/id:.*value:/);
      expect(ledger.snapshot()).to.equal(before);
      expect(ledger.events).to.deep.equal([]);
    });

    it('answers NOT_FOUND for a probe that was never written', async () => {
      const body = await rejection(contract.ReadProbe(ledger.context(governmentUser), 'missing'));
      expect(body).to.deep.equal({
        code: 'NOT_FOUND',
        message: 'probe missing does not exist',
        details: { id: 'missing' },
      });
    });
  });
});
