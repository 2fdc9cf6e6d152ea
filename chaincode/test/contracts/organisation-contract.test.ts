// OrganisationContract: bootstrap of the registry, developers' applications and direct registration by the government.
import { expect } from 'chai';
import type { Organisation } from '../../src/domain/organisation';
import type { User } from '../../src/domain/user';
import { FakeLedger, type FakeCaller } from '../support/fake-ledger';
import { organisationInput, person, programmeInput } from '../support/inputs';
import { company, contracts, newIdentity, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import { hasKey, json, key, query, refused, stored, subjectOf, userIdOfCaller, write, type Call } from './contract-kit';

const { organisation: o, user: u, programme: p } = contracts;

const govOrganisation = organisationInput('GOV', 'Government', 'GovernmentMSP');
const bootstrap: Call = (ctx) =>
  o.BootstrapGovernment(ctx, json({ organisation: govOrganisation, admin: person('Amina Root') }));
const whoAmI: Call = (ctx) => u.WhoAmI(ctx);

function apply(
  companyId: string,
  role: Organisation['companyRole'] = 'ProgrammeDeveloper',
  host = 'DeveloperMSP',
): Call {
  const organisation = organisationInput(companyId, role, host);
  return (ctx) => o.ApplyForRegistration(ctx, json({ organisation, admin: person(`${companyId} Admin`) }));
}

function register(companyId: string, role: Organisation['companyRole'], host: string, firstAdmin: FakeCaller): Call {
  const organisation = organisationInput(companyId, role, host);
  const admin = { certificate: firstAdmin.certificate, ...person(`${companyId} Admin`) };
  return (ctx) => o.RegisterOrganisation(ctx, json({ organisation, firstAdmin: admin }));
}

function registerUser(companyId: string, mspId: string, who: FakeCaller): Call {
  const request = { certificate: who.certificate, mspId, companyId, role: 'ViewOnly', ...person('New Member') };
  return (ctx) => u.RegisterUser(ctx, json(request));
}

const updateContact =
  (companyId: string): Call =>
  (ctx) =>
    o.UpdateOrganisationContact(
      ctx,
      json({ companyId, contact: { email: 'desk@new.example', address: '9 New Road' } }),
    );

describe('OrganisationContract.BootstrapGovernment', () => {
  let govAdmin: FakeCaller;
  before(async () => {
    govAdmin = await newIdentity('GovernmentMSP', 'admin');
  });

  it('creates the registry, the Active government organisation and its first Admin, with one event', async () => {
    const ledger = new FakeLedger();
    const { result, event } = await write<Organisation>(ledger, govAdmin, bootstrap);
    const userId = userIdOfCaller(govAdmin);
    const by = { mspId: 'GovernmentMSP', subject: subjectOf(govAdmin), companyId: 'GOV' };

    expect(result).to.deep.include({ ...govOrganisation, docType: 'organisation', state: 'Active' });
    expect(result.created).to.deep.equal({ at: result.created.at, txId: event.txId, by });
    expect(result.stateHistory).to.deep.equal([
      { state: 'Active', action: 'bootstrap', at: result.created.at, txId: event.txId, by },
    ]);
    expect(stored(ledger, key('organisation', 'GOV'))).to.deep.equal(result);
    const registry = { docType: 'registry', governmentCompanyId: 'GOV', country: 'KE', bootstrapped: result.created };
    expect(stored(ledger, key('registry', 'national'))).to.deep.equal(registry);
    expect(hasKey(ledger, 'organisation~state', 'Active', 'GOV')).to.equal(true);
    expect(hasKey(ledger, 'organisation~role', 'Government', 'GOV')).to.equal(true);
    expect(hasKey(ledger, 'user~company', 'GOV', 'Active', userId)).to.equal(true);
    // A bootstrap that wrote anything beyond these six keys would leave stray state on every peer.
    expect(ledger.state.size).to.equal(6);
    expect(event).to.deep.equal({
      txId: event.txId,
      name: 'RegistryBootstrapped',
      payload: { companyId: 'GOV', userId },
    });
    expect(await query(ledger, govAdmin, (ctx) => o.GetRegistry(ctx))).to.deep.equal(registry);
  });

  it('makes the caller an Active Admin of the government who can act at once', async () => {
    const ledger = new FakeLedger();
    await write(ledger, govAdmin, bootstrap);
    const me = await query<User>(ledger, govAdmin, whoAmI);
    expect(me).to.deep.include({
      userId: userIdOfCaller(govAdmin),
      mspId: 'GovernmentMSP',
      subject: subjectOf(govAdmin),
      companyId: 'GOV',
      role: 'Admin',
      state: 'Active',
      ...person('Amina Root'),
    });
    const newcomer = await newIdentity('GovernmentMSP');
    const { event } = await write(ledger, govAdmin, registerUser('GOV', 'GovernmentMSP', newcomer));
    expect(event.name).to.equal('UserRegistered');
  });

  it('refuses a client-OU GovernmentMSP identity and a CertifierMSP admin (FORBIDDEN)', async () => {
    const ledger = new FakeLedger();
    for (const caller of [await newIdentity('GovernmentMSP', 'client'), await newIdentity('CertifierMSP', 'admin')]) {
      await refused(ledger, caller, bootstrap, 'FORBIDDEN');
    }
    expect(ledger.state.size).to.equal(0);
  });

  it('refuses a second bootstrap (CONFLICT), by the same or another government admin', async () => {
    const ledger = new FakeLedger();
    await write(ledger, govAdmin, bootstrap);
    await refused(ledger, govAdmin, bootstrap, 'CONFLICT');
    await refused(ledger, await newIdentity('GovernmentMSP', 'admin'), bootstrap, 'CONFLICT');
  });

  it('refuses an organisation whose role is not Government (INVALID_ARGUMENT)', async () => {
    const ledger = new FakeLedger();
    const organisation = organisationInput('GOV', 'Certifier', 'GovernmentMSP');
    const body = await refused(
      ledger,
      govAdmin,
      (ctx) => o.BootstrapGovernment(ctx, json({ organisation, admin: person('Amina Root') })),
      'INVALID_ARGUMENT',
    );
    expect(body.message).to.contain('companyRole');
  });

  it('answers GetRegistry with NOT_FOUND before the bootstrap', async () => {
    await refused(new FakeLedger(), govAdmin, (ctx) => o.GetRegistry(ctx), 'NOT_FOUND');
  });
});

describe('OrganisationContract.ApplyForRegistration', () => {
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
  });

  it('is refused before the bootstrap (INVALID_STATE)', async () => {
    await refused(new FakeLedger(), await newIdentity('DeveloperMSP'), apply('NEWDEV'), 'INVALID_STATE');
  });

  it('creates a Pending developer and its Admin, who may not act until the government approves', async () => {
    const ledger = fixture.ledger.clone();
    const applicant = await newIdentity('DeveloperMSP');
    const userId = userIdOfCaller(applicant);
    const { result, event } = await write<Organisation>(ledger, applicant, apply('NEWDEV'));

    expect(result).to.deep.include({ companyId: 'NEWDEV', companyRole: 'ProgrammeDeveloper', state: 'Pending' });
    expect(result.stateHistory).to.have.length(1);
    expect(result.stateHistory[0]).to.deep.include({ state: 'Pending', action: 'apply', txId: event.txId });
    expect(result.created.by).to.deep.equal({
      mspId: 'DeveloperMSP',
      subject: subjectOf(applicant),
      companyId: 'NEWDEV',
    });
    expect(stored(ledger, key('organisation', 'NEWDEV'))).to.deep.equal(result);
    expect(hasKey(ledger, 'organisation~state', 'Pending', 'NEWDEV')).to.equal(true);
    expect(hasKey(ledger, 'organisation~role', 'ProgrammeDeveloper', 'NEWDEV')).to.equal(true);
    expect(hasKey(ledger, 'user~company', 'NEWDEV', 'Active', userId)).to.equal(true);
    expect(event).to.deep.include({ name: 'OrganisationApplied', payload: { companyId: 'NEWDEV', userId } });
    const me = await query<User>(ledger, applicant, whoAmI);
    expect(me).to.deep.include({ userId, companyId: 'NEWDEV', role: 'Admin', state: 'Active' });

    const pending = await refused(ledger, applicant, updateContact('NEWDEV'), 'FORBIDDEN');
    expect(pending.message).to.contain('Pending');
    const proponents = [{ companyId: 'NEWDEV', shareBps: 10_000 }];
    const submit: Call = (ctx) => p.SubmitProgramme(ctx, json(programmeInput('P-NEWDEV', { proponents })));
    await refused(ledger, applicant, submit, 'FORBIDDEN');

    const gov = fixture.bootstrapAdmin;
    await write(ledger, gov, (ctx) => o.ApproveOrganisation(ctx, json({ companyId: 'NEWDEV' })));
    const { result: updated } = await write<Organisation>(ledger, applicant, updateContact('NEWDEV'));
    expect(updated.contact.email).to.equal('desk@new.example');
  });

  it('refuses an identity that is already a registered user (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, company(fixture, 'DEV').users.ViewOnly, apply('NEWDEV'), 'CONFLICT');
    await refused(ledger, company(fixture, 'MRV').users.Admin, apply('NEWDEV'), 'CONFLICT');
  });

  it('refuses any other company role, or an identity of another MSP than the host (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const developer = await newIdentity('DeveloperMSP');
    const certifier = await newIdentity('CertifierMSP');
    await refused(ledger, certifier, apply('NEWCERT', 'Certifier', 'CertifierMSP'), 'FORBIDDEN');
    await refused(ledger, developer, apply('NEWMRV', 'MRV', 'DeveloperMSP'), 'FORBIDDEN');
    await refused(ledger, certifier, apply('NEWDEV'), 'FORBIDDEN');
    await refused(ledger, developer, apply('NEWDEV', 'ProgrammeDeveloper', 'GovernmentMSP'), 'FORBIDDEN');
  });

  it('refuses a companyId that already exists, whatever its state (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    const applicant = await newIdentity('DeveloperMSP');
    for (const companyId of ['DEV', 'DEV-PENDING', 'DEV-SUSPENDED', 'GOV']) {
      await refused(ledger, applicant, apply(companyId), 'CONFLICT');
    }
  });
});

describe('OrganisationContract.RegisterOrganisation', () => {
  let fixture: RegistryFixture;
  let gov: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    gov = fixture.bootstrapAdmin;
  });

  it('creates an Active organisation and its first Admin, who can act at once', async () => {
    const ledger = fixture.ledger.clone();
    const firstAdmin = await newIdentity('CertifierMSP');
    const userId = userIdOfCaller(firstAdmin);
    const { result, event } = await write<Organisation>(
      ledger,
      gov,
      register('NEWCERT', 'Certifier', 'CertifierMSP', firstAdmin),
    );

    expect(result).to.deep.include({ companyId: 'NEWCERT', companyRole: 'Certifier', state: 'Active' });
    expect(result.stateHistory[0]).to.deep.include({ state: 'Active', action: 'register', txId: event.txId });
    expect(result.created.by).to.deep.equal({ mspId: 'GovernmentMSP', subject: subjectOf(gov), companyId: 'GOV' });
    expect(stored(ledger, key('organisation', 'NEWCERT'))).to.deep.equal(result);
    expect(hasKey(ledger, 'organisation~state', 'Active', 'NEWCERT')).to.equal(true);
    expect(hasKey(ledger, 'organisation~role', 'Certifier', 'NEWCERT')).to.equal(true);
    expect(hasKey(ledger, 'user~company', 'NEWCERT', 'Active', userId)).to.equal(true);
    expect(stored(ledger, key('user', userId))).to.deep.include({
      companyId: 'NEWCERT',
      mspId: 'CertifierMSP',
      subject: subjectOf(firstAdmin),
      role: 'Admin',
      state: 'Active',
    });
    expect(event).to.deep.include({ name: 'OrganisationRegistered', payload: { companyId: 'NEWCERT', userId } });

    const newcomer = await newIdentity('CertifierMSP');
    const { event: registered } = await write(ledger, firstAdmin, registerUser('NEWCERT', 'CertifierMSP', newcomer));
    expect(registered.name).to.equal('UserRegistered');
  });

  it('refuses a companyId that already exists (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    const firstAdmin = await newIdentity('DeveloperMSP');
    await refused(ledger, gov, register('DEV', 'ProgrammeDeveloper', 'DeveloperMSP', firstAdmin), 'CONFLICT');
    await refused(ledger, gov, register('DEV-PENDING', 'ProgrammeDeveloper', 'DeveloperMSP', firstAdmin), 'CONFLICT');
  });

  it('refuses, and leaves no organisation behind, when the first Admin is already a user (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    const taken = company(fixture, 'CERT').users.Manager;
    await refused(ledger, gov, register('NEWCERT', 'Certifier', 'CertifierMSP', taken), 'CONFLICT');
    expect(stored(ledger, key('organisation', 'NEWCERT'))).to.equal(undefined);
  });

  it('refuses a host MSP that may not host the role (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const cases: [Organisation['companyRole'], string][] = [
      ['Certifier', 'DeveloperMSP'],
      ['ProgrammeDeveloper', 'CertifierMSP'],
      ['MRV', 'CertifierMSP'],
      ['PartnerRegistry', 'GovernmentMSP'],
    ];
    for (const [role, host] of cases) {
      const firstAdmin = await newIdentity(host);
      const body = await refused(ledger, gov, register('NEWORG', role, host, firstAdmin), 'INVALID_ARGUMENT');
      expect(body.message).to.contain('hostMspId');
    }
  });

  it('accepts an MRV hosted by GovernmentMSP and a partner registry hosted by a foreign MSP', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, gov, register('NEWMRV', 'MRV', 'GovernmentMSP', await newIdentity('GovernmentMSP')));
    const partner = await newIdentity('RwandaMSP');
    const { result } = await write<Organisation>(
      ledger,
      gov,
      register('RW-REG', 'PartnerRegistry', 'RwandaMSP', partner),
    );
    expect(result).to.deep.include({ hostMspId: 'RwandaMSP', state: 'Active' });
    expect(await query<User>(ledger, partner, whoAmI)).to.deep.include({ companyId: 'RW-REG', role: 'Admin' });
  });

  it('rejects a malformed request naming each bad field (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const organisation = { ...organisationInput('x', 'Certifier', 'CertifierMSP'), country: 'Kenya' };
    const call: Call = (ctx) =>
      o.RegisterOrganisation(ctx, json({ organisation, firstAdmin: { certificate: 'none', ...person('A') } }));
    const body = await refused(ledger, gov, call, 'INVALID_ARGUMENT');
    const fields = (body.details.problems as string[]).map((problem) => problem.split(':')[0]);
    expect(fields).to.have.members(['organisation.companyId', 'organisation.country', 'firstAdmin.certificate']);
  });
});
