// Refresh tokens and API keys are opaque strings "<kind>_<id>_<secret>": the id finds the stored
// record, and only the SHA-256 of the secret is stored, so a copy of the accounts database does
// not give anyone a usable credential.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface OpaqueToken {
  /** The whole credential, shown to its holder once. */
  readonly token: string;
  readonly id: string;
  readonly secretHash: string;
}

const ID = /^[A-Za-z0-9]{16}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function newOpaqueToken(kind: string): OpaqueToken {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `${kind}_${id}_${secret}`, id, secretHash: hashSecret(secret) };
}

/** The id and secret of a credential of this kind, or undefined when it is not one. */
export function parseOpaqueToken(kind: string, token: string): { id: string; secret: string } | undefined {
  if (!token.startsWith(`${kind}_`)) return undefined;
  const rest = token.slice(kind.length + 1);
  const id = rest.slice(0, 16);
  const secret = rest.slice(17);
  if (rest[16] !== '_' || !ID.test(id) || !SECRET.test(secret)) return undefined;
  return { id, secret };
}

/** Compares in constant time, so the answer does not leak how much of the secret was right. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
