// People, log-in and Fabric identities through the gateway API on a real network: the bootstrap
// (or, on a network bootstrapped before, the government Admin's log-in), a developer's application
// signed by the applicant's own new identity, people created by an Admin with the attributes in
// their certificate and their own writes signed by it, role changes with a new certificate,
// suspension, lockout, refresh rotation and API keys. Works on a fresh network and again on one
// an earlier run used: every name carries the run id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { identityFromCertificate } from '../../../chaincode/src/domain/identity.ts';
import type { ApiClient } from '../src/api-client.ts';
import { sharedGateway } from '../src/api-gateway.ts';
import { ApiScenario, monitoringReport, type Organisation, type Person } from '../src/api-scenario.ts';
import { LedgerReader } from '../src/ledger-reader.ts';

interface CreatedPerson {
  readonly transactionId: string;
  readonly result: { readonly userId: string; readonly role: string };
  readonly user: { readonly userId: string; readonly email: string; readonly role: string };
}

interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { readonly userId: string };
}

interface ApiKeyAnswer {
  readonly keyId: string;
  readonly apiKey: string;
  readonly programmeId?: string;
  readonly revokedAt?: string;
}

const reason = 'decided by the organisation’s Admin';

/** The shared gateway's bootstrap token: from its configuration, else from its data directory. */
async function bootstrapToken(): Promise<string> {
  const { config } = (await sharedGateway()).services;
  return config.GATEWAY_BOOTSTRAP_TOKEN ?? readFileSync(join(config.GATEWAY_DATA_DIR, 'bootstrap.token'), 'utf8').trim();
}

/** The certificate the gateway holds for a person, as the chaincode reads it. */
async function certificateOf(userId: string): Promise<ReturnType<typeof identityFromCertificate>> {
  const account = await (await sharedGateway()).services.people?.account(userId);
  if (!account) throw new Error(`no account for ${userId}`);
  return identityFromCertificate(account.certificate);
}

describe('API: accounts, log-in and Fabric identities', function () {
  this.timeout(5 * 60_000);
  let s: ApiScenario;
  let ledger: LedgerReader;
  let developer: Organisation;
  let certifierId: string;
  let certifier: Organisation;
  let manager: Person;
  let anonymous: ApiClient;
  let programmes = 0;

  const newPerson = (label: string, companyId: string) => ({
    name: `${label} ${s.run}`,
    email: `${label.toLowerCase()}.${s.run.toLowerCase()}@${companyId.toLowerCase()}.example`,
    password: `correct horse ${s.run} ${label}`,
  });

  /** A programme submitted by `person`; the ledger must show them as its signer. */
  async function submitProgrammeAs(person: Person): Promise<string> {
    const externalId = `API-ACC-${s.run}-${String(++programmes)}`;
    const committed = await s.submittedProgramme(externalId, person, certifierId, [
      { companyId: person.user.companyId, shareBps: 10000 },
    ]);
    const creator = await ledger.creatorOf(committed.transactionId);
    expect(creator).to.include({ userId: person.user.userId, mspId: 'DeveloperMSP', valid: true });
    return externalId;
  }

  before(async () => {
    s = await ApiScenario.open();
    ledger = new LedgerReader();
    anonymous = s.anonymous;
  });

  after(() => {
    ledger.close();
  });

  it('has a government Admin enrolled as an admin identity with the registry’s attributes', async () => {
    const registry = await anonymous.get<{ governmentCompanyId: string }>('/registry');
    const admin = s.government.admin;
    expect(admin.user).to.include({ companyId: registry.governmentCompanyId, mspId: 'GovernmentMSP', role: 'Admin' });
    const certificate = await certificateOf(admin.user.userId);
    expect(certificate.organisationalUnits).to.include('admin');
    expect(certificate.attributes).to.include({ 'carbon.companyId': registry.governmentCompanyId, 'carbon.role': 'Admin' });
    const me = await admin.client.get<{ userId: string; state: string }>('/auth/me');
    expect(me).to.include({ userId: admin.user.userId, state: 'Active' });
  });

  it('bootstraps only once, and only with the bootstrap token', async () => {
    const body = {
      organisation: {
        companyId: `GOV-${s.run}`,
        name: 'Another government',
        companyRole: 'Government',
        hostMspId: 'GovernmentMSP',
        country: 'KE',
        contact: { email: 'gov@example.org', address: '1 Road' },
      },
      admin: newPerson('Usurper', 'gov'),
    };
    await anonymous.expectError(403, 'INVALID_BOOTSTRAP_TOKEN', 'POST', '/registry/bootstrap', body, {
      'x-bootstrap-token': 'not-the-token-of-this-registry',
    });
    await anonymous.expectError(403, 'INVALID_BOOTSTRAP_TOKEN', 'POST', '/registry/bootstrap', body);
    await anonymous.expectError(409, 'CONFLICT', 'POST', '/registry/bootstrap', body, {
      'x-bootstrap-token': await bootstrapToken(),
    });
    await anonymous.expectError(401, 'INVALID_CREDENTIALS', 'POST', '/auth/login', {
      email: body.admin.email,
      password: body.admin.password,
    });
  });

  it('takes a developer’s application signed by the applicant’s own new identity', async () => {
    const companyId = s.companyId('DEVACC');
    const admin = newPerson('Applicant', companyId);
    const organisation = {
      companyId,
      name: `${companyId} Ltd`,
      companyRole: 'ProgrammeDeveloper',
      hostMspId: 'DeveloperMSP',
      country: s.country,
      contact: { email: `registry@${companyId.toLowerCase()}.example`, address: '1 Registry Road' },
    };
    const applied = await anonymous.expect<CreatedPerson & { result: { state: string } }>(
      201,
      'POST',
      '/organisations/applications',
      { organisation, admin },
    );
    expect(applied.result.state).to.equal('Pending');
    const creator = await ledger.creatorOf(applied.transactionId);
    expect(creator).to.include({ userId: applied.user.userId, mspId: 'DeveloperMSP', valid: true });
    expect((await certificateOf(applied.user.userId)).attributes).to.include({
      'carbon.companyId': companyId,
      'carbon.role': 'Admin',
    });
    // The same e-mail again is refused before anyone is enrolled.
    await anonymous.expectError(409, 'EMAIL_TAKEN', 'POST', '/organisations/applications', {
      organisation: { ...organisation, companyId: `${companyId}-B` },
      admin: { ...admin, email: admin.email.toUpperCase() },
    });
    await s.government.admin.client.write('POST', `/organisations/${companyId}/approval`, {});
    developer = { companyId, companyRole: 'ProgrammeDeveloper', hostMspId: 'DeveloperMSP', admin: await s.signIn(admin) };
    expect(developer.admin.user.userId).to.equal(applied.user.userId);
  });

  it('stores no account when the ledger refuses, and frees the e-mail for a later attempt', async () => {
    const admin = newPerson('Second', developer.companyId);
    const application = (companyId: string) => ({
      organisation: {
        companyId,
        name: 'Copycat Ltd',
        companyRole: 'ProgrammeDeveloper',
        hostMspId: 'DeveloperMSP',
        country: s.country,
        contact: { email: 'copy@example.org', address: '2 Road' },
      },
      admin,
    });
    // The company exists already: the chaincode refuses, after the CA enrolled the applicant.
    await anonymous.expectError(409, 'CONFLICT', 'POST', '/organisations/applications', application(developer.companyId));
    await anonymous.expectError(401, 'INVALID_CREDENTIALS', 'POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    await anonymous.expect(201, 'POST', '/organisations/applications', application(s.companyId('DEVACC2')));
  });

  it('lets the government register a certifier with its first Admin', async () => {
    certifierId = s.companyId('CERTACC');
    certifier = await s.registered('Certifier', certifierId);
    expect(certifier.admin.user).to.include({ companyId: certifierId, mspId: 'CertifierMSP', role: 'Admin' });
    // Only the government registers organisations: a developer's Admin is refused before any enrolment.
    await developer.admin.client.expectError(403, 'FORBIDDEN', 'POST', '/organisations', {
      organisation: {
        companyId: s.companyId('NOPE'),
        name: 'Nope',
        companyRole: 'Certifier',
        hostMspId: 'CertifierMSP',
        country: s.country,
        contact: { email: 'nope@example.org', address: '3 Road' },
      },
      firstAdmin: newPerson('Nope', 'nope'),
    });
  });

  it('creates a person whose certificate carries their company and role, and whose writes are signed by it', async () => {
    const person = newPerson('Manager', developer.companyId);
    const created = await developer.admin.client.expect<CreatedPerson>(201, 'POST', '/users', { ...person, role: 'Manager' });
    expect(created.result).to.include({ userId: created.user.userId, role: 'Manager' });
    expect((await ledger.creatorOf(created.transactionId)).userId).to.equal(developer.admin.user.userId);
    const certificate = await certificateOf(created.user.userId);
    expect(certificate.attributes).to.include({ 'carbon.companyId': developer.companyId, 'carbon.role': 'Manager' });
    expect(certificate.organisationalUnits).to.deep.equal(['client']);
    manager = await s.signIn(person);
    await submitProgrammeAs(manager);
    await developer.admin.client.expectError(409, 'EMAIL_TAKEN', 'POST', '/users', { ...person, role: 'ViewOnly' });
    await manager.client.expectError(403, 'FORBIDDEN', 'POST', '/users', { ...newPerson('Other', 'x'), role: 'ViewOnly' });
  });

  it('lists an organisation’s people for itself and the government only', async () => {
    const page = await developer.admin.client.get<{ items: { userId: string }[] }>('/users');
    expect(page.items.map((u) => u.userId)).to.include.members([developer.admin.user.userId, manager.user.userId]);
    const byGovernment = await s.government.admin.client.get<{ items: { userId: string }[] }>(
      `/users?companyId=${developer.companyId}`,
    );
    expect(byGovernment.items).to.have.length(page.items.length);
    await developer.admin.client.expectError(403, 'FORBIDDEN', 'GET', `/users?companyId=${certifierId}`);
    await developer.admin.client.expectError(403, 'FORBIDDEN', 'GET', `/users/${s.government.admin.user.userId}`);
    const one = await manager.client.get<{ role: string }>(`/users/${manager.user.userId}`);
    expect(one.role).to.equal('Manager');
  });

  it('changes a role on the ledger and gives the person a certificate for the new role', async () => {
    const userPath = `/users/${manager.user.userId}/role`;
    await developer.admin.client.write('PUT', userPath, { role: 'ViewOnly' });
    expect((await certificateOf(manager.user.userId)).attributes['carbon.role']).to.equal('ViewOnly');
    // A ViewOnly person may not submit: the chaincode decides with the new role.
    await manager.client.expectError(403, 'FORBIDDEN', 'POST', '/programmes', s.programmeInput(`API-ACC-${s.run}-X`, developer.companyId, certifierId));
    await developer.admin.client.write('PUT', userPath, { role: 'Manager' });
    const certificate = await certificateOf(manager.user.userId);
    expect(certificate.attributes['carbon.role']).to.equal('Manager');
    // The same person (same subject, same user id) signs again with the renewed certificate.
    await submitProgrammeAs(manager);
    const me = await manager.client.get<{ role: string }>('/auth/me');
    expect(me.role).to.equal('Manager');
  });

  it('suspends a person at once — token, log-in and refresh — and reactivates them', async () => {
    const person = newPerson('Suspended', developer.companyId);
    await developer.admin.client.expect(201, 'POST', '/users', { ...person, role: 'ViewOnly' });
    const { client, login } = await anonymous.login(person.email, person.password);
    await developer.admin.client.write('POST', `/users/${login.user.userId}/suspension`, { reason });
    await client.expectError(403, 'ACCOUNT_SUSPENDED', 'GET', '/auth/me');
    await anonymous.expectError(403, 'ACCOUNT_SUSPENDED', 'POST', '/auth/login', { email: person.email, password: person.password });
    await anonymous.expectError(401, 'INVALID_REFRESH_TOKEN', 'POST', '/auth/refresh', { refreshToken: login.refreshToken });
    await developer.admin.client.write('POST', `/users/${login.user.userId}/reactivation`, { reason });
    const again = await anonymous.login(person.email, person.password);
    expect((await again.client.get<{ state: string }>('/auth/me')).state).to.equal('Active');
  });

  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    const { LOGIN_MAX_FAILURES: max } = (await sharedGateway()).services.config;
    const person = newPerson('Forgetful', developer.companyId);
    await developer.admin.client.expect(201, 'POST', '/users', { ...person, role: 'ViewOnly' });
    const wrong = { email: person.email, password: 'not the right password' };
    for (let i = 1; i < max; i++) await anonymous.expectError(401, 'INVALID_CREDENTIALS', 'POST', '/auth/login', wrong);
    const locked = await anonymous.expectError(423, 'ACCOUNT_LOCKED', 'POST', '/auth/login', wrong);
    expect(Date.parse(String(locked.details.until))).to.be.greaterThan(Date.now());
    await anonymous.expectError(423, 'ACCOUNT_LOCKED', 'POST', '/auth/login', { email: person.email, password: person.password });
    // An unknown e-mail is answered like a wrong password, and never locks.
    const unknown = { email: `nobody.${s.run.toLowerCase()}@example.org`, password: 'whatever password' };
    for (let i = 0; i <= max; i++) await anonymous.expectError(401, 'INVALID_CREDENTIALS', 'POST', '/auth/login', unknown);
  });

  it('rotates refresh tokens, revokes every session when a used one comes back, and logs out', async () => {
    const { email, password } = manager;
    const first = await anonymous.expect<Session>(200, 'POST', '/auth/login', { email, password });
    const second = await anonymous.expect<Session>(200, 'POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.refreshToken).to.not.equal(first.refreshToken);
    expect(second.user.userId).to.equal(manager.user.userId);
    await anonymous.as({ token: second.accessToken }).get('/auth/me');
    await anonymous.expectError(401, 'INVALID_REFRESH_TOKEN', 'POST', '/auth/refresh', { refreshToken: first.refreshToken });
    await anonymous.expectError(401, 'INVALID_REFRESH_TOKEN', 'POST', '/auth/refresh', { refreshToken: second.refreshToken });
    const third = await anonymous.expect<Session>(200, 'POST', '/auth/login', { email, password });
    await anonymous.expect(200, 'POST', '/auth/logout', { refreshToken: third.refreshToken });
    await anonymous.expectError(401, 'INVALID_REFRESH_TOKEN', 'POST', '/auth/refresh', { refreshToken: third.refreshToken });
    await anonymous.as({ token: 'not.a.jwt' }).expectError(401, 'UNAUTHENTICATED', 'GET', '/auth/me');
  });

  it('creates, uses and revokes API keys, scoped to a programme when asked', async () => {
    const admin = developer.admin.client;
    const externalId = `API-ACC-${s.run}-KEY`;
    await s.authorisedProgramme(externalId, developer.admin, certifier.admin);
    const other = await submitProgrammeAs(developer.admin);
    const general = await admin.expect<ApiKeyAnswer>(201, 'POST', '/api-keys', { label: 'MRV system' });
    const scoped = await admin.expect<ApiKeyAnswer>(201, 'POST', '/api-keys', { label: 'meter', programmeId: externalId });
    expect(scoped.programmeId).to.equal(externalId);
    await admin.expectError(404, 'NOT_FOUND', 'POST', '/api-keys', { label: 'x', programmeId: `NOPE-${s.run}` });
    await manager.client.expectError(403, 'FORBIDDEN', 'POST', '/api-keys', { label: 'not an Admin' });

    const byKey = anonymous.as({ apiKey: general.apiKey });
    const me = await byKey.get<{ userId: string; apiKey: { keyId: string } }>('/auth/me');
    expect(me.userId).to.equal(developer.admin.user.userId);
    expect(me.apiKey.keyId).to.equal(general.keyId);
    // A person's routes are not for API keys.
    await byKey.expectError(403, 'FORBIDDEN', 'GET', '/users');

    // The scoped key reports monitoring of its programme, signed as the Admin who made it, and nothing else.
    const byScoped = anonymous.as({ apiKey: scoped.apiKey });
    const reported = await byScoped.write('POST', `/programmes/${externalId}/monitoring-rounds`, monitoringReport(1000), true);
    expect(await ledger.creatorOf(reported.transactionId)).to.include({ userId: developer.admin.user.userId, valid: true });
    await byScoped.expectError(403, 'FORBIDDEN', 'POST', `/programmes/${other}/monitoring-rounds`, monitoringReport(1000));
    await byScoped.expectError(403, 'FORBIDDEN', 'GET', '/auth/me');

    const listed = await admin.get<{ items: ApiKeyAnswer[] }>('/api-keys');
    expect(listed.items.map((k) => k.keyId)).to.include.members([general.keyId, scoped.keyId]);
    expect(JSON.stringify(listed)).to.not.include(general.apiKey);
    await s.government.admin.client.expectError(404, 'NOT_FOUND', 'DELETE', `/api-keys/${general.keyId}`);
    const revoked = await admin.expect<ApiKeyAnswer>(200, 'DELETE', `/api-keys/${general.keyId}`);
    expect(revoked.revokedAt).to.be.a('string');
    await byKey.expectError(401, 'UNAUTHENTICATED', 'GET', '/auth/me');
    await admin.expect(200, 'DELETE', `/api-keys/${scoped.keyId}`);
    await byScoped.expectError(401, 'UNAUTHENTICATED', 'POST', `/programmes/${externalId}/monitoring-rounds`, monitoringReport(5));
  });
});
