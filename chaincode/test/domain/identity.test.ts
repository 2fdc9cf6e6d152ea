import { expect } from 'chai';
import { parseIdentityId } from '../../src/domain/identity';

describe('caller identity', () => {
  it('splits a Fabric client identity id into subject and issuer', () => {
    const id = 'x509::/C=XX/O=Government/OU=client/CN=user1::/C=XX/O=Government/CN=ca.government.carbon.example';
    expect(parseIdentityId('GovernmentMSP', id)).to.deep.equal({
      mspId: 'GovernmentMSP',
      subject: '/C=XX/O=Government/OU=client/CN=user1',
      issuer: '/C=XX/O=Government/CN=ca.government.carbon.example',
    });
  });

  it('rejects an id that is not an X.509 identity', () => {
    expect(() => parseIdentityId('GovernmentMSP', 'idemix::something')).to.throw(TypeError, /not an X.509/);
    expect(() => parseIdentityId('GovernmentMSP', 'x509::::')).to.throw(TypeError);
  });
});
