// The state every random sequence of credit operations starts from: the registry fixture (programme
// 1 with DEV's and GOV's credits, pending requests and a pending retirement) plus programme 3,
// P-SHARED, whose proponents are DEV (6000 bps) and DEV-ACTIVE (4000 bps), with two verified
// monitoring rounds large enough that issuance never runs dry and already issued credits of two
// vintages, and programme 4, P-PAUSED, suspended with a verified round it may not issue from.
import type { Context } from 'fabric-contract-api';
import type { FakeCaller, FakeLedger } from '../support/fake-ledger';
import { programmeInput, sha } from '../support/inputs';
import { company, contracts, invoke, type RegistryFixture } from '../support/registry-fixture';

const json = JSON.stringify;
const doc = (n: number) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf` });
const HUGE_ROUND = 1_000_000_000;

interface Parties {
  readonly ledger: FakeLedger;
  readonly dev: FakeCaller;
  readonly cert: FakeCaller;
  readonly gov: FakeCaller;
}

async function authorisedProgramme(
  p: Parties,
  externalId: string,
  proponents: { companyId: string; shareBps: number }[],
) {
  const run = (caller: FakeCaller, call: (ctx: Context) => Promise<string>) => invoke(p.ledger, caller, call);
  await run(p.dev, (ctx) => contracts.programme.SubmitProgramme(ctx, json(programmeInput(externalId, { proponents }))));
  await run(p.cert, (ctx) =>
    contracts.programme.ValidateProgramme(ctx, json({ externalId, validationReport: doc(2) })),
  );
  await run(p.gov, (ctx) =>
    contracts.programme.AuthoriseProgramme(ctx, json({ externalId, creditIdentifier: 'CA0004' })),
  );
}

async function verifiedRound(p: Parties, externalId: string, year: number, reductions: number): Promise<number> {
  const report = { externalId, periodStart: `${String(year)}-01-01`, periodEnd: `${String(year)}-12-31` };
  const round = await invoke<{ round: number }>(p.ledger, p.dev, (ctx) =>
    contracts.monitoring.SubmitMonitoringReport(
      ctx,
      json({ ...report, claimedReductions: reductions, report: doc(10) }),
    ),
  );
  await invoke(p.ledger, p.cert, (ctx) =>
    contracts.monitoring.VerifyMonitoringReport(
      ctx,
      json({ externalId, round: round.round, verifiedReductions: reductions, verificationReport: doc(11) }),
    ),
  );
  return round.round;
}

export async function creditStart(fixture: RegistryFixture): Promise<FakeLedger> {
  const ledger = fixture.ledger.clone();
  const p: Parties = {
    ledger,
    dev: company(fixture, 'DEV').users.Manager,
    cert: company(fixture, 'CERT').users.Manager,
    gov: fixture.bootstrapAdmin,
  };
  const issue = (externalId: string, round: number, quantity: number) =>
    invoke(ledger, p.gov, (ctx) => contracts.issuance.IssueCredits(ctx, json({ externalId, round, quantity })));
  await authorisedProgramme(p, 'P-SHARED', [
    { companyId: 'DEV', shareBps: 6000 },
    { companyId: 'DEV-ACTIVE', shareBps: 4000 },
  ]);
  await issue('P-SHARED', await verifiedRound(p, 'P-SHARED', 2024, HUGE_ROUND), 10_000);
  await issue('P-SHARED', await verifiedRound(p, 'P-SHARED', 2025, HUGE_ROUND), 5_000);
  await authorisedProgramme(p, 'P-PAUSED', [{ companyId: 'DEV', shareBps: 10_000 }]);
  await verifiedRound(p, 'P-PAUSED', 2024, 1_000);
  await invoke(ledger, p.gov, (ctx) =>
    contracts.programme.SuspendProgramme(ctx, json({ externalId: 'P-PAUSED', reason: 'under review' })),
  );
  return ledger;
}
