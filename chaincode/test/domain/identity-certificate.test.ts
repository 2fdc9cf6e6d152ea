// Identities read from real certificates agree with fabric-shim's ClientIdentity; OUs and user ids of a DN.
import { expect } from 'chai';
import { ClientIdentity } from 'fabric-shim';
import { identityFromCertificate, parseIdentityId, userIdOf, type CallerIdentity } from '../../src/domain/identity';
import { issueCertificate, type CertificateRequest } from '../support/certificates';

/** What the chaincode itself would see for a caller presenting this certificate. */
function clientIdentity(mspId: string, pem: string): ClientIdentity {
  const stub = {
    getChannelID: () => 'carbon-registry',
    getTxID: () => 'tx-identity',
    getCreator: () => ({ mspid: mspId, idBytes: Buffer.from(pem, 'utf8') }),
  };
  return new ClientIdentity(stub as never);
}

const ATTRIBUTES = { 'carbon.companyId': 'DEV', 'carbon.role': 'Manager' };

const REQUESTS: { title: string; mspId: string; request: CertificateRequest }[] = [
  {
    title: 'a client certificate without attributes',
    mspId: 'GovernmentMSP',
    request: { organisation: 'Government', ou: 'client', cn: 'amina' },
  },
  {
    title: 'a client certificate with Fabric CA attributes',
    mspId: 'DeveloperMSP',
    request: { organisation: 'Developer', ou: 'client', cn: 'wanjiru', attributes: ATTRIBUTES },
  },
  {
    title: 'an admin certificate',
    mspId: 'CertifierMSP',
    request: { organisation: 'Certifier', ou: 'admin', cn: 'Admin@certifier.carbon.example' },
  },
  // Fabric escapes only the first '/' of a value; the registry must reproduce that quirk exactly.
  {
    title: 'a certificate whose common name holds one /',
    mspId: 'DeveloperMSP',
    request: { organisation: 'Developer', ou: 'client', cn: 'field/officer' },
  },
  {
    title: 'a certificate whose common name holds two /',
    mspId: 'DeveloperMSP',
    request: { organisation: 'Developer', ou: 'client', cn: 'a/b/c' },
  },
];

describe('identityFromCertificate', () => {
  for (const { title, mspId, request } of REQUESTS) {
    it(`reads ${title} as fabric-shim does`, async () => {
      const pem = await issueCertificate(request);
      const fabric = clientIdentity(mspId, pem);
      const identity = identityFromCertificate(pem);
      expect(`x509::${identity.subject}::${identity.issuer}`).to.equal(fabric.getID());
      expect(parseIdentityId(mspId, fabric.getID())).to.deep.equal({
        mspId,
        subject: identity.subject,
        issuer: identity.issuer,
      });
      const names = Object.keys(request.attributes ?? {});
      expect(Object.keys(identity.attributes)).to.have.members(names);
      for (const name of [...names, 'carbon.companyId', 'carbon.role', 'hf.EnrollmentID']) {
        expect(identity.attributes[name] ?? null, name).to.equal(fabric.getAttributeValue(name));
      }
    });
  }

  it('escapes the first / of a value only, like Fabric', async () => {
    const pem = await issueCertificate({ organisation: 'Developer', ou: 'client', cn: 'a/b/c' });
    expect(identityFromCertificate(pem).subject).to.equal('/C=XX/O=Developer/OU=client/CN=a\\/b/c');
  });

  it('returns the attributes Fabric CA put in the certificate', async () => {
    const pem = await issueCertificate({ organisation: 'Developer', ou: 'client', cn: 'kip', attributes: ATTRIBUTES });
    expect(identityFromCertificate(pem).attributes).to.deep.equal(ATTRIBUTES);
  });

  it('refuses text that is not a PEM certificate', () => {
    expect(() => identityFromCertificate('not a certificate')).to.throw(Error);
  });
});

describe('organisational units of a certificate', () => {
  it('are read from the subject fields: the Node OU of each kind of identity', async () => {
    for (const ou of ['client', 'admin', 'peer']) {
      const pem = await issueCertificate({ organisation: 'Government', ou, cn: `${ou}1` });
      expect(identityFromCertificate(pem).organisationalUnits).to.deep.equal([ou]);
    }
  });

  it('are not fooled by a common name that spells an OU', async () => {
    // Fabric escapes only the first "/" of a value, so the subject text would show "OU=admin".
    const pem = await issueCertificate({ organisation: 'Government', ou: 'client', cn: 'mallory/OU=admin' });
    const identity = identityFromCertificate(pem);
    expect(identity.subject).to.include('OU=admin');
    expect(identity.organisationalUnits).to.deep.equal(['client']);
  });
});

describe('userIdOf', () => {
  const identity: CallerIdentity = {
    mspId: 'GovernmentMSP',
    subject: '/C=XX/O=Government/OU=client/CN=user1',
    issuer: '/C=XX/O=Government/CN=ca.government.carbon.example',
  };

  it('is 64 lower-case hex characters and the same every time', () => {
    expect(userIdOf(identity)).to.match(/^[a-f0-9]{64}$/);
    expect(userIdOf({ ...identity })).to.equal(userIdOf(identity));
  });

  it('differs by MSP id, subject and issuer', () => {
    const ids = new Set([
      userIdOf(identity),
      userIdOf({ ...identity, mspId: 'PartnerMSP' }),
      userIdOf({ ...identity, subject: '/C=XX/O=Government/OU=client/CN=user2' }),
      userIdOf({ ...identity, issuer: '/C=XX/O=Government/CN=ca2.government.carbon.example' }),
    ]);
    expect(ids.size).to.equal(4);
  });

  it('keeps the same person across a re-enrolled certificate with a new key', async () => {
    const request = { organisation: 'Government', ou: 'client', cn: 'reenrolled' };
    const [first, second] = [await issueCertificate(request), await issueCertificate(request)];
    expect(first).to.not.equal(second);
    const idOf = (pem: string) => userIdOf({ mspId: 'GovernmentMSP', ...identityFromCertificate(pem) });
    expect(idOf(first)).to.equal(idOf(second));
  });
});
