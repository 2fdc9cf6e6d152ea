import { expect } from 'chai';
import { hashPassword, passwordSchema, verifyAgainstDecoy, verifyPassword } from '../../src/auth/passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).to.match(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).to.not.include('correct horse');
    expect(await verifyPassword(hash, 'correct horse battery staple')).to.equal(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).to.equal(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password twice')).to.not.equal(await hashPassword('same password twice'));
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not a hash', 'whatever password')).to.equal(false);
  });

  it('answers false against the decoy', async () => {
    expect(await verifyAgainstDecoy('decoy password that matches no account')).to.equal(false);
  });

  it('requires at least 12 and at most 256 characters', () => {
    expect(passwordSchema.safeParse('elevenchars').success).to.equal(false);
    expect(passwordSchema.safeParse('twelve chars').success).to.equal(true);
    expect(passwordSchema.safeParse('x'.repeat(256)).success).to.equal(true);
    expect(passwordSchema.safeParse('x'.repeat(257)).success).to.equal(false);
  });
});
