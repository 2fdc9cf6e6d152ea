// ProgrammeContract: authorisation (ids, serial prefix, key-level endorsers) and suspend, reinstate, close.
import { expect } from 'chai';
import type { Programme, ProgrammeState } from '../../src/domain/programme';
import type { FakeCaller } from '../support/fake-ledger';
import { sha } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  actorOf,
  hasKey,
  json,
  key,
  query,
  REASON,
  refused,
  stored,
  storedProgramme,
  write,
  type Call,
} from './contract-kit';

const { programme: p } = contracts;

const authorise =
  (externalId: string, extra: object = {}): Call =>
  (ctx) =>
    p.AuthoriseProgramme(ctx, json({ externalId, creditIdentifier: 'CA0004', ...extra }));
const endorsers =
  (externalId: string): Call =>
  (ctx) =>
    p.GetProgrammeEndorsers(ctx, externalId);
const byNumber =
  (programmeId: number): Call =>
  (ctx) =>
    p.GetProgrammeByNumber(ctx, String(programmeId));

type Decision = 'SuspendProgramme' | 'ReinstateProgramme' | 'CloseProgramme';
const decide =
  (decision: Decision, externalId: string, reason?: string): Call =>
  (ctx) =>
    p[decision](ctx, json(reason === undefined ? { externalId } : { externalId, reason }));

const numberKey = (programmeId: number) => key('programme~number', String(programmeId).padStart(12, '0'));
const COUNTER = key('counter', 'programmeId');
const BOTH = ['GovernmentMSP', 'CertifierMSP'];

describe('ProgrammeContract.AuthoriseProgramme', () => {
  let fixture: RegistryFixture;
  let gov: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    gov = company(fixture, 'GOV').users.Manager;
  });

  it('authorises a Validated programme with the next programme id, its serial prefix and both endorsers', async () => {
    const ledger = fixture.ledger.clone();
    const before = storedProgramme(ledger, 'P-VALIDATED');
    expect(await query(ledger, gov, endorsers('P-VALIDATED'))).to.deep.equal([]);
    expect(stored(ledger, COUNTER)).to.deep.equal({ next: 3 });

    const { result, event } = await write<Programme>(ledger, gov, authorise('P-VALIDATED'));
    const stamp = { at: result.updated.at, txId: event.txId, by: actorOf(gov, 'GOV') };
    const serial = { creditIdentifier: 'CA0004', originatingParty: 'KE', firstTransferringParty: 'XX' };
    expect(result).to.deep.equal({
      ...before,
      state: 'Authorised',
      stateHistory: [...before.stateHistory, { state: 'Authorised', action: 'authorise', ...stamp }],
      authorisation: {
        programmeId: 3,
        serial: { ...serial, prefix: 'CA0004-KE-XX-3' },
        article6Authorised: false,
        authorised: stamp,
      },
      updated: stamp,
    });
    expect(stored(ledger, key('programme', 'P-VALIDATED'))).to.deep.equal(result);
    expect(hasKey(ledger, 'programme~state', 'Validated', 'P-VALIDATED')).to.equal(false);
    expect(hasKey(ledger, 'programme~state', 'Authorised', 'P-VALIDATED')).to.equal(true);
    expect(stored(ledger, numberKey(3))).to.deep.equal({ externalId: 'P-VALIDATED' });
    expect(stored(ledger, COUNTER)).to.deep.equal({ next: 4 });
    expect(event).to.deep.include({
      name: 'ProgrammeAuthorised',
      payload: { externalId: 'P-VALIDATED', programmeId: 3, state: 'Authorised' },
    });
    expect(await query(ledger, gov, byNumber(3))).to.deep.equal(result);
    expect(await query(ledger, gov, endorsers('P-VALIDATED'))).to.deep.equal(BOTH);
  });

  it('takes the first transferring party, Article 6 flag and authorisation letter from the request', async () => {
    const ledger = fixture.ledger.clone();
    const letter = { sha256: sha(9), uri: 'https://docs.example.org/letter.pdf', version: 1 };
    const request = { firstTransferringParty: 'CH', article6Authorised: true, authorisationLetter: letter };
    const { result, event } = await write<Programme>(ledger, gov, authorise('P-VALIDATED', request));
    expect(result.authorisation?.serial).to.deep.equal({
      creditIdentifier: 'CA0004',
      originatingParty: 'KE',
      firstTransferringParty: 'CH',
      prefix: 'CA0004-KE-CH-3',
    });
    expect(result.authorisation?.article6Authorised).to.equal(true);
    const added = { at: result.updated.at, txId: event.txId, by: actorOf(gov, 'GOV') };
    expect(result.documents.at(-1)).to.deep.equal({ type: 'AuthorisationLetter', ...letter, added, signatures: [] });
  });

  it('allocates programme ids one after another', async () => {
    const ledger = fixture.ledger.clone();
    const certifier = company(fixture, 'CERT').users.Manager;
    await write(ledger, certifier, (ctx) =>
      p.ValidateProgramme(ctx, json({ externalId: 'P-SUBMITTED', validationReport: { sha256: sha(5), uri: 'r' } })),
    );
    const third = await write<Programme>(ledger, gov, authorise('P-VALIDATED'));
    const fourth = await write<Programme>(ledger, gov, authorise('P-SUBMITTED'));
    expect(third.result.authorisation?.serial.prefix).to.equal('CA0004-KE-XX-3');
    expect(fourth.result.authorisation?.serial.prefix).to.equal('CA0004-KE-XX-4');
    expect((await query<Programme>(ledger, gov, byNumber(4))).externalId).to.equal('P-SUBMITTED');
    expect((await query<Programme>(ledger, gov, byNumber(3))).externalId).to.equal('P-VALIDATED');
  });

  it('refuses to authorise twice or before validation (INVALID_STATE) without using up an id', async () => {
    const ledger = fixture.ledger.clone();
    for (const externalId of ['P-AUTHORISED', 'P-SUSPENDED', 'P-SUBMITTED']) {
      await refused(ledger, gov, authorise(externalId), 'INVALID_STATE');
    }
    await write(ledger, gov, authorise('P-VALIDATED'));
    await refused(ledger, gov, authorise('P-VALIDATED'), 'INVALID_STATE');
    expect(stored(ledger, COUNTER)).to.deep.equal({ next: 4 });
    expect(storedProgramme(ledger, 'P-VALIDATED').authorisation?.programmeId).to.equal(3);
  });

  it('answers NOT_FOUND for an unknown programme and INVALID_ARGUMENT for a malformed request', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, gov, authorise('P-NOBODY'), 'NOT_FOUND');
    await refused(ledger, gov, authorise('P-VALIDATED', { creditIdentifier: 'ca-4' }), 'INVALID_ARGUMENT');
    await refused(ledger, gov, authorise('P-VALIDATED', { firstTransferringParty: 'Swiss' }), 'INVALID_ARGUMENT');
    await refused(
      ledger,
      gov,
      (ctx) => p.AuthoriseProgramme(ctx, json({ externalId: 'P-VALIDATED' })),
      'INVALID_ARGUMENT',
    );
  });
});

describe('ProgrammeContract suspend, reinstate and close', () => {
  let fixture: RegistryFixture;
  let gov: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    gov = company(fixture, 'GOV').users.Admin;
  });

  const transitions: [Decision, string, ProgrammeState, ProgrammeState, number][] = [
    ['SuspendProgramme', 'P-AUTHORISED', 'Authorised', 'Suspended', 1],
    ['ReinstateProgramme', 'P-SUSPENDED', 'Suspended', 'Authorised', 2],
    ['CloseProgramme', 'P-AUTHORISED', 'Authorised', 'Closed', 1],
    ['CloseProgramme', 'P-SUSPENDED', 'Suspended', 'Closed', 2],
  ];
  for (const [decision, externalId, from, to, programmeId] of transitions) {
    it(`${decision} moves ${externalId} from ${from} to ${to}, keeping its id and endorsers`, async () => {
      const ledger = fixture.ledger.clone();
      const before = storedProgramme(ledger, externalId);
      const { result, event } = await write<Programme>(ledger, gov, decide(decision, externalId, REASON));
      const stamp = { at: result.updated.at, txId: event.txId, by: actorOf(gov, 'GOV') };
      const action = decision.replace('Programme', '').toLowerCase();
      expect(result).to.deep.equal({
        ...before,
        state: to,
        stateHistory: [...before.stateHistory, { state: to, action, ...stamp, reason: REASON }],
        updated: stamp,
      });
      expect(stored(ledger, key('programme', externalId))).to.deep.equal(result);
      expect(hasKey(ledger, 'programme~state', from, externalId)).to.equal(false);
      expect(hasKey(ledger, 'programme~state', to, externalId)).to.equal(true);
      expect(stored(ledger, numberKey(programmeId))).to.deep.equal({ externalId });
      expect(await query(ledger, gov, endorsers(externalId))).to.deep.equal(BOTH);
      expect(event).to.deep.include({ name: 'ProgrammeStateChanged', payload: { externalId, programmeId, state: to } });
    });
  }

  it('refuses transitions the lifecycle does not allow (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    const illegal: [Decision, string][] = [
      ['SuspendProgramme', 'P-SUBMITTED'],
      ['SuspendProgramme', 'P-VALIDATED'],
      ['SuspendProgramme', 'P-SUSPENDED'],
      ['ReinstateProgramme', 'P-AUTHORISED'],
      ['ReinstateProgramme', 'P-VALIDATED'],
      ['CloseProgramme', 'P-SUBMITTED'],
      ['CloseProgramme', 'P-VALIDATED'],
    ];
    for (const [decision, externalId] of illegal) {
      const body = await refused(ledger, gov, decide(decision, externalId, REASON), 'INVALID_STATE');
      expect(body.details.allowedFrom, `${decision} ${externalId}`).to.be.an('array');
    }
  });

  it('treats Closed as final (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, gov, decide('CloseProgramme', 'P-AUTHORISED', REASON));
    for (const decision of ['SuspendProgramme', 'ReinstateProgramme', 'CloseProgramme'] as const) {
      const body = await refused(ledger, gov, decide(decision, 'P-AUTHORISED', REASON), 'INVALID_STATE');
      expect(body.details.state).to.equal('Closed');
    }
  });

  it('requires a reason (INVALID_ARGUMENT) and a known programme (NOT_FOUND)', async () => {
    const ledger = fixture.ledger.clone();
    for (const decision of ['SuspendProgramme', 'ReinstateProgramme', 'CloseProgramme'] as const) {
      const body = await refused(ledger, gov, decide(decision, 'P-SUSPENDED'), 'INVALID_ARGUMENT');
      expect(body.details.problems).to.satisfy((problems: string[]) => problems.some((x) => x.startsWith('reason:')));
      await refused(ledger, gov, decide(decision, 'P-NOBODY', REASON), 'NOT_FOUND');
    }
  });
});
