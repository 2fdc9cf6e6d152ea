// Real X.509 certificates for unit tests, issued by a per-organisation test CA with EC P-256
// keys, optionally carrying Fabric CA's attribute extension (carbon.companyId, carbon.role).
// @peculiar/x509 needs the Reflect metadata API loaded before it.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// The library types its provider with the DOM lib's Crypto, which this Node project does not load.
x509.cryptoProvider.set(webcrypto as never);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const FABRIC_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

interface TestCa {
  readonly name: string;
  readonly keys: webcrypto.CryptoKeyPair;
}

const authorities = new Map<string, Promise<TestCa>>();
let serial = 1;

function testCa(organisation: string): Promise<TestCa> {
  let ca = authorities.get(organisation);
  if (!ca) {
    ca = (async () => {
      const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
      return { name: `C=XX, O=${organisation}, CN=ca.${organisation.toLowerCase()}.carbon.example`, keys };
    })();
    authorities.set(organisation, ca);
  }
  return ca;
}

export interface CertificateRequest {
  /** The organisation whose CA issues it, e.g. "Government". */
  readonly organisation: string;
  /** Node OU: client, admin, peer or orderer. */
  readonly ou: string;
  readonly cn: string;
  readonly attributes?: Record<string, string> | undefined;
}

export async function issueCertificate(request: CertificateRequest): Promise<string> {
  const ca = await testCa(request.organisation);
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const extensions: x509.Extension[] = [];
  if (request.attributes) {
    const value = Buffer.from(JSON.stringify({ attrs: request.attributes }), 'utf8');
    extensions.push(new x509.Extension(FABRIC_ATTRIBUTES_OID, false, value));
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    issuer: ca.name,
    subject: `C=XX, O=${request.organisation}, OU=${request.ou}, CN=${request.cn}`,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2036-01-01T00:00:00Z'),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions,
  });
  return certificate.toString('pem');
}
