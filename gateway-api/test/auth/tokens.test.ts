import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { AccessTokens, InvalidTokenError, loadTokenSecret, type AccessClaims } from '../../src/auth/tokens.ts';

const SECRET = new TextEncoder().encode('a'.repeat(48));
const CLAIMS: AccessClaims = {
  sub: 'f'.repeat(64),
  companyId: 'DEV-1',
  mspId: 'DeveloperMSP',
  role: 'Manager',
  email: 'pat@dev.example',
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('access tokens', () => {
  it('round-trips the claims and expires after the TTL', async () => {
    const tokens = new AccessTokens(SECRET, 900);
    const now = new Date('2030-01-01T00:00:00Z');
    const token = await tokens.issue(CLAIMS, now);
    expect(await tokens.verify(token, now)).to.deep.equal(CLAIMS);
    const payload = decodeJwt(token);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).to.equal(900);
    expect(payload.jti).to.be.a('string');
    expect(await tokens.verify(token, new Date(now.getTime() + 899_000))).to.deep.equal(CLAIMS);
    const err = await rejection(tokens.verify(token, new Date(now.getTime() + 901_000)));
    expect(err).to.be.instanceOf(InvalidTokenError);
    expect((err as InvalidTokenError).reason).to.equal('expired');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await new AccessTokens(new TextEncoder().encode('b'.repeat(48)), 900).issue(CLAIMS);
    const err = await rejection(new AccessTokens(SECRET, 900).verify(token));
    expect((err as InvalidTokenError).reason).to.equal('invalid');
  });

  it('refuses an altered token and an unsigned one', async () => {
    const tokens = new AccessTokens(SECRET, 900);
    const [header = '', payload = '', signature = ''] = (await tokens.issue(CLAIMS)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...decodeJwt(`${header}.${payload}.${signature}`), role: 'Admin' }),
    ).toString('base64url');
    expect(await rejection(tokens.verify(`${header}.${forged}.${signature}`))).to.be.instanceOf(InvalidTokenError);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await rejection(tokens.verify(`${none}.${payload}.`))).to.be.instanceOf(InvalidTokenError);
  });

  it('refuses a token without the registry claims', async () => {
    const tokens = new AccessTokens(SECRET, 900);
    const token = await tokens.issue({ ...CLAIMS, role: 'Owner' as AccessClaims['role'] });
    expect(await rejection(tokens.verify(token))).to.be.instanceOf(InvalidTokenError);
  });

  it('creates the signing secret file 0600 and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    try {
      const first = loadTokenSecret(dir);
      expect(statSync(join(dir, 'token-signing.key')).mode & 0o777).to.equal(0o600);
      expect(first.length).to.be.at.least(32);
      expect(Buffer.from(loadTokenSecret(dir)).equals(Buffer.from(first))).to.equal(true);
      expect(Buffer.from(loadTokenSecret(dir, 'z'.repeat(32))).toString()).to.equal('z'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
