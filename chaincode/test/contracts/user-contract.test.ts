// UserContract.RegisterUser and ChangeUserRole: certificates and their attributes, own company, the last Admin.
import { expect } from 'chai';
import { identityFromCertificate } from '../../src/domain/identity';
import type { User, UserRole } from '../../src/domain/user';
import type { FakeCaller } from '../support/fake-ledger';
import { person, programmeInput } from '../support/inputs';
import { company, contracts, newIdentity, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  actorOf,
  hasKey,
  json,
  key,
  query,
  refused,
  stored,
  storedUser,
  userIdOfCaller,
  write,
  type Call,
} from './contract-kit';

const { user: u, programme: p } = contracts;

interface Registration {
  certificate: string;
  mspId: string;
  companyId: string;
  role: UserRole;
}

const registerUser =
  (r: Registration): Call =>
  (ctx) =>
    u.RegisterUser(ctx, json({ ...r, ...person('Njeri Wambui') }));
const changeRole =
  (userId: string, role: string): Call =>
  (ctx) =>
    u.ChangeUserRole(ctx, json({ userId, role }));

let submissions = 0;
/** A programme submission by DEV: a Manager's everyday act, to see whether a caller is let in. */
const submit: () => Call = () => (ctx) =>
  p.SubmitProgramme(ctx, json(programmeInput(`P-USER-${String(++submissions)}`)));

describe('UserContract.RegisterUser', () => {
  let fixture: RegistryFixture;
  let admin: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    admin = company(fixture, 'DEV').users.Admin;
  });

  const developer = (certificate: string, role: UserRole = 'Manager'): Registration => ({
    certificate,
    mspId: 'DeveloperMSP',
    companyId: 'DEV',
    role,
  });

  it("registers a person of the Admin's own company from their certificate, who can then act", async () => {
    const ledger = fixture.ledger.clone();
    const newcomer = await newIdentity('DeveloperMSP');
    const userId = userIdOfCaller(newcomer);
    const { subject, issuer } = identityFromCertificate(newcomer.certificate);
    const { result, event } = await write<User>(ledger, admin, registerUser(developer(newcomer.certificate)));

    const stamp = { at: result.created.at, txId: event.txId, by: actorOf(admin, 'DEV') };
    expect(result).to.deep.equal({
      docType: 'user',
      userId,
      mspId: 'DeveloperMSP',
      subject,
      issuer,
      companyId: 'DEV',
      role: 'Manager',
      ...person('Njeri Wambui'),
      state: 'Active',
      stateHistory: [{ state: 'Active', action: 'register', ...stamp }],
      created: stamp,
      updated: stamp,
    });
    expect(stored(ledger, key('user', userId))).to.deep.equal(result);
    expect(hasKey(ledger, 'user~company', 'DEV', 'Active', userId)).to.equal(true);
    expect(event).to.deep.include({ name: 'UserRegistered', payload: { companyId: 'DEV', userId } });

    expect(await query(ledger, newcomer, (ctx) => u.WhoAmI(ctx))).to.deep.equal(result);
    await write(ledger, newcomer, submit());
  });

  it('refuses to register into another company, even for the government Admin (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const newcomer = await newIdentity('DeveloperMSP');
    await refused(ledger, admin, registerUser({ ...developer(newcomer.certificate), companyId: 'MRV' }), 'FORBIDDEN');
    await refused(ledger, fixture.bootstrapAdmin, registerUser(developer(newcomer.certificate)), 'FORBIDDEN');
  });

  it("refuses an mspId other than the company's host MSP (INVALID_ARGUMENT)", async () => {
    const ledger = fixture.ledger.clone();
    const newcomer = await newIdentity('GovernmentMSP');
    const body = await refused(
      ledger,
      admin,
      registerUser({ ...developer(newcomer.certificate), mspId: 'GovernmentMSP' }),
      'INVALID_ARGUMENT',
    );
    expect(body.message).to.match(/^mspId:/);
  });

  it('refuses a certificate whose carbon.* attributes disagree with the request (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const otherCompany = await newIdentity('DeveloperMSP', 'client', { 'carbon.companyId': 'MRV' });
    const otherRole = await newIdentity('DeveloperMSP', 'client', {
      'carbon.companyId': 'DEV',
      'carbon.role': 'Admin',
    });
    const byCompany = await refused(
      ledger,
      admin,
      registerUser(developer(otherCompany.certificate)),
      'INVALID_ARGUMENT',
    );
    expect(byCompany.message).to.contain('carbon.companyId is MRV');
    const byRole = await refused(ledger, admin, registerUser(developer(otherRole.certificate)), 'INVALID_ARGUMENT');
    expect(byRole.message).to.contain('carbon.role is Admin');
  });

  it('accepts a certificate whose carbon.* attributes agree, and lets its holder act', async () => {
    const ledger = fixture.ledger.clone();
    const agreeing = await newIdentity('DeveloperMSP', 'client', {
      'carbon.companyId': 'DEV',
      'carbon.role': 'Manager',
    });
    const { result } = await write<User>(ledger, admin, registerUser(developer(agreeing.certificate)));
    expect(result).to.deep.include({ companyId: 'DEV', role: 'Manager', userId: userIdOfCaller(agreeing) });
    await write(ledger, agreeing, submit());
  });

  it('refuses something that is not a certificate (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const armouredGarbage = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----';
    const unreadable = await refused(ledger, admin, registerUser(developer(armouredGarbage)), 'INVALID_ARGUMENT');
    expect(unreadable.message).to.match(/^certificate:/);
    const plain = await refused(ledger, admin, registerUser(developer('hello')), 'INVALID_ARGUMENT');
    expect(plain.details.problems).to.satisfy((problems: string[]) =>
      problems.some((x) => x.startsWith('certificate:')),
    );
  });

  it('refuses an identity that is already registered, in this or another company of its MSP (CONFLICT)', async () => {
    const ledger = fixture.ledger.clone();
    const newcomer = await newIdentity('DeveloperMSP');
    await write(ledger, admin, registerUser(developer(newcomer.certificate)));
    await refused(ledger, admin, registerUser(developer(newcomer.certificate, 'ViewOnly')), 'CONFLICT');
    const mrvAdmin = company(fixture, 'MRV').users.Admin;
    const intoMrv = { ...developer(newcomer.certificate), companyId: 'MRV' };
    await refused(ledger, mrvAdmin, registerUser(intoMrv), 'CONFLICT');
  });
});

describe('UserContract.ChangeUserRole', () => {
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
  });

  it("changes the role of a user of the Admin's own company", async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const before = storedUser(ledger, dev.target.userId);
    const { result, event } = await write<User>(ledger, dev.users.Admin, changeRole(dev.target.userId, 'Manager'));
    expect(result).to.deep.equal({
      ...before,
      role: 'Manager',
      updated: { at: result.updated.at, txId: event.txId, by: actorOf(dev.users.Admin, 'DEV') },
    });
    expect(stored(ledger, key('user', dev.target.userId))).to.deep.equal(result);
    expect(hasKey(ledger, 'user~company', 'DEV', 'Active', dev.target.userId)).to.equal(true);
    expect(event).to.deep.include({
      name: 'UserChanged',
      payload: { companyId: 'DEV', userId: dev.target.userId, role: 'Manager' },
    });
    await write(ledger, dev.target, submit());
  });

  it("refuses another company's Admin, the government's included (FORBIDDEN)", async () => {
    const ledger = fixture.ledger.clone();
    const target = company(fixture, 'DEV').target.userId;
    await refused(ledger, company(fixture, 'CERT').users.Admin, changeRole(target, 'Manager'), 'FORBIDDEN');
    await refused(ledger, fixture.bootstrapAdmin, changeRole(target, 'Manager'), 'FORBIDDEN');
  });

  it('never demotes the last Active Admin (INVALID_STATE); a suspended Admin does not count', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const admin = dev.users.Admin;
    await refused(ledger, admin, changeRole(admin.userId, 'Manager'), 'INVALID_STATE');
    await write(ledger, admin, changeRole(dev.suspended.userId, 'Admin'));
    const body = await refused(ledger, admin, changeRole(admin.userId, 'ViewOnly'), 'INVALID_STATE');
    expect(body.details).to.deep.equal({ companyId: 'DEV', userId: admin.userId });

    await write(ledger, admin, changeRole(dev.target.userId, 'Admin'));
    const { result } = await write<User>(ledger, admin, changeRole(admin.userId, 'Manager'));
    expect(result.role).to.equal('Manager');
  });

  it('answers NOT_FOUND for an unknown user and INVALID_ARGUMENT for a malformed request', async () => {
    const ledger = fixture.ledger.clone();
    const admin = company(fixture, 'DEV').users.Admin;
    await refused(ledger, admin, changeRole('a'.repeat(64), 'Manager'), 'NOT_FOUND');
    await refused(ledger, admin, changeRole('not-a-user-id', 'Manager'), 'INVALID_ARGUMENT');
    await refused(ledger, admin, changeRole(company(fixture, 'DEV').target.userId, 'Owner'), 'INVALID_ARGUMENT');
  });

  it('refuses a user whose certificate says carbon.role=Manager once the registry says otherwise (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const admin = company(fixture, 'DEV').users.Admin;
    const holder = await newIdentity('DeveloperMSP', 'client', { 'carbon.companyId': 'DEV', 'carbon.role': 'Manager' });
    const registration = {
      certificate: holder.certificate,
      mspId: 'DeveloperMSP',
      companyId: 'DEV',
      role: 'Manager',
    } as const;
    await write(ledger, admin, registerUser(registration));
    await write(ledger, holder, submit());

    await write(ledger, admin, changeRole(userIdOfCaller(holder), 'ViewOnly'));
    const asViewer = await refused(ledger, holder, submit(), 'FORBIDDEN');
    expect(asViewer.message).to.equal('the certificate names role Manager, the registry ViewOnly');

    // Promoted to Admin the permission table would let them in: only the mismatch stops them.
    await write(ledger, admin, changeRole(userIdOfCaller(holder), 'Admin'));
    const asAdmin = await refused(ledger, holder, submit(), 'FORBIDDEN');
    expect(asAdmin.message).to.equal('the certificate names role Manager, the registry Admin');
  });
});
