import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { KeyVault, KeyVaultError } from '../../src/auth/key-vault.ts';
import { InsecureSecretFileError } from '../../src/auth/secret-files.ts';

const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';

describe('key vault', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'key-vault-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('decrypts what it encrypted, for the same owner', () => {
    const vault = KeyVault.open(dir);
    const sealed = vault.seal(PEM, 'user-1');
    expect(sealed.alg).to.equal('A256GCM');
    expect(Buffer.from(sealed.iv, 'base64')).to.have.length(12);
    expect(Buffer.from(sealed.tag, 'base64')).to.have.length(16);
    expect(sealed.data).to.not.include('PRIVATE KEY');
    expect(vault.open(sealed, 'user-1')).to.equal(PEM);
  });

  it('uses a fresh IV each time', () => {
    const vault = KeyVault.open(dir);
    expect(vault.seal(PEM, 'u').iv).to.not.equal(vault.seal(PEM, 'u').iv);
  });

  it('refuses altered data, an altered tag, another owner and another key', () => {
    const vault = KeyVault.open(dir);
    const sealed = vault.seal(PEM, 'user-1');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => vault.open({ ...sealed, data: data.toString('base64') }, 'user-1')).to.throw(KeyVaultError);
    const tag = Buffer.from(sealed.tag, 'base64');
    tag[3] = (tag[3] ?? 0) ^ 0x80;
    expect(() => vault.open({ ...sealed, tag: tag.toString('base64') }, 'user-1')).to.throw(KeyVaultError);
    expect(() => vault.open(sealed, 'user-2')).to.throw(KeyVaultError);
    const other = new KeyVault(Buffer.alloc(32, 7));
    expect(() => other.open(sealed, 'user-1')).to.throw(KeyVaultError);
  });

  it('creates the key file with mode 0600 at first start and reads the same key afterwards', () => {
    const first = KeyVault.open(dir);
    const file = join(dir, 'key-encryption.key');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).to.have.length(32);
    const sealed = first.seal(PEM, 'u');
    expect(KeyVault.open(dir).open(sealed, 'u')).to.equal(PEM);
  });

  it('refuses to start with a key file others can read', () => {
    KeyVault.open(dir);
    chmodSync(join(dir, 'key-encryption.key'), 0o644);
    expect(() => KeyVault.open(dir)).to.throw(InsecureSecretFileError, /chmod 600/);
  });

  it('takes the key from the environment instead of a file, and checks its length', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    const sealed = KeyVault.open(dir, key).seal(PEM, 'u');
    expect(new KeyVault(Buffer.alloc(32, 9)).open(sealed, 'u')).to.equal(PEM);
    expect(() => statSync(join(dir, 'key-encryption.key'))).to.throw();
    expect(() => KeyVault.open(dir, Buffer.alloc(16).toString('base64'))).to.throw(KeyVaultError);
  });

  it('refuses a key file whose content is not 32 bytes', () => {
    writeFileSync(join(dir, 'key-encryption.key'), 'c2hvcnQ=', { mode: 0o600 });
    expect(() => KeyVault.open(dir)).to.throw(KeyVaultError);
  });
});
