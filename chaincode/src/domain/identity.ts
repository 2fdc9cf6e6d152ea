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

/** The common name of a DN such as "/C=XX/O=Government/OU=client/CN=user1". */
export function commonName(dn: string): string | undefined {
  return /(?:^|[/,])\s*CN=([^/,]+)/.exec(dn)?.[1];
}

/** The organisational units of a DN: Fabric's Node OUs (admin, client, peer, orderer) are among them. */
export function organisationalUnits(dn: string): string[] {
  return [...dn.matchAll(/(?:^|\/)OU=([^/]+)/g)].map((m) => m[1] ?? '');
}

export function userIdOf(identity: CallerIdentity): string {
  return createHash('sha256').update(`${identity.mspId}\n${identity.subject}\n${identity.issuer}`).digest('hex');
}

export interface CertificateIdentity {
  readonly subject: string;
  readonly issuer: string;
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
  return { subject: formatDN(certificate.subject), issuer: formatDN(certificate.issuer), attributes };
}
