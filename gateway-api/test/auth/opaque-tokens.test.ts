import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { hashSecret, newOpaqueToken, parseOpaqueToken, secretMatches } from '../../src/auth/opaque-tokens.ts';

describe('API keys and refresh tokens (opaque credentials)', () => {
  it('formats sk_<id>_<secret> and stores only the SHA-256 of the secret', () => {
    const key = newOpaqueToken('sk');
    expect(key.token).to.match(/^sk_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseOpaqueToken('sk', key.token);
    expect(parsed?.id).to.equal(key.id);
    expect(key.secretHash).to.equal(
      createHash('sha256')
        .update(parsed?.secret ?? '')
        .digest('hex'),
    );
    expect(key.secretHash).to.not.include(parsed?.secret ?? 'x');
  });

  it('parses only its own kind and well-formed credentials', () => {
    const key = newOpaqueToken('sk');
    expect(parseOpaqueToken('rt', key.token)).to.equal(undefined);
    expect(parseOpaqueToken('sk', key.token.slice(0, -1))).to.equal(undefined);
    expect(parseOpaqueToken('sk', `${key.token}x`)).to.equal(undefined);
    expect(parseOpaqueToken('sk', `${key.token.slice(0, 19)}-${key.token.slice(20)}`)).to.equal(undefined);
    expect(parseOpaqueToken('sk', 'sk_short_secret')).to.equal(undefined);
    expect(parseOpaqueToken('sk', '')).to.equal(undefined);
  });

  it('keeps underscores inside the secret', () => {
    const token = `sk_0123456789abcdef_${'_'.repeat(43)}`;
    expect(parseOpaqueToken('sk', token)).to.deep.equal({ id: '0123456789abcdef', secret: '_'.repeat(43) });
  });

  it('matches the right secret only', () => {
    const { secretHash } = newOpaqueToken('rt');
    expect(secretMatches('anything', secretHash)).to.equal(false);
    expect(secretMatches('s3cret', hashSecret('s3cret'))).to.equal(true);
    expect(secretMatches('s3cret', 'abcd')).to.equal(false);
  });

  it('never repeats a credential', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newOpaqueToken('sk').token));
    expect(tokens.size).to.equal(200);
  });
});
