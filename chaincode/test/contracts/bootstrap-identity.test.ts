// Only a GovernmentMSP identity whose certificate carries the admin Node OU may bootstrap the
// registry: a client whose common name spells "OU=admin" must not pass for one.
import { expect } from 'chai';
import { FakeLedger } from '../support/fake-ledger';
import { organisationInput, person } from '../support/inputs';
import { rejection } from '../support/rejection';
import { issueCertificate } from '../support/certificates';
import { contracts } from '../support/registry-fixture';

const request = JSON.stringify({
  organisation: organisationInput('GOV', 'Government', 'GovernmentMSP'),
  admin: person('Amina Root'),
});

describe('who may bootstrap the registry', () => {
  it('refuses a client certificate whose common name contains "/OU=admin"', async () => {
    const certificate = await issueCertificate({ organisation: 'Government', ou: 'client', cn: 'mallory/OU=admin' });
    const ledger = new FakeLedger();
    const body = await rejection(
      ledger.invoke({ mspId: 'GovernmentMSP', certificate }, (ctx) =>
        contracts.organisation.BootstrapGovernment(ctx, request),
      ),
    );
    expect(body.code).to.equal('FORBIDDEN');
    expect(ledger.state.size).to.equal(0);
  });

  it('accepts a GovernmentMSP identity with the admin Node OU', async () => {
    const certificate = await issueCertificate({ organisation: 'Government', ou: 'admin', cn: 'registry-admin' });
    const ledger = new FakeLedger();
    await ledger.invoke({ mspId: 'GovernmentMSP', certificate }, (ctx) =>
      contracts.organisation.BootstrapGovernment(ctx, request),
    );
    expect(ledger.events.map((e) => e.name)).to.deep.equal(['RegistryBootstrapped']);
  });
});
