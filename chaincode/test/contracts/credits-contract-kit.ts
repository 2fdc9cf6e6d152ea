// Shared steps of the credit contract tests: a fresh clone of the registry fixture, the block layout of a programme as stored, paging through any list, and reconciliation.
import { expect } from 'chai';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { MonitoringRound } from '../../src/domain/monitoring';
import { blockKey, programmeBlockRange } from '../../src/ledger/keys';
import type { FakeCaller, FakeLedger } from '../support/fake-ledger';
import { sha } from '../support/inputs';
import {
  company,
  contracts,
  registryFixture,
  type CreditFixture,
  type Member,
  type RegistryFixture,
} from '../support/registry-fixture';
import { json, key, query, stored, write, type Call } from './contract-kit';

export interface World {
  readonly fixture: RegistryFixture;
  readonly ledger: FakeLedger;
  /** The government Admin that bootstrapped the registry. */
  readonly gov: Member;
  /** A Manager of DEV, the proponent of every fixture programme. */
  readonly dev: Member;
  /** A Manager of CERT, the certifier assigned to every fixture programme. */
  readonly cert: Member;
  readonly credits: CreditFixture;
}

/** Every test starts from its own copy of the fixture, so no test sees another's writes. */
export async function freshWorld(): Promise<World> {
  const fixture = await registryFixture();
  return {
    fixture,
    ledger: fixture.ledger.clone(),
    gov: fixture.bootstrapAdmin,
    dev: company(fixture, 'DEV').users.Manager,
    cert: company(fixture, 'CERT').users.Manager,
    credits: fixture.credits,
  };
}

export const doc = (n: number) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf` });

/** A serial of P-AUTHORISED, programme 1 of the fixture. */
export const serialOf = (start: number, end: number, vintage = 2024): string =>
  `CA0004-KE-XX-1-${String(start)}-${String(end)}-${String(vintage)}`;

/** The fixture's programme 1 as stored: what the tests start from. */
export const FIXTURE_LAYOUT = [
  '1-3850 DEV Active',
  '3851-3900 DEV PendingRetirement',
  '3901-4000 DEV PendingTransfer',
  '4001-5900 GOV Active',
  '5901-6000 GOV PendingTransfer',
];

/** Every stored block of a programme, in unit order, read straight from world state. */
export function storedBlocks(ledger: FakeLedger, programmeId = 1): CreditBlock[] {
  const { start } = programmeBlockRange(programmeId);
  return [...ledger.state.keys()]
    .filter((k) => k.startsWith(start))
    .sort()
    .map((k) => stored(ledger, k) as CreditBlock);
}

/** A programme's blocks as "start-end holder state", the shape most assertions compare. */
export function layout(ledger: FakeLedger, programmeId = 1): string[] {
  return storedBlocks(ledger, programmeId).map((b) => `${String(b.start)}-${String(b.end)} ${b.holder} ${b.state}`);
}

export function storedBlock(ledger: FakeLedger, programmeId: number, end: number): CreditBlock {
  const block = stored(ledger, blockKey(programmeId, end));
  if (block === undefined) throw new Error(`no block ending at ${String(end)} of programme ${String(programmeId)}`);
  return block as CreditBlock;
}

export const storedRound = (ledger: FakeLedger, externalId: string, round: number): MonitoringRound =>
  stored(ledger, key('monitoringRound', externalId, String(round).padStart(6, '0'))) as MonitoringRound;

/** The actions of a block's lineage, oldest first. */
export const actions = (block: CreditBlock): string[] => block.lineage.map((e) => e.action);

export function lastEntry(block: CreditBlock): CreditBlock['lineage'][number] {
  const entry = block.lineage[block.lineage.length - 1];
  if (entry === undefined) throw new Error(`block ${block.serial} has no lineage`);
  return entry;
}

interface Page<T> {
  readonly records: T[];
  readonly bookmark: string;
}

/** Follows bookmarks until the empty one; `list` builds the query for a bookmark. */
export async function pages<T>(
  ledger: FakeLedger,
  caller: FakeCaller,
  pageSize: number,
  list: (bookmark: string) => Call,
): Promise<T[][]> {
  const all: T[][] = [];
  let bookmark = '';
  do {
    const page = await query<Page<T>>(ledger, caller, list(bookmark));
    expect(page.records.length).to.be.at.most(pageSize);
    all.push(page.records);
    bookmark = page.bookmark;
  } while (bookmark !== '' && all.length < 100);
  expect(bookmark, 'paging ends with an empty bookmark').to.equal('');
  return all;
}

interface Reconciliation {
  readonly discrepancies: number;
  readonly programmes: { programmeId: number; issued: number; discrepancies: number }[];
}

/** No credit created or lost: every programme, and programme 1 on its own, reconciles. */
export async function expectReconciled(world: World): Promise<void> {
  const { ledger, gov } = world;
  const all = await query<Reconciliation>(ledger, gov, (ctx) => contracts.credit.Reconcile(ctx, json({})));
  expect(all.discrepancies, JSON.stringify(all)).to.equal(0);
  const one = await query<Reconciliation>(ledger, gov, (ctx) =>
    contracts.credit.Reconcile(ctx, json({ programmeId: 1 })),
  );
  expect(one.programmes.map((p) => p.programmeId)).to.deep.equal([1]);
  expect(one.discrepancies).to.equal(0);
}

/** Submits a monitoring report of P-AUTHORISED (or `externalId`) as DEV; returns the round number. */
export async function submitRound(
  world: World,
  periodStart: string,
  periodEnd: string,
  claimedReductions: number,
  externalId = 'P-AUTHORISED',
): Promise<number> {
  const request = { externalId, periodStart, periodEnd, claimedReductions, report: doc(40) };
  const { result } = await write<MonitoringRound>(world.ledger, world.dev, (ctx) =>
    contracts.monitoring.SubmitMonitoringReport(ctx, json(request)),
  );
  return result.round;
}

export async function verifyRound(
  world: World,
  round: number,
  verifiedReductions: number,
  externalId = 'P-AUTHORISED',
) {
  const request = { externalId, round, verifiedReductions, verificationReport: doc(41) };
  await write(world.ledger, world.cert, (ctx) => contracts.monitoring.VerifyMonitoringReport(ctx, json(request)));
}

export async function issue(world: World, round: number, quantity: number, externalId = 'P-AUTHORISED') {
  const { result } = await write<{ blocks: CreditBlock[] }>(world.ledger, world.gov, (ctx) =>
    contracts.issuance.IssueCredits(ctx, json({ externalId, round, quantity })),
  );
  return result.blocks;
}

/** The government suspends or reactivates an organisation (which freezes or thaws its holdings). */
export async function setSuspended(world: World, companyId: string, suspended: boolean): Promise<void> {
  const request = json({ companyId, reason: 'as decided by the registry' });
  await write(world.ledger, world.gov, (ctx) =>
    suspended
      ? contracts.organisation.SuspendOrganisation(ctx, request)
      : contracts.organisation.ReactivateOrganisation(ctx, request),
  );
}
