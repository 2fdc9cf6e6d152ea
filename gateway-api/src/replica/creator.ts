// Who signed a transaction, in the registry's own terms: the certificate subject as the chaincode
// records it, and the user id the chaincode derives from it (same functions, so they match the
// user records on the ledger).
import { identityFromCertificate, userIdOf } from '../../../chaincode/src/domain/identity.ts';

export interface Creator {
  readonly subject: string;
  readonly userId: string;
}

// Blocks are signed by few distinct people; parsing each certificate once is enough.
const MAX_CACHED = 1000;
const cache = new Map<string, Creator | null>();

function parse(mspId: string, certificate: string): Creator | null {
  try {
    const { subject, issuer } = identityFromCertificate(certificate);
    return { subject, userId: userIdOf({ mspId, subject, issuer }) };
  } catch {
    return null;
  }
}

/** The signer's subject and user id; null when there is no X.509 certificate to read. */
export function creatorOf(mspId: string | null, certificate: string | null): Creator | null {
  if (mspId === null || certificate === null) return null;
  const key = `${mspId}\n${certificate}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const creator = parse(mspId, certificate);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, creator);
  return creator;
}
