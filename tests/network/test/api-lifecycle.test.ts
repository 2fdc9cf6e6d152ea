// The registry's whole lifecycle through the gateway API, from onboarding organisations to
// retiring credits: every step is taken by a person of the right organisation, and the ledger
// shows that person's own certificate as the signer of its transaction.
import { expect } from 'chai';
import type { Committed } from '../src/api-client.ts';
import { ApiScenario, monitoringReport, type Organisation, type Person } from '../src/api-scenario.ts';
import { LedgerReader } from '../src/ledger-reader.ts';
import { sha } from '../src/registry-setup.ts';

interface Stamped {
  readonly state?: string;
  readonly updated?: { readonly by: { readonly subject: string; readonly companyId?: string } };
}

describe('API: the registry lifecycle, each step signed by its own person', function () {
  this.timeout(10 * 60_000);
  let s: ApiScenario;
  let ledger: LedgerReader;
  let government: Organisation;
  let govManager: Person;
  let certifier: Organisation;
  let certManager: Person;
  let developer: Organisation;
  let devManager: Person;
  let buyer: Organisation;
  let buyerManager: Person;
  let externalId: string;
  let programmeId: number;

  /** A write by `person` that must commit; its transaction's creator on the ledger must be that person. */
  async function step<T extends object = Stamped>(
    person: Person,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    created = false,
  ): Promise<Committed<T>> {
    const committed = await person.client.write<T>(method, path, body, created);
    const creator = await ledger.creatorOf(committed.transactionId);
    expect(creator, `signer of ${method} ${path}`).to.include({
      userId: person.user.userId,
      mspId: person.user.mspId,
      valid: true,
    });
    const updated = (committed.result as Stamped).updated;
    if (updated) {
      expect(updated.by.subject).to.equal(creator.subject);
      expect(updated.by.companyId).to.equal(person.user.companyId);
    }
    return committed;
  }

  const reason = 'documented in the registry file';

  before(async () => {
    s = await ApiScenario.open();
    ledger = new LedgerReader();
    government = s.government;
    externalId = `API-LIFE-${s.run}`;
  });

  after(() => {
    ledger.close();
  });

  it('onboards organisations: the government registers a certifier, approves or rejects developers', async () => {
    govManager = await s.person(government, 'Manager');
    certifier = await s.registered('Certifier', s.companyId('CERT'));
    certManager = await s.person(certifier, 'Manager');
    expect(certManager.user).to.include({ companyId: certifier.companyId, role: 'Manager', mspId: 'CertifierMSP' });

    developer = await s.applicant(s.companyId('DEV'));
    const approved = await step(government.admin, 'POST', `/organisations/${developer.companyId}/approval`, {});
    expect(approved.result.state).to.equal('Active');
    devManager = await s.person(developer, 'Manager');

    buyer = await s.developer(s.companyId('BUY'));
    buyerManager = await s.person(buyer, 'Manager');

    const refused = await s.applicant(s.companyId('REJ'));
    const rejected = await step(government.admin, 'POST', `/organisations/${refused.companyId}/rejection`, { reason });
    expect(rejected.result.state).to.equal('Rejected');

    const contact = { email: `office@${developer.companyId.toLowerCase()}.example`, address: '2 Market Street' };
    const updated = await step<{ contact: unknown }>(
      developer.admin,
      'PUT',
      `/organisations/${developer.companyId}/contact`,
      contact,
    );
    expect(updated.result.contact).to.deep.equal(contact);
  });

  it('takes a programme from submission through validation to authorisation', async () => {
    const submitted = await step(devManager, 'POST', '/programmes', programmeOf(externalId), true);
    expect(submitted.result.state).to.equal('Submitted');
    await step(
      certManager,
      'POST',
      `/programmes/${externalId}/documents`,
      { type: 'VerificationAgreement', document: { sha256: sha(7), uri: 'https://docs.example.org/va.pdf' } },
      true,
    );
    const validated = await step(certManager, 'POST', `/programmes/${externalId}/validation`, {
      validationReport: { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf' },
    });
    expect(validated.result.state).to.equal('Validated');
    const authorised = await step<Stamped & { authorisation: { programmeId: number } }>(
      govManager,
      'POST',
      `/programmes/${externalId}/authorisation`,
      { creditIdentifier: 'CA0004' },
    );
    expect(authorised.result.state).to.equal('Authorised');
    programmeId = authorised.result.authorisation.programmeId;
    expect(programmeId).to.be.a('number').greaterThan(0);

    const other = `${externalId}-B`;
    await step(devManager, 'POST', '/programmes', programmeOf(other), true);
    const rejected = await step(certManager, 'POST', `/programmes/${other}/rejection`, { reason });
    expect(rejected.result.state).to.equal('Rejected');
  });

  it('reports monitoring (an MRV system with a programme key), verifies, rejects and issues', async () => {
    const key = await developer.admin.client.expect<{ apiKey: string; programmeId: string }>(201, 'POST', '/api-keys', {
      label: 'MRV feed',
      programmeId: externalId,
    });
    expect(key.programmeId).to.equal(externalId);
    // The key acts as the Admin who created it, so the ledger names that Admin.
    const mrv = { ...developer.admin, client: s.anonymous.as({ apiKey: key.apiKey }) };
    const first = await step<Stamped & { round: number }>(
      mrv,
      'POST',
      `/programmes/${externalId}/monitoring-rounds`,
      monitoringReport(1200),
      true,
    );
    const rejected = await step(
      certManager,
      'POST',
      `/programmes/${externalId}/monitoring-rounds/${String(first.result.round)}/rejection`,
      { reason: 'baseline emissions not evidenced' },
    );
    expect(rejected.result.state).to.equal('Rejected');

    const second = await step<{ round: number }>(
      devManager,
      'POST',
      `/programmes/${externalId}/monitoring-rounds`,
      monitoringReport(1000),
      true,
    );
    const round = second.result.round;
    const verified = await step(
      certManager,
      'POST',
      `/programmes/${externalId}/monitoring-rounds/${String(round)}/verification`,
      { verifiedReductions: 1000, verificationReport: { sha256: sha(4), uri: 'https://docs.example.org/ver.pdf' } },
    );
    expect(verified.result.state).to.equal('Verified');

    const issued = await step<{ quantity: number; blocks: { holder: string; quantity: number; state: string }[] }>(
      govManager,
      'POST',
      `/programmes/${externalId}/issuances`,
      { round, quantity: 1000 },
      true,
    );
    expect(issued.result.blocks.map((b) => [b.holder, b.quantity, b.state])).to.deep.equal([
      [developer.companyId, 1000, 'Active'],
    ]);
  });

  it('sends credits, and requests them: approved, rejected, cancelled', async () => {
    const sent = await step<{ quantity: number; to: string }>(
      devManager,
      'POST',
      '/transfers',
      { to: buyer.companyId, quantity: 100 },
      true,
    );
    expect(sent.result).to.include({ quantity: 100, to: buyer.companyId });

    const ask = async (quantity: number): Promise<string> =>
      (
        await step<{ requestId: string; state: string }>(
          buyerManager,
          'POST',
          '/transfer-requests',
          { from: developer.companyId, quantity, note: 'offtake agreement' },
          true,
        )
      ).result.requestId;
    const approvedId = await ask(50);
    expect((await step(devManager, 'POST', `/transfer-requests/${approvedId}/approval`, {})).result.state).to.equal(
      'Approved',
    );
    const rejectedId = await ask(30);
    const rejected = await step(devManager, 'POST', `/transfer-requests/${rejectedId}/rejection`, { reason });
    expect(rejected.result.state).to.equal('Rejected');
    const cancelledId = await ask(20);
    const cancelled = await step(buyerManager, 'POST', `/transfer-requests/${cancelledId}/cancellation`, {});
    expect(cancelled.result.state).to.equal('Cancelled');

    const listed = await buyerManager.client.get<{ items: { requestId: string; state: string }[] }>(
      `/transfer-requests?companyId=${buyer.companyId}`,
    );
    expect(listed.items.map((r) => [r.requestId, r.state])).to.have.deep.members([
      [approvedId, 'Approved'],
      [rejectedId, 'Rejected'],
      [cancelledId, 'Cancelled'],
    ]);
    const one = await devManager.client.get<{ from: string }>(`/transfer-requests/${approvedId}`);
    expect(one.from).to.equal(developer.companyId);
  });

  it('retires credits at home, and for use abroad once the government approves', async () => {
    const retire = (person: Person, quantity: number, abroad: boolean) =>
      step<{ retirementId: string; state: string }>(
        person,
        'POST',
        '/retirements',
        {
          quantity,
          beneficiary: 'Acme Airlines',
          category: abroad ? 'OtherInternationalMitigationPurposes' : 'VoluntaryCancellation',
          ...(abroad ? { useAbroad: { country: 'FR' } } : {}),
        },
        true,
      );
    expect((await retire(buyerManager, 20, false)).result.state).to.equal('Retired');
    const abroad = await retire(devManager, 10, true);
    expect(abroad.result.state).to.equal('Pending');
    const approved = await step(govManager, 'POST', `/retirements/${abroad.result.retirementId}/approval`, {});
    expect(approved.result.state).to.equal('Retired');
    const refused = await retire(devManager, 5, true);
    const rejected = await step(govManager, 'POST', `/retirements/${refused.result.retirementId}/rejection`, {
      reason: 'no corresponding adjustment',
    });
    expect(rejected.result.state).to.equal('Rejected');
  });

  it('freezes and unfreezes a block and holdings, suspends a holder, and cancels credits', async () => {
    const blocks = await ledger.record<{ records: { serial: string }[] }>(
      'credit:ListBlocks',
      JSON.stringify({ holder: developer.companyId, state: 'Active' }),
    );
    const serial = blocks?.records[0]?.serial ?? '';
    expect((await step(govManager, 'POST', `/credit-blocks/${serial}/freeze`, { reason })).result.state).to.equal(
      'Frozen',
    );
    expect((await step(govManager, 'POST', `/credit-blocks/${serial}/unfreeze`, { reason })).result.state).to.equal(
      'Active',
    );

    const frozen = await step<{ units: number }>(
      govManager,
      'POST',
      `/organisations/${buyer.companyId}/holdings/freeze`,
      { reason },
    );
    expect(frozen.result.units).to.equal(130);
    const thawed = await step<{ units: number }>(
      govManager,
      'POST',
      `/organisations/${buyer.companyId}/holdings/unfreeze`,
      { reason },
    );
    expect(thawed.result.units).to.equal(130);

    expect(
      (await step(government.admin, 'POST', `/organisations/${buyer.companyId}/suspension`, { reason })).result.state,
    ).to.equal('Suspended');
    expect(
      (await step(government.admin, 'POST', `/organisations/${buyer.companyId}/reactivation`, { reason })).result.state,
    ).to.equal('Active');

    const cancelled = await step<{ quantity: number; reason: string; created: { by: { subject: string } } }>(
      govManager,
      'POST',
      '/cancellations',
      { holder: developer.companyId, quantity: 5, reason: 'Buffer', note: 'buffer pool contribution' },
      true,
    );
    expect(cancelled.result).to.include({ quantity: 5, reason: 'Buffer' });
  });

  it('reconciles: every issued unit is in exactly one block', async () => {
    const report = await certManager.client.get<{
      discrepancies: number;
      programmes: { issued: number; unitsByState: Record<string, number> }[];
    }>(`/credit-blocks/reconciliation?programmeId=${String(programmeId)}`);
    expect(report.discrepancies).to.equal(0);
    const [programme] = report.programmes;
    expect(programme?.issued).to.equal(1000);
    expect(programme?.unitsByState).to.include({ Retired: 30, Cancelled: 5, Active: 965 });
  });

  it('suspends, reinstates and closes the programme', async () => {
    for (const [segment, state] of [
      ['suspension', 'Suspended'],
      ['reinstatement', 'Authorised'],
      ['closure', 'Closed'],
    ] as const) {
      const changed = await step(govManager, 'POST', `/programmes/${externalId}/${segment}`, { reason });
      expect(changed.result.state).to.equal(state);
    }
    const mine = await devManager.client.get<{ items: { externalId: string; state: string }[] }>(
      '/my/programmes?limit=200',
    );
    expect(mine.items.find((p) => p.externalId === externalId)?.state).to.equal('Closed');
  });

  const programmeOf = (id: string) => s.programmeInput(id, developer.companyId, certifier.companyId);
});
