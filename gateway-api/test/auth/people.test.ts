import type { Request } from 'express';
import { expect } from 'chai';
import { fixture, PASSWORD, refusal } from './people-fixture.ts';

const request = (headers: Record<string, string>): Request => ({ headers }) as unknown as Request;

describe('log-in', () => {
  it('answers a session for the right password', async () => {
    const f = fixture();
    const account = await f.addAccount('pat@dev.example');
    const session = await f.people.login('Pat@Dev.example', PASSWORD);
    expect(session.user).to.deep.include({ userId: account.userId, role: 'Admin', state: 'Active' });
    expect(session.expiresIn).to.equal(900);
    expect((await f.accessTokens.verify(session.accessToken)).sub).to.equal(account.userId);
    expect(session.refreshToken).to.match(/^rt_/);
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const f = fixture();
    await f.addAccount('pat@dev.example');
    const wrong = await refusal(f.people.login('pat@dev.example', 'not the password'));
    const unknown = await refusal(f.people.login('nobody@dev.example', PASSWORD));
    expect(wrong).to.deep.include({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(unknown).to.deep.include({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect((wrong as unknown as Error).message).to.equal((unknown as unknown as Error).message);
  });

  it('locks the account after the maximum of wrong passwords, even for the right one, and says until when', async () => {
    const f = fixture(3);
    await f.addAccount('pat@dev.example');
    expect(await refusal(f.people.login('pat@dev.example', 'wrong 1 password'))).to.include({ status: 401 });
    expect(await refusal(f.people.login('pat@dev.example', 'wrong 2 password'))).to.include({ status: 401 });
    const locked = await refusal(f.people.login('pat@dev.example', 'wrong 3 password'));
    expect(locked).to.include({ status: 423, code: 'ACCOUNT_LOCKED' });
    const until = Date.parse(String(locked.details.until));
    expect(until - Date.now()).to.be.within(590_000, 600_000);
    expect(await refusal(f.people.login('pat@dev.example', PASSWORD))).to.include({ status: 423 });
  });

  it('clears the count of wrong passwords after a successful log-in', async () => {
    const f = fixture(3);
    const { userId } = await f.addAccount('pat@dev.example');
    await refusal(f.people.login('pat@dev.example', 'wrong 1 password'));
    await refusal(f.people.login('pat@dev.example', 'wrong 2 password'));
    await f.people.login('pat@dev.example', PASSWORD);
    expect((await f.accounts.byUserId(userId))?.failedLogins).to.equal(0);
    await refusal(f.people.login('pat@dev.example', 'wrong 3 password'));
    expect((await f.accounts.byUserId(userId))?.failedLogins).to.equal(1);
  });

  it('refuses a suspended account with 403, and follows the ledger’s suspension', async () => {
    const f = fixture();
    await f.addAccount('sam@dev.example', { state: 'Suspended' });
    expect(await refusal(f.people.login('sam@dev.example', PASSWORD))).to.include({
      status: 403,
      code: 'ACCOUNT_SUSPENDED',
    });
    const pat = await f.addAccount('pat@dev.example');
    f.ledger.users.set(pat.userId, { role: 'Admin', state: 'Suspended' });
    expect(await refusal(f.people.login('pat@dev.example', PASSWORD))).to.include({ status: 403 });
    expect((await f.accounts.byUserId(pat.userId))?.state).to.equal('Suspended');
  });

  it('follows a role changed on the ledger, with a certificate for the new role', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example', { role: 'Manager' });
    f.ledger.users.set(pat.userId, { role: 'ViewOnly', state: 'Active' });
    const session = await f.people.login('pat@dev.example', PASSWORD);
    expect(session.user.role).to.equal('ViewOnly');
    expect(f.enroller.reenrolments).to.deep.equal([{ mspId: 'DeveloperMSP', companyId: 'DEV-1', role: 'ViewOnly' }]);
    expect((await f.accounts.byUserId(pat.userId))?.reenrolmentDue).to.equal(undefined);
  });

  it('logs in with the stored account when the ledger cannot be reached', async () => {
    const f = fixture();
    await f.addAccount('pat@dev.example');
    f.ledger.unavailable = true;
    expect((await f.people.login('pat@dev.example', PASSWORD)).user.email).to.equal('pat@dev.example');
  });
});

describe('sessions', () => {
  it('refresh answers a new pair and refuses the old refresh token; log-out ends the session', async () => {
    const f = fixture();
    await f.addAccount('pat@dev.example');
    const first = await f.people.login('pat@dev.example', PASSWORD);
    const second = await f.people.refresh(first.refreshToken);
    expect(second.refreshToken).to.not.equal(first.refreshToken);
    expect(await refusal(f.people.refresh(first.refreshToken))).to.include({
      status: 401,
      code: 'INVALID_REFRESH_TOKEN',
    });
    const third = await f.people.login('pat@dev.example', PASSWORD);
    await f.people.logout(third.refreshToken);
    expect(await refusal(f.people.refresh(third.refreshToken))).to.include({ status: 401 });
  });

  it('a suspension ends every session of the person', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example');
    const session = await f.people.login('pat@dev.example', PASSWORD);
    await f.people.stateChanged(pat.userId, 'Suspended');
    expect(await refusal(f.people.refresh(session.refreshToken))).to.include({ status: 401 });
  });
});

describe('authenticator', () => {
  it('serves public routes without a credential, and requires one elsewhere', async () => {
    const f = fixture();
    expect(await f.authenticator.authenticate(request({}), 'public')).to.equal(undefined);
    expect(await refusal(f.authenticator.authenticate(request({}), 'user'))).to.include({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(await refusal(f.authenticator.authenticate(request({}), 'userOrApiKey'))).to.include({ status: 401 });
    expect(await refusal(f.authenticator.authenticate(request({ authorization: 'Basic abc' }), 'user'))).to.include({
      status: 401,
    });
    expect(await f.authenticator.authenticate(request({ authorization: 'Bearer nonsense' }), 'public')).to.equal(
      undefined,
    );
  });

  it('knows the signed-in person from their access token, and reads their account each time', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example');
    const { accessToken } = await f.people.login('pat@dev.example', PASSWORD);
    const headers = { authorization: `Bearer ${accessToken}` };
    expect(await f.authenticator.authenticate(request(headers), 'user')).to.deep.include({
      userId: pat.userId,
      role: 'Admin',
    });
    expect(await f.authenticator.authenticate(request(headers), 'public')).to.deep.include({ userId: pat.userId });
    await f.people.stateChanged(pat.userId, 'Suspended');
    expect(await refusal(f.authenticator.authenticate(request(headers), 'user'))).to.include({ status: 403 });
  });

  it('lets an API key act as its owner on userOrApiKey routes only, within its scope, until revoked', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example');
    const { apiKey, record } = await f.apiKeys.create({
      companyId: 'DEV-1',
      ownerUserId: pat.userId,
      label: 'MRV',
      programmeId: 'P-1',
    });
    const headers = { 'x-api-key': apiKey };
    const actor = await f.authenticator.authenticate(request(headers), 'userOrApiKey');
    expect(actor).to.deep.include({ userId: pat.userId, companyId: 'DEV-1' });
    expect(actor?.apiKey).to.deep.equal({ keyId: record.keyId, programmeId: 'P-1' });
    expect(await refusal(f.authenticator.authenticate(request(headers), 'user'))).to.include({
      status: 403,
      code: 'FORBIDDEN',
    });
    await f.apiKeys.revoke(record.keyId, 'DEV-1');
    expect(await refusal(f.authenticator.authenticate(request(headers), 'userOrApiKey'))).to.include({ status: 401 });
  });

  it('refuses an API key whose owner was suspended', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example');
    const { apiKey } = await f.apiKeys.create({ companyId: 'DEV-1', ownerUserId: pat.userId, label: 'MRV' });
    await f.people.stateChanged(pat.userId, 'Suspended');
    expect(await refusal(f.authenticator.authenticate(request({ 'x-api-key': apiKey }), 'userOrApiKey'))).to.include({
      status: 403,
    });
  });

  it('signs with the person’s own decrypted key', async () => {
    const f = fixture();
    const pat = await f.addAccount('pat@dev.example');
    const actor = await f.authenticator.authenticate(
      request({ authorization: `Bearer ${(await f.people.login('pat@dev.example', PASSWORD)).accessToken}` }),
      'user',
    );
    if (!actor) throw new Error('no actor');
    const { identity, signer } = await f.authenticator.signingIdentity(actor);
    expect(identity.mspId).to.equal('DeveloperMSP');
    expect(Buffer.from(identity.credentials).toString()).to.equal(pat.certificate);
    expect((await signer(new Uint8Array(32))).length).to.be.greaterThan(60);
  });

  it('checks the bootstrap token', () => {
    const f = fixture();
    expect(f.people.isBootstrapToken('bootstrap-token-of-this-registry')).to.equal(true);
    expect(f.people.isBootstrapToken('bootstrap-token-of-this-registrx')).to.equal(false);
    expect(f.people.isBootstrapToken('')).to.equal(false);
  });
});
