// A person's Fabric identity for signing their own transactions: their certificate and their
// private key, decrypted from the accounts store when needed and kept in memory for a short while
// only (never logged, never written anywhere in clear).
import { createPrivateKey } from 'node:crypto';
import { signers } from '@hyperledger/fabric-gateway';
import type { SigningIdentity } from '@carbon-registry/fabric-client';

const CACHE_MS = 60_000;

/** The signing identity of a certificate and its private key (PEM). */
export function signingIdentityOf(mspId: string, certificate: string, privateKeyPem: string): SigningIdentity {
  return {
    identity: { mspId, credentials: Buffer.from(certificate, 'utf8') },
    signer: signers.newPrivateKeySigner(createPrivateKey(privateKeyPem)),
  };
}

interface Cached {
  readonly certificate: string;
  readonly signing: SigningIdentity;
  readonly until: number;
}

/** Decrypted identities by user id, each for a minute; a new certificate replaces the cached one. */
export class SigningIdentityCache {
  readonly #entries = new Map<string, Cached>();

  get(userId: string, certificate: string, load: () => SigningIdentity, now: number = Date.now()): SigningIdentity {
    const cached = this.#entries.get(userId);
    if (cached && cached.certificate === certificate && cached.until > now) return cached.signing;
    const signing = load();
    this.#entries.set(userId, { certificate, signing, until: now + CACHE_MS });
    this.#prune(now);
    return signing;
  }

  forget(userId: string): void {
    this.#entries.delete(userId);
  }

  #prune(now: number): void {
    for (const [userId, entry] of this.#entries) if (entry.until <= now) this.#entries.delete(userId);
  }
}
