// ProgrammeContract: submission by developers, validation and rejection by certifiers and the government.
import { expect } from 'chai';
import type { Programme } from '../../src/domain/programme';
import type { ProgrammeInput } from '../../src/domain/programme-schema';
import type { FakeCaller } from '../support/fake-ledger';
import { programmeInput, sha } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  actorOf,
  hasKey,
  json,
  key,
  query,
  REASON,
  refused,
  registerCompany,
  stored,
  storedProgramme,
  write,
  type Call,
} from './contract-kit';

const { organisation: o, programme: p } = contracts;

const submit =
  (input: unknown): Call =>
  (ctx) =>
    p.SubmitProgramme(ctx, json(input));
const report = { sha256: sha(7), uri: 'https://docs.example.org/validation-2.pdf', version: 1 };
const validate =
  (externalId: string): Call =>
  (ctx) =>
    p.ValidateProgramme(ctx, json({ externalId, validationReport: report }));
const reject =
  (externalId: string, reason?: string): Call =>
  (ctx) =>
    p.RejectProgramme(ctx, json(reason === undefined ? { externalId } : { externalId, reason }));

const fieldsOf = (problems: unknown): string[] => (problems as string[]).map((problem) => problem.split(':')[0] ?? '');

describe('ProgrammeContract.SubmitProgramme', () => {
  let fixture: RegistryFixture;
  let developer: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    developer = company(fixture, 'DEV').users.Manager;
  });

  it('records a Submitted programme with its design document, its indexes and one event', async () => {
    const ledger = fixture.ledger.clone();
    const proponents = [
      { companyId: 'DEV', shareBps: 6_000 },
      { companyId: 'DEV-ACTIVE', shareBps: 4_000 },
    ];
    const input = programmeInput('P-NEW', { proponents });
    const { result, event } = await write<Programme>(ledger, developer, submit(input));

    const stamp = { at: result.created.at, txId: event.txId, by: actorOf(developer, 'DEV') };
    const { designDocument, ...fields } = input;
    expect(result).to.deep.equal({
      docType: 'programme',
      ...fields,
      submittedBy: 'DEV',
      state: 'Submitted',
      stateHistory: [{ state: 'Submitted', action: 'submit', ...stamp }],
      documents: [{ type: 'ProjectDesignDocument', ...designDocument, added: stamp, signatures: [] }],
      created: stamp,
      updated: stamp,
    });
    expect(stored(ledger, key('programme', 'P-NEW'))).to.deep.equal(result);
    expect(hasKey(ledger, 'programme~state', 'Submitted', 'P-NEW')).to.equal(true);
    expect(hasKey(ledger, 'programme~proponent', 'DEV', 'P-NEW')).to.equal(true);
    expect(hasKey(ledger, 'programme~proponent', 'DEV-ACTIVE', 'P-NEW')).to.equal(true);
    expect(hasKey(ledger, 'programme~certifier', 'CERT', 'P-NEW')).to.equal(true);
    expect(ledger.validationParameters.has(key('programme', 'P-NEW'))).to.equal(false);
    expect(event).to.deep.include({
      name: 'ProgrammeSubmitted',
      payload: { externalId: 'P-NEW', programmeId: null, state: 'Submitted' },
    });
  });

  it('refuses a proponent that is not an Active programme developer (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    for (const other of ['DEV-PENDING', 'DEV-SUSPENDED', 'CERT', 'MRV', 'NOBODY']) {
      const proponents = [
        { companyId: 'DEV', shareBps: 5_000 },
        { companyId: other, shareBps: 5_000 },
      ];
      const body = await refused(
        ledger,
        developer,
        submit(programmeInput('P-NEW', { proponents })),
        'INVALID_ARGUMENT',
      );
      expect(body.message, other).to.match(/^proponents:/);
      expect(body.details).to.deep.equal({ companyId: other });
    }
  });

  it('refuses a certifier that is not an Active certifier (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    for (const certifierIds of [['DEV'], ['GOV'], ['NOBODY'], ['CERT', 'DEV-ACTIVE']]) {
      const input = programmeInput('P-NEW', { certifierIds });
      const body = await refused(ledger, developer, submit(input), 'INVALID_ARGUMENT');
      expect(body.message, certifierIds.join()).to.match(/^certifierIds:/);
    }
    await write(ledger, fixture.bootstrapAdmin, (ctx) =>
      o.SuspendOrganisation(ctx, json({ companyId: 'CERT', reason: REASON })),
    );
    await refused(ledger, developer, submit(programmeInput('P-NEW')), 'INVALID_ARGUMENT');
  });

  it("refuses a site outside the registry's country (INVALID_ARGUMENT)", async () => {
    const ledger = fixture.ledger.clone();
    const base = programmeInput('P-NEW');
    const input: ProgrammeInput = { ...base, location: { ...base.location, country: 'TZ' } };
    const body = await refused(ledger, developer, submit(input), 'INVALID_ARGUMENT');
    expect(body.message).to.equal('location.country: must be KE');
  });

  it('refuses an externalId that already exists (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    for (const externalId of ['P-SUBMITTED', 'P-AUTHORISED']) {
      await refused(ledger, developer, submit(programmeInput(externalId)), 'CONFLICT');
    }
  });

  it('refuses a submission by a developer that is not among the proponents (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const input = programmeInput('P-NEW', { proponents: [{ companyId: 'DEV-ACTIVE', shareBps: 10_000 }] });
    const body = await refused(ledger, developer, submit(input), 'INVALID_ARGUMENT');
    expect(body.message).to.equal('proponents: the submitting company must be a proponent');
  });

  it('lists every malformed field in details.problems (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const base = programmeInput('P-NEW');
    const malformed = {
      ...base,
      externalId: 'bad id!',
      sectoralScope: 0,
      costUsdCents: 1.5,
      designDocument: { ...base.designDocument, sha256: 'xyz' },
    };
    const body = await refused(ledger, developer, submit(malformed), 'INVALID_ARGUMENT');
    expect(fieldsOf(body.details.problems)).to.have.members([
      'externalId',
      'sectoralScope',
      'costUsdCents',
      'designDocument.sha256',
    ]);
    expect(body.message).to.equal((body.details.problems as string[]).join('; '));
  });

  it('lists every inconsistency between fields in details.problems (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const inconsistent = programmeInput('P-NEW', {
      endDate: '2023-12-31',
      proponents: [{ companyId: 'DEV', shareBps: 9_000 }],
      ghgsCovered: ['CO2', 'CO2'],
      estimatedAnnualCredits: 100_000,
    });
    const body = await refused(ledger, developer, submit(inconsistent), 'INVALID_ARGUMENT');
    expect(fieldsOf(body.details.problems)).to.include.members([
      'endDate',
      'creditingPeriod',
      'proponents',
      'ghgsCovered',
      'estimatedAnnualCredits',
    ]);
  });
});

describe('ProgrammeContract.ValidateProgramme and RejectProgramme', () => {
  let fixture: RegistryFixture;
  let certifier: FakeCaller;
  let gov: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    certifier = company(fixture, 'CERT').users.Manager;
    gov = company(fixture, 'GOV').users.Manager;
  });

  it('an assigned certifier validates a Submitted programme, adding its validation report', async () => {
    const ledger = fixture.ledger.clone();
    const before = storedProgramme(ledger, 'P-SUBMITTED');
    const { result, event } = await write<Programme>(ledger, certifier, validate('P-SUBMITTED'));

    const stamp = { at: result.updated.at, txId: event.txId, by: actorOf(certifier, 'CERT') };
    expect(result).to.deep.equal({
      ...before,
      state: 'Validated',
      stateHistory: [...before.stateHistory, { state: 'Validated', action: 'validate', ...stamp }],
      documents: [...before.documents, { type: 'ValidationReport', ...report, added: stamp, signatures: [] }],
      updated: stamp,
    });
    expect(stored(ledger, key('programme', 'P-SUBMITTED'))).to.deep.equal(result);
    expect(hasKey(ledger, 'programme~state', 'Submitted', 'P-SUBMITTED')).to.equal(false);
    expect(hasKey(ledger, 'programme~state', 'Validated', 'P-SUBMITTED')).to.equal(true);
    expect(hasKey(ledger, 'programme~certifier', 'CERT', 'P-SUBMITTED')).to.equal(true);
    expect(event).to.deep.include({
      name: 'ProgrammeValidated',
      payload: { externalId: 'P-SUBMITTED', programmeId: null, state: 'Validated' },
    });
  });

  it('refuses a certifier that is not assigned to the programme, to validate or to reject (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const other = await registerCompany(ledger, fixture.bootstrapAdmin, 'CERT2', 'Certifier', 'CertifierMSP');
    await refused(ledger, other, validate('P-SUBMITTED'), 'FORBIDDEN');
    await refused(ledger, other, reject('P-SUBMITTED', REASON), 'FORBIDDEN');

    const assigned = programmeInput('P-TWO-CERTIFIERS', { certifierIds: ['CERT', 'CERT2'] });
    await write(ledger, company(fixture, 'DEV').users.Manager, submit(assigned));
    const { result } = await write<Programme>(ledger, other, validate('P-TWO-CERTIFIERS'));
    expect(result.state).to.equal('Validated');
  });

  it('refuses to validate a programme that is not Submitted (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    for (const externalId of ['P-VALIDATED', 'P-AUTHORISED', 'P-SUSPENDED']) {
      await refused(ledger, certifier, validate(externalId), 'INVALID_STATE');
    }
  });

  it('answers NOT_FOUND for an unknown programme and INVALID_ARGUMENT for a bad report', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, certifier, validate('P-NOBODY'), 'NOT_FOUND');
    const bad: Call = (ctx) =>
      p.ValidateProgramme(ctx, json({ externalId: 'P-SUBMITTED', validationReport: { sha256: 'x', uri: '' } }));
    const body = await refused(ledger, certifier, bad, 'INVALID_ARGUMENT');
    expect(fieldsOf(body.details.problems)).to.have.members(['validationReport.sha256', 'validationReport.uri']);
  });

  it('an assigned certifier rejects a Submitted programme with the reason recorded', async () => {
    const ledger = fixture.ledger.clone();
    const { result, event } = await write<Programme>(ledger, certifier, reject('P-SUBMITTED', REASON));
    const stamp = { at: result.updated.at, txId: event.txId, by: actorOf(certifier, 'CERT') };
    expect(result.state).to.equal('Rejected');
    expect(result.stateHistory.at(-1)).to.deep.equal({ state: 'Rejected', action: 'reject', ...stamp, reason: REASON });
    expect(stored(ledger, key('programme', 'P-SUBMITTED'))).to.deep.equal(result);
    expect(hasKey(ledger, 'programme~state', 'Submitted', 'P-SUBMITTED')).to.equal(false);
    expect(hasKey(ledger, 'programme~state', 'Rejected', 'P-SUBMITTED')).to.equal(true);
    expect(event).to.deep.include({
      name: 'ProgrammeRejected',
      payload: { externalId: 'P-SUBMITTED', programmeId: null, state: 'Rejected' },
    });
  });

  it('a certifier cannot reject a Validated programme (INVALID_STATE) but the government can', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, certifier, reject('P-VALIDATED', REASON), 'INVALID_STATE');
    const { result } = await write<Programme>(ledger, gov, reject('P-VALIDATED', REASON));
    expect(result.state).to.equal('Rejected');
    expect(result.stateHistory.at(-1)?.by).to.deep.equal(actorOf(gov, 'GOV'));
  });

  it('nobody rejects an authorised, suspended or already rejected programme (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, gov, reject('P-SUBMITTED', REASON));
    for (const externalId of ['P-AUTHORISED', 'P-SUSPENDED', 'P-SUBMITTED']) {
      await refused(ledger, gov, reject(externalId, REASON), 'INVALID_STATE');
    }
    await refused(ledger, certifier, reject('P-SUBMITTED', REASON), 'INVALID_STATE');
  });

  it('requires a reason to reject (INVALID_ARGUMENT naming reason)', async () => {
    const ledger = fixture.ledger.clone();
    for (const reason of [undefined, '', '  x ']) {
      const body = await refused(ledger, certifier, reject('P-SUBMITTED', reason), 'INVALID_ARGUMENT');
      expect(fieldsOf(body.details.problems)).to.deep.equal(['reason']);
    }
  });

  it('GetProgramme reads a rejection back as Rejected', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, certifier, reject('P-SUBMITTED', REASON));
    const read = await query<Programme>(ledger, gov, (ctx) => p.GetProgramme(ctx, 'P-SUBMITTED'));
    expect(read.state).to.equal('Rejected');
  });
});
