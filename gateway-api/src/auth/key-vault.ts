// Private keys of people's Fabric identities, encrypted at rest with AES-256-GCM. Each sealed key
// is bound to its owner (the user id is authenticated data), so a key copied onto another
// person's account does not decrypt there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret-files.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;

/** An encrypted secret as stored: base64 parts. */
export interface SealedSecret {
  readonly alg: 'A256GCM';
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export class KeyVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyVaultError';
  }
}

export class KeyVault {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new KeyVaultError(`the key-encryption key must be ${KEY_BYTES} bytes`);
    this.#key = Buffer.from(key);
  }

  /**
   * The vault with the key from GATEWAY_KEY_ENCRYPTION_KEY (base64) when given, else from
   * <dataDir>/key-encryption.key, created with mode 0600 at first start.
   */
  static open(dataDir: string, keyFromEnvironment?: string): KeyVault {
    const encoded =
      keyFromEnvironment ??
      readOrCreateSecretFile(join(dataDir, 'key-encryption.key'), () => randomBytes(KEY_BYTES).toString('base64'));
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) throw new KeyVaultError(`the key-encryption key is not ${KEY_BYTES} bytes of base64`);
    return new KeyVault(key);
  }

  seal(plaintext: string, owner: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  open(sealed: SealedSecret, owner: string): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(owner, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      // Wrong key, wrong owner or altered data: GCM cannot tell which, and neither should the caller.
      throw new KeyVaultError('the sealed key could not be decrypted (wrong key-encryption key, owner or data)');
    }
  }
}
