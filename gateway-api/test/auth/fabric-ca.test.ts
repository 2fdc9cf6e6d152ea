import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { expect } from 'chai';
import { authorisationToken, newKeyAndCsr } from '../../src/auth/fabric-ca.ts';
import { newEnrollmentId } from '../../src/auth/enrolment.ts';

// The order of the P-256 group: a low-S signature has s <= n/2.
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** r and s of a DER ECDSA signature. */
function derIntegers(der: Buffer): bigint[] {
  const values: bigint[] = [];
  let offset = 2;
  while (offset < der.length) {
    const length = der[offset + 1] ?? 0;
    values.push(BigInt(`0x${der.subarray(offset + 2, offset + 2 + length).toString('hex')}`));
    offset += 2 + length;
  }
  return values;
}

describe('Fabric CA client', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const registrar = { certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', key: privateKey };

  it('signs method, path, body and certificate into the token Fabric CA checks, with low S', async () => {
    const body = '{"id":"DEV-1-ab","type":"client"}';
    for (let i = 0; i < 20; i++) {
      const token = await authorisationToken(registrar, 'POST', '/api/v1/register', body);
      const [certificate = '', signature = ''] = token.split('.');
      expect(Buffer.from(certificate, 'base64').toString()).to.equal(registrar.certificate);
      const payload = `POST.${Buffer.from('/api/v1/register').toString('base64')}.${Buffer.from(body).toString('base64')}.${certificate}`;
      const der = Buffer.from(signature, 'base64');
      expect(verify('sha256', Buffer.from(payload), publicKey, der)).to.equal(true);
      const [, s = 0n] = derIntegers(der);
      expect(s <= P256_ORDER / 2n).to.equal(true);
      // The signature covers the body: any other body does not verify.
      const other = payload.replace(Buffer.from(body).toString('base64'), Buffer.from('{}').toString('base64'));
      expect(verify('sha256', Buffer.from(other), publicKey, der)).to.equal(false);
    }
  });

  it('makes a P-256 key and a request for the enrolment id, signed by that key', async () => {
    const { privateKeyPem, csrPem } = await newKeyAndCsr('DEV-1-0011223344556677', { C: 'KE', O: 'Developer' });
    const csr = new x509.Pkcs10CertificateRequest(csrPem);
    expect(csr.subject).to.equal('C=KE, O=Developer, CN=DEV-1-0011223344556677');
    expect(await csr.verify()).to.equal(true);
    const fromKey = createPublicKey(privateKeyPem).export({ format: 'der', type: 'spki' });
    expect(Buffer.from(csr.publicKey.rawData).equals(fromKey)).to.equal(true);
    expect(createPublicKey(privateKeyPem).asymmetricKeyDetails?.namedCurve).to.equal('prime256v1');
  });

  it('names each person with a fresh enrolment id under their company', () => {
    const a = newEnrollmentId('DEV-1');
    expect(a).to.match(/^DEV-1-[a-f0-9]{16}$/);
    expect(newEnrollmentId('DEV-1')).to.not.equal(a);
    expect(newEnrollmentId('x'.repeat(64)).length).to.be.at.most(64);
  });
});
