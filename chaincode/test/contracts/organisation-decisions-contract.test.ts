// OrganisationContract: the government's decisions on organisations and each Admin's contact updates.
import { expect } from 'chai';
import type { Organisation, OrganisationState } from '../../src/domain/organisation';
import type { FakeCaller } from '../support/fake-ledger';
import { programmeInput } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  hasKey,
  json,
  key,
  REASON,
  refused,
  stored,
  storedOrganisation,
  subjectOf,
  write,
  type Call,
} from './contract-kit';

const { organisation: o, programme: p } = contracts;

type Decision = 'ApproveOrganisation' | 'RejectOrganisation' | 'SuspendOrganisation' | 'ReactivateOrganisation';

const decide =
  (decision: Decision, companyId: string, reason?: string): Call =>
  (ctx) =>
    o[decision](ctx, json(reason === undefined ? { companyId } : { companyId, reason }));

const contact = { email: 'desk@dev.example', website: 'https://dev.example', address: '7 Kenyatta Avenue' };
const updateContact =
  (companyId: string, newContact: unknown = contact): Call =>
  (ctx) =>
    o.UpdateOrganisationContact(ctx, json({ companyId, contact: newContact }));

describe('OrganisationContract decisions', () => {
  let fixture: RegistryFixture;
  let gov: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    gov = fixture.bootstrapAdmin;
  });

  const transitions: [Decision, string, OrganisationState, OrganisationState, string | undefined][] = [
    ['ApproveOrganisation', 'DEV-PENDING', 'Pending', 'Active', undefined],
    ['ApproveOrganisation', 'DEV-PENDING', 'Pending', 'Active', 'documents checked'],
    ['RejectOrganisation', 'DEV-PENDING', 'Pending', 'Rejected', 'incomplete application'],
    ['SuspendOrganisation', 'DEV-ACTIVE', 'Active', 'Suspended', 'under investigation'],
    ['ReactivateOrganisation', 'DEV-SUSPENDED', 'Suspended', 'Active', 'investigation closed'],
  ];
  for (const [decision, companyId, from, to, reason] of transitions) {
    it(`${decision} moves ${companyId} from ${from} to ${to}${reason === undefined ? ' without a reason' : ''}`, async () => {
      const ledger = fixture.ledger.clone();
      const { result, event } = await write<Organisation>(ledger, gov, decide(decision, companyId, reason));
      const action = decision.replace('Organisation', '').toLowerCase();
      const by = { mspId: 'GovernmentMSP', subject: subjectOf(gov), companyId: 'GOV' };
      const change = { state: to, action, at: result.updated.at, txId: event.txId, by };
      expect(result.state).to.equal(to);
      expect(result.stateHistory.at(-1)).to.deep.equal(reason === undefined ? change : { ...change, reason });
      expect(result.updated).to.deep.equal({ at: result.updated.at, txId: event.txId, by });
      expect(stored(ledger, key('organisation', companyId))).to.deep.equal(result);
      expect(hasKey(ledger, 'organisation~state', from, companyId)).to.equal(false);
      expect(hasKey(ledger, 'organisation~state', to, companyId)).to.equal(true);
      expect(hasKey(ledger, 'organisation~role', 'ProgrammeDeveloper', companyId)).to.equal(true);
      expect(event).to.deep.include({ name: 'OrganisationStateChanged', payload: { action, companyId, state: to } });
    });
  }

  it('requires a reason to reject, suspend or reactivate (INVALID_ARGUMENT naming reason)', async () => {
    const ledger = fixture.ledger.clone();
    const cases: [Decision, string][] = [
      ['RejectOrganisation', 'DEV-PENDING'],
      ['SuspendOrganisation', 'DEV-ACTIVE'],
      ['ReactivateOrganisation', 'DEV-SUSPENDED'],
    ];
    for (const [decision, companyId] of cases) {
      for (const reason of [undefined, '  ', 'no']) {
        const body = await refused(ledger, gov, decide(decision, companyId, reason), 'INVALID_ARGUMENT');
        expect(body.details.problems, decision).to.satisfy((problems: string[]) =>
          problems.some((problem) => problem.startsWith('reason:')),
        );
      }
    }
  });

  it('refuses transitions the state machine does not allow (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    const illegal: [Decision, string][] = [
      ['ApproveOrganisation', 'DEV-ACTIVE'],
      ['ApproveOrganisation', 'DEV-SUSPENDED'],
      ['RejectOrganisation', 'DEV-ACTIVE'],
      ['SuspendOrganisation', 'DEV-PENDING'],
      ['SuspendOrganisation', 'DEV-SUSPENDED'],
      ['ReactivateOrganisation', 'DEV-ACTIVE'],
      ['ReactivateOrganisation', 'DEV-PENDING'],
    ];
    for (const [decision, companyId] of illegal) {
      const body = await refused(ledger, gov, decide(decision, companyId, REASON), 'INVALID_STATE');
      expect(body.details.state, `${decision} ${companyId}`).to.be.a('string');
    }
  });

  it('treats Rejected as final (INVALID_STATE for every decision)', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, gov, decide('RejectOrganisation', 'DEV-PENDING', REASON));
    for (const decision of ['ApproveOrganisation', 'RejectOrganisation', 'SuspendOrganisation'] as const) {
      const body = await refused(ledger, gov, decide(decision, 'DEV-PENDING', REASON), 'INVALID_STATE');
      expect(body.details.state).to.equal('Rejected');
    }
  });

  it('never decides on the government organisation (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    for (const decision of ['SuspendOrganisation', 'RejectOrganisation', 'ApproveOrganisation'] as const) {
      await refused(ledger, gov, decide(decision, 'GOV', REASON), 'FORBIDDEN');
    }
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    await refused(fixture.ledger.clone(), gov, decide('SuspendOrganisation', 'NOBODY', REASON), 'NOT_FOUND');
  });

  it("refuses a suspended organisation's users at once and lets them act again after reactivation", async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const submit =
      (externalId: string): Call =>
      (ctx) =>
        p.SubmitProgramme(ctx, json(programmeInput(externalId)));
    await write(ledger, gov, decide('SuspendOrganisation', 'DEV', REASON));

    const body = await refused(ledger, dev.users.Manager, submit('P-DURING'), 'FORBIDDEN');
    expect(body.message).to.contain('Suspended');
    await refused(ledger, dev.users.Admin, updateContact('DEV'), 'FORBIDDEN');

    await write(ledger, gov, decide('ReactivateOrganisation', 'DEV', REASON));
    const { event } = await write(ledger, dev.users.Manager, submit('P-AFTER'));
    expect(event.name).to.equal('ProgrammeSubmitted');
  });
});

describe('OrganisationContract.UpdateOrganisationContact', () => {
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
  });

  it("lets an Admin replace their own organisation's contact", async () => {
    const ledger = fixture.ledger.clone();
    const admin = company(fixture, 'DEV').users.Admin;
    const before = storedOrganisation(ledger, 'DEV');
    const { result, event } = await write<Organisation>(ledger, admin, updateContact('DEV'));
    expect(result).to.deep.equal({
      ...before,
      contact,
      updated: {
        at: result.updated.at,
        txId: event.txId,
        by: { mspId: 'DeveloperMSP', subject: subjectOf(admin), companyId: 'DEV' },
      },
    });
    expect(stored(ledger, key('organisation', 'DEV'))).to.deep.equal(result);
    expect(hasKey(ledger, 'organisation~state', 'Active', 'DEV')).to.equal(true);
    expect(event).to.deep.include({ name: 'OrganisationUpdated', payload: { companyId: 'DEV' } });
  });

  it("refuses another company's Admin, even the government's (FORBIDDEN)", async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, company(fixture, 'CERT').users.Admin, updateContact('DEV'), 'FORBIDDEN');
    await refused(ledger, fixture.bootstrapAdmin, updateContact('DEV'), 'FORBIDDEN');
  });

  it('refuses a malformed contact (INVALID_ARGUMENT naming the field)', async () => {
    const ledger = fixture.ledger.clone();
    const bad = { email: 'not-an-email', address: '1 Road' };
    const body = await refused(
      ledger,
      company(fixture, 'DEV').users.Admin,
      updateContact('DEV', bad),
      'INVALID_ARGUMENT',
    );
    expect(body.details.problems).to.have.length(1);
    expect((body.details.problems as string[])[0]).to.match(/^contact\.email:/);
  });
});
