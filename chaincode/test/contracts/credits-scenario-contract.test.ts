// Credits end to end on the fake ledger: monitoring → verification → issuance as serial-numbered
// blocks, partial transfer (the holder keeps the low range), re-transfer, retirement, requests
// that lock units, freezes through suspension, unit lookup with provenance, and reconciliation.
import { expect } from 'chai';
import type { Context } from 'fabric-contract-api';
import { IssuanceContract } from '../../src/contracts/issuance-contract';
import { MonitoringContract } from '../../src/contracts/monitoring-contract';
import { TransferContract } from '../../src/contracts/transfer-contract';
import { RetirementContract } from '../../src/contracts/retirement-contract';
import { CreditContract } from '../../src/contracts/credit-contract';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { FakeCaller, FakeLedger } from '../support/fake-ledger';
import { programmeInput, sha } from '../support/inputs';
import { rejection } from '../support/rejection';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';

const monitoring = new MonitoringContract();
const issuance = new IssuanceContract();
const transfer = new TransferContract();
const retirement = new RetirementContract();
const credit = new CreditContract();
const json = JSON.stringify;
const doc = (n: number) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf` });

describe('credits: issuance, transfer, retirement, provenance, reconciliation', () => {
  let fixture: RegistryFixture;
  let ledger: FakeLedger;
  let dev: FakeCaller;
  let devActive: FakeCaller;
  let cert: FakeCaller;
  let gov: FakeCaller;
  const run = <T>(caller: FakeCaller, call: (ctx: Context) => Promise<string>) =>
    ledger.invoke(caller, async (ctx) => JSON.parse(await call(ctx)) as T);

  async function verifiedRound(
    externalId: string,
    periodStart: string,
    periodEnd: string,
    claimed: number,
    verified: number,
  ) {
    const round = await run<{ round: number }>(dev, (ctx) =>
      monitoring.SubmitMonitoringReport(
        ctx,
        json({ externalId, periodStart, periodEnd, claimedReductions: claimed, report: doc(10) }),
      ),
    );
    await run(cert, (ctx) =>
      monitoring.VerifyMonitoringReport(
        ctx,
        json({ externalId, round: round.round, verifiedReductions: verified, verificationReport: doc(11) }),
      ),
    );
    return round.round;
  }

  const issue = (externalId: string, round: number, quantity: number) =>
    run<{ blocks: CreditBlock[] }>(gov, (ctx) => issuance.IssueCredits(ctx, json({ externalId, round, quantity })));
  // Holders also hold the fixture's credits of programme 1; the scenario looks at programme 3.
  const only = { programmeId: 3 };
  const serialsOf = async (holder: string, state = 'Active') =>
    (await run<{ records: CreditBlock[] }>(gov, (ctx) => credit.ListBlocks(ctx, json({ holder, state })))).records
      .filter((b) => b.programmeId === only.programmeId)
      .map((b) => b.serial);

  before(async () => {
    fixture = await registryFixture();
    ledger = fixture.ledger.clone();
    dev = company(fixture, 'DEV').users.Manager;
    cert = company(fixture, 'CERT').users.Manager;
    gov = fixture.bootstrapAdmin;
    // DEV-ACTIVE's Admin applied for it; find them through the user index.
    const users = await run<{ records: { userId: string; role: string }[] }>(gov, (ctx) =>
      contracts.user.ListUsers(ctx, json({ companyId: 'DEV-ACTIVE' })),
    );
    expect(users.records).to.have.length(1);
    devActive = fixture.applicants['DEV-ACTIVE'] ?? dev;
    const externalId = 'P-SCENARIO';
    await run(dev, (ctx) => contracts.programme.SubmitProgramme(ctx, json(programmeInput(externalId))));
    await run(cert, (ctx) =>
      contracts.programme.ValidateProgramme(ctx, json({ externalId, validationReport: doc(2) })),
    );
    const authorised = await run<{ authorisation: { programmeId: number } }>(gov, (ctx) =>
      contracts.programme.AuthoriseProgramme(ctx, json({ externalId, creditIdentifier: 'CA0004' })),
    );
    expect(authorised.authorisation.programmeId).to.equal(3);
  });

  it('issues verified reductions as one block continuing the programme numbering', async () => {
    const round1 = await verifiedRound('P-SCENARIO', '2024-01-01', '2024-06-30', 4000, 3000);
    const first = await issue('P-SCENARIO', round1, 3000);
    expect(first.blocks.map((b) => b.serial)).to.deep.equal(['CA0004-KE-XX-3-1-3000-2024']);
    const over = await rejection(
      run(gov, (ctx) => issuance.IssueCredits(ctx, json({ externalId: 'P-SCENARIO', round: round1, quantity: 1 }))),
    );
    expect(over.code).to.equal('EXCEEDS_VERIFIED');

    const round2 = await verifiedRound('P-SCENARIO', '2024-07-01', '2025-03-31', 2000, 2000);
    const second = await issue('P-SCENARIO', round2, 2000);
    expect(second.blocks.map((b) => b.serial)).to.deep.equal(['CA0004-KE-XX-3-3001-5000-2025']);
  });

  it('sends part of a block: the sender keeps the low range, the receiver gets the high range', async () => {
    await run(dev, (ctx) =>
      transfer.SendCredits(
        ctx,
        json({ to: 'DEV-ACTIVE', quantity: 1000, select: { serial: 'CA0004-KE-XX-3-1-3000-2024' } }),
      ),
    );
    expect(await serialsOf('DEV')).to.deep.equal(['CA0004-KE-XX-3-1-2000-2024', 'CA0004-KE-XX-3-3001-5000-2025']);
    expect(await serialsOf('DEV-ACTIVE')).to.deep.equal(['CA0004-KE-XX-3-2001-3000-2024']);
  });

  it('lets received credits move again, and retires them for good', async () => {
    await run(devActive, (ctx) => transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 500, select: only })));
    expect(await serialsOf('GOV')).to.deep.equal(['CA0004-KE-XX-3-2501-3000-2024']);
    await run(gov, (ctx) =>
      retirement.RetireCredits(
        ctx,
        json({
          quantity: 200,
          select: only,
          beneficiary: 'Nation of Kenya',
          category: 'NationallyDeterminedContribution',
        }),
      ),
    );
    expect(await serialsOf('GOV', 'Retired')).to.deep.equal(['CA0004-KE-XX-3-2801-3000-2024']);
    const again = await rejection(
      run(gov, (ctx) =>
        transfer.SendCredits(
          ctx,
          json({ to: 'DEV', quantity: 1, select: { serial: 'CA0004-KE-XX-3-2801-3000-2024' } }),
        ),
      ),
    );
    expect(again.code).to.equal('ALREADY_RETIRED');
  });

  it('finds any unit, with its provenance back to issuance', async () => {
    const block = await run<CreditBlock>(gov, (ctx) => credit.FindUnit(ctx, json({ programmeId: 3, unit: 2900 })));
    expect(block).to.include({ serial: 'CA0004-KE-XX-3-2801-3000-2024', state: 'Retired', holder: 'GOV' });
    expect(block.lineage.map((e) => e.action)).to.deep.equal([
      'issue',
      'split',
      'transfer',
      'split',
      'transfer',
      'split',
      'retire',
    ]);
    expect(block.lineage.map((e) => e.holder)).to.deep.equal([
      'DEV',
      'DEV',
      'DEV-ACTIVE',
      'DEV-ACTIVE',
      'GOV',
      'GOV',
      'GOV',
    ]);
    const missing = await rejection(run(gov, (ctx) => credit.FindUnit(ctx, json({ programmeId: 3, unit: 5001 }))));
    expect(missing.code).to.equal('NOT_FOUND');
  });

  it('locks requested units until the holder approves', async () => {
    const request = await run<{ requestId: string; lockedSerials: string[] }>(gov, (ctx) =>
      transfer.RequestCredits(ctx, json({ from: 'DEV', quantity: 100, select: only })),
    );
    expect(request.lockedSerials).to.deep.equal(['CA0004-KE-XX-3-1901-2000-2024']);
    const spend = await rejection(
      run(dev, (ctx) => transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 3901, select: only }))),
    );
    expect(spend.code).to.equal('INSUFFICIENT_CREDITS');
    await run(dev, (ctx) => transfer.ApproveTransferRequest(ctx, json({ requestId: request.requestId })));
    expect(await serialsOf('GOV')).to.include('CA0004-KE-XX-3-1901-2000-2024');
  });

  it('freezes a developer’s holdings when it is suspended, and thaws them on reactivation', async () => {
    const reason = 'under investigation';
    await run(gov, (ctx) => contracts.organisation.SuspendOrganisation(ctx, json({ companyId: 'DEV-ACTIVE', reason })));
    expect(await serialsOf('DEV-ACTIVE', 'Frozen')).to.deep.equal(['CA0004-KE-XX-3-2001-2500-2024']);
    await run(gov, (ctx) =>
      contracts.organisation.ReactivateOrganisation(ctx, json({ companyId: 'DEV-ACTIVE', reason })),
    );
    expect(await serialsOf('DEV-ACTIVE')).to.deep.equal(['CA0004-KE-XX-3-2001-2500-2024']);
  });

  it('splits a first issuance of 1001 between two proponents at 6000/4000 bps as 1–601 and 602–1001', async () => {
    const externalId = 'P-TWO';
    const input = programmeInput(externalId, {
      proponents: [
        { companyId: 'DEV', shareBps: 6000 },
        { companyId: 'DEV-ACTIVE', shareBps: 4000 },
      ],
    });
    await run(dev, (ctx) => contracts.programme.SubmitProgramme(ctx, json(input)));
    await run(cert, (ctx) =>
      contracts.programme.ValidateProgramme(ctx, json({ externalId, validationReport: doc(2) })),
    );
    await run(gov, (ctx) =>
      contracts.programme.AuthoriseProgramme(ctx, json({ externalId, creditIdentifier: 'CA0004' })),
    );
    const round = await verifiedRound(externalId, '2024-01-01', '2024-12-31', 1001, 1001);
    const issued = await issue(externalId, round, 1001);
    expect(issued.blocks.map((b) => [b.holder, b.serial])).to.deep.equal([
      ['DEV', 'CA0004-KE-XX-4-1-601-2024'],
      ['DEV-ACTIVE', 'CA0004-KE-XX-4-602-1001-2024'],
    ]);
  });

  it('reconciles every programme with zero discrepancies', async () => {
    const report = await run<{
      discrepancies: number;
      programmes: { programmeId: number; issued: number; unitsByState: Record<string, number> }[];
    }>(gov, (ctx) => credit.Reconcile(ctx, json({})));
    expect(report.discrepancies).to.equal(0);
    const first = report.programmes.find((p) => p.programmeId === 3);
    expect(first?.issued).to.equal(5000);
    expect(first?.unitsByState).to.include({ Active: 4800, Retired: 200 });
  });
});
