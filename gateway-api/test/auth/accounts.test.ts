import { expect } from 'chai';
import { AccountStore } from '../../src/auth/accounts.ts';
import { fixture, refusal } from './people-fixture.ts';
import { MemoryDb } from './memory-db.ts';

describe('accounts store', () => {
  it('finds an account by its e-mail in any case, and by user id', async () => {
    const f = fixture();
    const account = await f.addAccount('pat@dev.example');
    expect((await f.accounts.byEmail(' PAT@Dev.Example '))?.userId).to.equal(account.userId);
    expect((await f.accounts.byUserId(account.userId))?.email).to.equal('pat@dev.example');
    expect(await f.accounts.byEmail('someone@dev.example')).to.equal(undefined);
  });

  it('refuses a second reservation of a taken or reserved address with 409 EMAIL_TAKEN', async () => {
    const f = fixture();
    await f.addAccount('pat@dev.example');
    expect(await refusal(f.accounts.reserveEmail('Pat@dev.example'))).to.include({ status: 409, code: 'EMAIL_TAKEN' });
    await f.accounts.reserveEmail('new@dev.example');
    expect(await refusal(f.accounts.reserveEmail('new@dev.example'))).to.include({ code: 'EMAIL_TAKEN' });
  });

  it('frees an address released after a failed creation, and one abandoned for ten minutes', async () => {
    const store = new AccountStore(new MemoryDb().asScope());
    const t0 = new Date('2030-01-01T00:00:00Z');
    const reservation = await store.reserveEmail('a@dev.example', t0);
    await store.releaseEmail(reservation);
    await store.reserveEmail('a@dev.example', t0);
    expect(await refusal(store.reserveEmail('a@dev.example', new Date(t0.getTime() + 9 * 60_000)))).to.include({
      code: 'EMAIL_TAKEN',
    });
    const taken = await store.reserveEmail('a@dev.example', new Date(t0.getTime() + 11 * 60_000));
    expect(taken.email).to.equal('a@dev.example');
  });

  it('applies updates on top of concurrent ones', async () => {
    const f = fixture();
    const { userId } = await f.addAccount('pat@dev.example');
    await Promise.all([
      f.accounts.update(userId, (a) => ({ ...a, failedLogins: a.failedLogins + 1 })),
      f.accounts.update(userId, (a) => ({ ...a, failedLogins: a.failedLogins + 1 })),
      f.accounts.update(userId, (a) => ({ ...a, failedLogins: a.failedLogins + 1 })),
    ]);
    expect((await f.accounts.byUserId(userId))?.failedLogins).to.equal(3);
  });
});

describe('refresh tokens', () => {
  it('rotate on each use; a used token presented again revokes all of the person’s tokens', async () => {
    const f = fixture();
    const first = await f.refreshTokens.issue('u1');
    const other = await f.refreshTokens.issue('u1');
    const second = await f.refreshTokens.rotate(first);
    expect(second.userId).to.equal('u1');
    expect(second.token).to.not.equal(first);
    await refusal(f.refreshTokens.rotate(first));
    // The replay revoked the rest: the new token and the other session.
    await refusal(f.refreshTokens.rotate(second.token));
    await refusal(f.refreshTokens.rotate(other));
  });

  it('expire, and are revoked by log-out', async () => {
    const f = fixture();
    const t0 = new Date('2030-01-01T00:00:00Z');
    const token = await f.refreshTokens.issue('u1', t0);
    await refusal(f.refreshTokens.rotate(token, new Date(t0.getTime() + 3601_000)));
    const live = await f.refreshTokens.issue('u2');
    await f.refreshTokens.revoke(live);
    await refusal(f.refreshTokens.rotate(live));
    await f.refreshTokens.revoke('rt_not_a_token');
  });

  it('refuse a token whose secret is wrong', async () => {
    const f = fixture();
    const token = await f.refreshTokens.issue('u1');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    await refusal(f.refreshTokens.rotate(tampered));
    expect((await f.refreshTokens.rotate(token)).userId).to.equal('u1');
  });
});

describe('API keys store', () => {
  it('verifies a key, lists the company’s keys without other companies’, and revokes', async () => {
    const f = fixture();
    const { apiKey, record } = await f.apiKeys.create({
      companyId: 'DEV-1',
      ownerUserId: 'u1',
      label: 'MRV',
      programmeId: 'P-1',
    });
    await f.apiKeys.create({ companyId: 'DEV-2', ownerUserId: 'u2', label: 'other' });
    expect((await f.apiKeys.verify(apiKey))?.keyId).to.equal(record.keyId);
    const secret = apiKey.slice('sk_0123456789abcdef_'.length);
    expect(secret).to.have.length(43);
    expect(JSON.stringify([...f.db.docs.values()])).to.not.include(secret);
    expect((await f.apiKeys.list('DEV-1')).map((k) => k.label)).to.deep.equal(['MRV']);
    expect(await refusal(f.apiKeys.revoke(record.keyId, 'DEV-2'))).to.include({ status: 404 });
    const revoked = await f.apiKeys.revoke(record.keyId, 'DEV-1');
    expect(revoked.revokedAt).to.be.a('string');
    expect(await f.apiKeys.verify(apiKey)).to.equal(undefined);
  });

  it('refuses a key with a wrong secret or of another kind', async () => {
    const f = fixture();
    const { apiKey } = await f.apiKeys.create({ companyId: 'DEV-1', ownerUserId: 'u1', label: 'MRV' });
    expect(await f.apiKeys.verify(apiKey.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))).to.equal(undefined);
    expect(await f.apiKeys.verify(apiKey.replace(/^sk_/, 'rt_'))).to.equal(undefined);
  });
});
