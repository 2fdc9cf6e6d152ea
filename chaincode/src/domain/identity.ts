// Who called: Fabric's client identity id is "x509::<subject DN>::<issuer DN>"; the registry
// records the subject and issuer separately so a person can be named in every ledger entry, and
// derives a stable user id from them (a re-enrolled certificate keeps the same person).
import { createHash } from 'node:crypto';
import { Certificate } from '@fidm/x509';

export interface CallerIdentity {
  readonly mspId: string;
  readonly subject: string;
  readonly issuer: string;
}

/** Fabric CA puts registered attributes (e.g. carbon.companyId) in this certificate extension. */
const FABRIC_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

export function parseIdentityId(mspId: string, id: string): CallerIdentity {
  const match = /^x509::(.+)::(.+)$/s.exec(id);
  if (!match?.[1] || !match[2]) {
    throw new TypeError(`not an X.509 client identity id: ${id}`);
  }
  return { mspId, subject: match[1], issuer: match[2] };
}

export function userIdOf(identity: CallerIdentity): string {
  return createHash('sha256').update(`${identity.mspId}\n${identity.subject}\n${identity.issuer}`).digest('hex');
}

export interface CertificateIdentity {
  readonly subject: string;
  readonly issuer: string;
  /**
   * The subject's OUs (Fabric's Node OUs among them), read from the certificate's fields: the
   * subject text cannot be trusted for this, since a CN such as "x/OU=admin" would look like an OU.
   */
  readonly organisationalUnits: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * Reads a PEM certificate the way Fabric's ClientIdentity does (same library, same DN format,
 * same escaping), so the identity registered from a certificate is the one that later calls.
 */
export function identityFromCertificate(pem: string): CertificateIdentity {
  const certificate = Certificate.fromPEM(Buffer.from(pem, 'utf8'));
  const formatDN = (dn: typeof certificate.subject): string =>
    dn.attributes.map((a) => `/${a.shortName}=${String(a.value).replace('/', '\\/')}`).join('');
  const extension = certificate.extensions.find((e) => e.oid === FABRIC_ATTRIBUTES_OID);
  let attributes: Record<string, string> = {};
  if (extension) {
    const parsed = JSON.parse(extension.value.toString()) as { attrs?: Record<string, string> };
    attributes = parsed.attrs ?? {};
  }
  const organisationalUnits = certificate.subject.attributes
    .filter((a) => a.shortName === 'OU')
    .map((a) => String(a.value));
  return {
    subject: formatDN(certificate.subject),
    issuer: formatDN(certificate.issuer),
    organisationalUnits,
    attributes,
  };
}
