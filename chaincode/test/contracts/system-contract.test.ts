import { expect } from 'chai';
import { SystemContract } from '../../src/contracts/system-contract';
import { identityFromCertificate } from '../../src/domain/identity';
import { FakeLedger, type FakeCaller } from '../support/fake-ledger';
import { rejection } from '../support/rejection';
import { newIdentity } from '../support/registry-fixture';

describe('SystemContract', () => {
  const contract = new SystemContract();
  let ledger: FakeLedger;
  let user: FakeCaller;
  let subject: string;

  before(async () => {
    user = await newIdentity('GovernmentMSP');
    subject = identityFromCertificate(user.certificate).subject;
  });
  beforeEach(() => {
    ledger = new FakeLedger();
  });

  it('is named "system"', () => {
    expect(contract.getName()).to.equal('system');
  });

  it("GetInfo names the chaincode, its version and the caller's MSP id, subject and issuer", async () => {
    const info = JSON.parse(await ledger.invoke(user, (ctx) => contract.GetInfo(ctx))) as Record<string, unknown>;
    expect(info).to.deep.include({ chaincode: 'carbon', contracts: ['system'] });
    expect(info.version).to.match(/^\d+\.\d+\.\d+/);
    expect(info.caller).to.deep.equal({
      mspId: 'GovernmentMSP',
      subject,
      issuer: '/C=XX/O=Government/CN=ca.government.carbon.example',
    });
  });

  it('RecordProbe writes one deterministic record and one event; ReadProbe reads it back', async () => {
    const written = await ledger.invoke(user, (ctx) =>
      contract.RecordProbe(ctx, JSON.stringify({ value: 'v', id: 'p1' })),
    );
    const read = await ledger.invoke(user, (ctx) => contract.ReadProbe(ctx, 'p1'));
    expect(JSON.parse(read)).to.deep.equal(JSON.parse(written));
    const [stored] = [...ledger.state.values()];
    expect(stored?.toString('utf8')).to.equal(
      `{"docType":"probe","id":"p1","recordedAt":"2023-11-14T22:14:20.000Z","recordedBy":"${subject}","value":"v"}`,
    );
    expect(ledger.events).to.deep.equal([{ txId: 'tx000001', name: 'ProbeRecorded', payload: { id: 'p1' } }]);
  });

  it('keys probes with a composite key', async () => {
    await ledger.invoke(user, (ctx) => contract.RecordProbe(ctx, JSON.stringify({ id: 'p2', value: '' })));
    expect([...ledger.state.keys()]).to.deep.equal(['\u0000probe\u0000p2\u0000']);
  });

  it('rejects bad JSON and bad fields with INVALID_ARGUMENT and changes nothing', async () => {
    const before = ledger.snapshot();
    const badJson = await rejection(ledger.invoke(user, (ctx) => contract.RecordProbe(ctx, '{not json')));
    expect(badJson.code).to.equal('INVALID_ARGUMENT');
    const badFields = await rejection(
      ledger.invoke(user, (ctx) => contract.RecordProbe(ctx, JSON.stringify({ id: 'a b', value: 1 }))),
    );
    expect(badFields.code).to.equal('INVALID_ARGUMENT');
    expect(badFields.message).to.match(/id:.*value:/);
    expect(ledger.snapshot()).to.equal(before);
    expect(ledger.events).to.deep.equal([]);
  });

  it('ReadProbe answers NOT_FOUND for a probe that was never written', async () => {
    const body = await rejection(ledger.invoke(user, (ctx) => contract.ReadProbe(ctx, 'missing')));
    expect(body).to.deep.equal({
      code: 'NOT_FOUND',
      message: 'probe missing does not exist',
      details: { id: 'missing' },
    });
  });
});
