// What the public may see of a replicated record. Records name their signers by certificate
// subject (stamps, state histories, document signatures, transaction creators), and a person's
// subject can hold their name or e-mail; the public API names a signer by organisation (MSP id,
// company id) and pseudonymous user id instead. Everything else of a public record is public.

type Json = unknown;

/** An actor or signature: an object naming an MSP with a certificate subject beside it. */
const isSigner = (value: Record<string, Json>): boolean => typeof value.mspId === 'string' && 'subject' in value;

/** A deep copy of `value` without the certificate subject of any signer in it. */
export function withoutSubjects<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: Json) => withoutSubjects(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, Json>;
  const signer = isSigner(object);
  const copy: Record<string, Json> = {};
  for (const [key, item] of Object.entries(object)) {
    if (signer && (key === 'subject' || key === 'issuer')) continue;
    copy[key] = withoutSubjects(item);
  }
  return copy as T;
}

/** The transaction's signer for the public: organisation and user id, never the subject. */
export function publicCreator(creator: { readonly userId: string } | null): { userId: string } | null {
  return creator === null ? null : { userId: creator.userId };
}
