// Credits on the real network: monitoring → verification → issuance (only with the government's
// AND a certifier's peers endorsing) → partial transfer → re-transfer → retirement, each signed by
// a person of the right organisation; concurrent transfers by different holders both commit; the
// reconciliation finds nothing created or lost.
import { expect } from 'chai';
import { peer } from '@hyperledger/fabric-protos';
import { RegistryScenario, verifiedRound } from '../src/registry-setup.ts';
import { evaluateOnOwnPeer, submitRequest, uniqueId, type OrgSession } from '../src/registry-client.ts';

interface Block {
  serial: string;
  holder: string;
  state: string;
  lineage: { action: string; holder: string; by: { mspId: string; subject: string } }[];
}

const run = uniqueId('c').replace(/^c-/, '').replace(/[^A-Za-z0-9]/g, '').slice(-10).toUpperCase();
const externalId = `VCS-CR-${run}`;

describe('credits on the network: issue, transfer, re-transfer, retire', function () {
  this.timeout(240_000);
  // Made in before(): the network is started by the root hook, after the suites are defined.
  let scenario: RegistryScenario;
  let certifier: OrgSession;
  let sender: OrgSession;
  let receiver: OrgSession;
  let governmentId: string;
  let programmeId: number;
  let prefix: string;
  const senderId = `DEVA-${run}`;
  const receiverId = `DEVB-${run}`;
  const certifierId = `CERT-${run}`;

  const blocksOf = async (holder: string, state = 'Active') =>
    (JSON.parse(await evaluateOnOwnPeer(scenario.government, 'credit:ListBlocks', JSON.stringify({ holder, state }))) as { records: (Block & { programmeId: number })[] }).records
      .filter((b) => b.programmeId === programmeId)
      .map((b) => b.serial);

  before(async () => {
    scenario = new RegistryScenario(run);
    await scenario.ensureBootstrapped();
    governmentId = await scenario.governmentCompanyId();
    certifier = await scenario.certifier(certifierId);
    sender = await scenario.developer(senderId);
    receiver = await scenario.developer(receiverId);
    programmeId = await scenario.authorisedProgramme(externalId, sender, senderId, certifier, certifierId);
    prefix = `CA0004-${scenario.country}-XX-${String(programmeId)}`;
    await verifiedRound(sender, certifier, externalId, 5000);
  });
  after(() => {
    scenario.close();
  });

  it('refuses at commit an issuance endorsed without the certifier peer, and issues nothing', async () => {
    const request = JSON.stringify({ externalId, round: 1, quantity: 3000 });
    for (const orgs of [['GovernmentMSP'], ['GovernmentMSP', 'DeveloperMSP']]) {
      const proposal = scenario.government.contract.newProposal('issuance:IssueCredits', { arguments: [request], endorsingOrganizations: orgs });
      const status = await (await (await proposal.endorse()).submit()).getStatus();
      expect(status.code, orgs.join('+')).to.equal(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    }
    const programme = JSON.parse(await evaluateOnOwnPeer(scenario.government, 'programme:GetProgramme', externalId)) as { credits?: unknown };
    expect(programme.credits).to.equal(undefined);
    expect(await blocksOf(senderId)).to.deep.equal([]);
  });

  it('issues the verified credits as one block to the proponent', async () => {
    const issued = await submitRequest<{ blocks: Block[] }>(scenario.government, 'issuance:IssueCredits', { externalId, round: 1, quantity: 3000 });
    expect(issued.blocks.map((b) => b.serial)).to.deep.equal([`${prefix}-1-3000-2024`]);
  });

  it('transfers part of a block (the sender keeps the low range) and the receiver moves it on', async () => {
    await submitRequest(sender, 'transfer:SendCredits', { to: receiverId, quantity: 1000, select: { serial: `${prefix}-1-3000-2024` } });
    expect(await blocksOf(senderId)).to.deep.equal([`${prefix}-1-2000-2024`]);
    expect(await blocksOf(receiverId)).to.deep.equal([`${prefix}-2001-3000-2024`]);
    await submitRequest(receiver, 'transfer:SendCredits', { to: governmentId, quantity: 500, select: { programmeId } });
    expect(await blocksOf(receiverId)).to.deep.equal([`${prefix}-2001-2500-2024`]);
    expect(await blocksOf(governmentId)).to.deep.equal([`${prefix}-2501-3000-2024`]);
  });

  it('retires credits, and any unit shows its provenance with each signer', async () => {
    await submitRequest(scenario.government, 'retirement:RetireCredits', {
      quantity: 200,
      select: { programmeId },
      beneficiary: 'Republic of Kenya',
      category: 'NationallyDeterminedContribution',
    });
    const unit = JSON.parse(
      await evaluateOnOwnPeer(scenario.government, 'credit:FindUnit', JSON.stringify({ programmeId, unit: 2900 })),
    ) as Block;
    expect(unit).to.include({ serial: `${prefix}-2801-3000-2024`, state: 'Retired', holder: governmentId });
    expect(unit.lineage.map((e) => e.action)).to.deep.equal(['issue', 'split', 'transfer', 'split', 'transfer', 'split', 'retire']);
    expect(unit.lineage.map((e) => e.by.mspId)).to.deep.equal([
      'GovernmentMSP',
      'DeveloperMSP',
      'DeveloperMSP',
      'DeveloperMSP',
      'DeveloperMSP',
      'GovernmentMSP',
      'GovernmentMSP',
    ]);
  });

  it('commits two concurrent transfers of different blocks by different holders', async () => {
    const [a, b] = await Promise.all([
      submitRequest(sender, 'transfer:SendCredits', { to: governmentId, quantity: 100, select: { programmeId } }),
      submitRequest(receiver, 'transfer:SendCredits', { to: governmentId, quantity: 100, select: { programmeId } }),
    ]);
    expect(a).to.be.an('object');
    expect(b).to.be.an('object');
    expect(await blocksOf(senderId)).to.deep.equal([`${prefix}-1-1900-2024`]);
    expect(await blocksOf(receiverId)).to.deep.equal([`${prefix}-2001-2400-2024`]);
  });

  it('reconciles the programme with zero discrepancies', async () => {
    const report = JSON.parse(
      await evaluateOnOwnPeer(scenario.government, 'credit:Reconcile', JSON.stringify({ programmeId })),
    ) as { discrepancies: number; programmes: { issued: number; unitsByState: Record<string, number> }[] };
    expect(report.discrepancies).to.equal(0);
    expect(report.programmes[0]?.issued).to.equal(3000);
    expect(report.programmes[0]?.unitsByState).to.include({ Active: 2800, Retired: 200 });
  });
});
