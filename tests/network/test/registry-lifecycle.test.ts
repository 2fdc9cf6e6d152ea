// From bootstrap to an authorised programme on the real network, each step signed by a person of
// the right organisation enrolled with that organisation's Fabric CA; then the programme's
// key-level policy: an update endorsed without the certifier's peer is invalidated at commit.
import { expect } from 'chai';
import { chaincodeErrorOf } from '@carbon-registry/fabric-client';
import { peer } from '@hyperledger/fabric-protos';
import { enrolPerson } from '../src/network-control.ts';
import { certificateOf, contact, RegistryScenario, sampleProgramme, sha } from '../src/registry-setup.ts';
import {
  evaluateOnOwnPeer,
  openSession,
  openSessionAs,
  submitRequest,
  uniqueId,
  type OrgSession,
} from '../src/registry-client.ts';

interface Programme {
  state: string;
  documents: { type: string; version: number }[];
  authorisation?: { programmeId: number; serial: { prefix: string } };
  updated: { by: { subject: string; mspId: string } };
}

const run = uniqueId('run').replace(/^run-/, '');
const certifierId = `CERT-${run}`;
const developerId = `DEV-${run}`;
const externalId = `VCS-${run}`;

describe('registry lifecycle on the network: bootstrap to an authorised programme', function () {
  this.timeout(180_000);
  const sessions: OrgSession[] = [];
  const open = (session: OrgSession) => (sessions.push(session), session);
  let government: OrgSession;
  let certifierManager: OrgSession;
  let developerManager: OrgSession;
  let country = 'KE';

  before(async () => {
    government = open(openSession('GovernmentMSP', 'Admin'));
    // Bootstrapped here on a fresh network; on one the API suites bootstrapped, this Admin is admitted.
    const bootstrap = new RegistryScenario(run);
    try {
      await bootstrap.ensureBootstrapped();
      country = bootstrap.country;
    } finally {
      bootstrap.close();
    }
  });
  after(() => {
    for (const s of sessions) s.connection.close();
  });

  it('the government registers a certifier with its first Admin, enrolled at the certifier CA', async () => {
    const adminMsp = await enrolPerson('certifier', `cert-admin-${run}`, { 'carbon.companyId': certifierId, 'carbon.role': 'Admin' });
    await submitRequest(government, 'organisation:RegisterOrganisation', {
      organisation: { companyId: certifierId, name: 'Verifiers Ltd', companyRole: 'Certifier', hostMspId: 'CertifierMSP', country, contact: contact(certifierId) },
      firstAdmin: { certificate: certificateOf(adminMsp), name: 'Certifier Admin', email: 'admin@cert.example' },
    });
    const certifierAdmin = open(openSessionAs('CertifierMSP', adminMsp));
    const managerMsp = await enrolPerson('certifier', `cert-mgr-${run}`, { 'carbon.companyId': certifierId, 'carbon.role': 'Manager' });
    await submitRequest(certifierAdmin, 'user:RegisterUser', {
      certificate: certificateOf(managerMsp),
      mspId: 'CertifierMSP',
      companyId: certifierId,
      role: 'Manager',
      name: 'Certifier Manager',
      email: 'manager@cert.example',
    });
    certifierManager = open(openSessionAs('CertifierMSP', managerMsp));
    const me = JSON.parse(await evaluateOnOwnPeer(certifierManager, 'user:WhoAmI')) as { companyId: string; role: string };
    expect(me).to.include({ companyId: certifierId, role: 'Manager' });
  });

  it('a developer company applies, is Pending, and can act once the government approves it', async () => {
    const adminMsp = await enrolPerson('developer', `dev-admin-${run}`);
    const developerAdmin = open(openSessionAs('DeveloperMSP', adminMsp));
    const applied = await submitRequest<{ state: string }>(developerAdmin, 'organisation:ApplyForRegistration', {
      organisation: { companyId: developerId, name: 'Sunny Grids Ltd', companyRole: 'ProgrammeDeveloper', hostMspId: 'DeveloperMSP', country, contact: contact(developerId) },
      admin: { name: 'Developer Admin', email: 'admin@dev.example' },
    });
    expect(applied.state).to.equal('Pending');

    const managerMsp = await enrolPerson('developer', `dev-mgr-${run}`, { 'carbon.companyId': developerId, 'carbon.role': 'Manager' });
    const registerManager = () =>
      submitRequest(developerAdmin, 'user:RegisterUser', {
        certificate: certificateOf(managerMsp),
        mspId: 'DeveloperMSP',
        companyId: developerId,
        role: 'Manager',
        name: 'Developer Manager',
        email: 'manager@dev.example',
      });
    let refused: unknown;
    await registerManager().catch((err: unknown) => (refused = err));
    expect(chaincodeErrorOf(refused)?.code, 'a Pending organisation cannot act yet').to.equal('FORBIDDEN');

    const approved = await submitRequest<{ state: string }>(government, 'organisation:ApproveOrganisation', { companyId: developerId });
    expect(approved.state).to.equal('Active');
    await registerManager();
    developerManager = open(openSessionAs('DeveloperMSP', managerMsp));
  });

  it('the developer submits, the certifier validates, the government authorises', async () => {
    const submitted = await submitRequest<Programme>(
      developerManager,
      'programme:SubmitProgramme',
      sampleProgramme(externalId, country, [{ companyId: developerId, shareBps: 10000 }], certifierId, true),
    );
    expect(submitted.state).to.equal('Submitted');
    expect(submitted.updated.by.subject).to.match(new RegExp(`CN=dev-mgr-${run}`));

    const validated = await submitRequest<Programme>(certifierManager, 'programme:ValidateProgramme', {
      externalId,
      validationReport: { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf' },
    });
    expect(validated.state).to.equal('Validated');
    expect(validated.updated.by.subject).to.match(new RegExp(`CN=cert-mgr-${run}`));

    const authorised = await submitRequest<Programme>(government, 'programme:AuthoriseProgramme', {
      externalId,
      creditIdentifier: 'CA0004',
      firstTransferringParty: 'CH',
      article6Authorised: true,
    });
    expect(authorised.state).to.equal('Authorised');
    const id = authorised.authorisation?.programmeId ?? 0;
    expect(authorised.authorisation?.serial.prefix).to.equal(`CA0004-${country}-CH-${String(id)}`);
    expect(authorised.updated.by.mspId).to.equal('GovernmentMSP');

    const endorsers = JSON.parse(await evaluateOnOwnPeer(government, 'programme:GetProgrammeEndorsers', externalId)) as string[];
    expect(endorsers).to.have.members(['GovernmentMSP', 'CertifierMSP']);
  });

  async function addLetter(version: number, endorsingOrganizations: string[]): Promise<number> {
    const request = { externalId, type: 'AuthorisationLetter', document: { sha256: sha(10 + version), uri: 'https://docs.example.org/letter.pdf', version } };
    const proposal = government.contract.newProposal('programme:AddProgrammeDocument', {
      arguments: [JSON.stringify(request)],
      endorsingOrganizations,
    });
    const status = await (await (await proposal.endorse()).submit()).getStatus();
    return status.code;
  }

  it('refuses at commit an update of the authorised programme endorsed without the certifier peer', async () => {
    expect(await addLetter(1, ['GovernmentMSP'])).to.equal(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    // Government + Developer is a MAJORITY, enough for the chaincode policy but not for this record.
    expect(await addLetter(2, ['GovernmentMSP', 'DeveloperMSP'])).to.equal(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    const programme = JSON.parse(await evaluateOnOwnPeer(government, 'programme:GetProgramme', externalId)) as Programme;
    expect(programme.documents.filter((d) => d.type === 'AuthorisationLetter')).to.have.length(0);
  });

  it('commits the same update endorsed by the government and certifier peers', async () => {
    expect(await addLetter(3, ['GovernmentMSP', 'CertifierMSP'])).to.equal(peer.TxValidationCode.VALID);
    const programme = JSON.parse(await evaluateOnOwnPeer(government, 'programme:GetProgramme', externalId)) as Programme;
    expect(programme.documents.filter((d) => d.type === 'AuthorisationLetter').map((d) => d.version)).to.deep.equal([3]);
  });

  it("records every step's signer in the programme's ledger history", async () => {
    const history = JSON.parse(await evaluateOnOwnPeer(government, 'programme:GetProgrammeHistory', externalId)) as {
      txId: string;
      record?: Programme;
    }[];
    const signers = history.map((v) => v.record?.updated.by.mspId).reverse();
    expect(signers).to.deep.equal(['DeveloperMSP', 'CertifierMSP', 'GovernmentMSP', 'GovernmentMSP']);
    expect(new Set(history.map((v) => v.txId)).size).to.equal(history.length);
  });
});
