// Contract "issuance": issuing a verified round as serial-numbered blocks, the programme's and the round's running totals, and the refusals on round state and verified quantity.
import { expect } from 'chai';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { Programme } from '../../src/domain/programme';
import { contracts } from '../support/registry-fixture';
import { json, REASON, refused, storedProgramme, write, type Call } from './contract-kit';
import {
  actions,
  expectReconciled,
  FIXTURE_LAYOUT,
  freshWorld,
  layout,
  serialOf,
  setSuspended,
  storedBlock,
  storedRound,
  verifyRound,
  type World,
} from './credits-contract-kit';

const P = 'P-AUTHORISED';
const issueCall =
  (round: number, quantity: number, externalId = P): Call =>
  (ctx) =>
    contracts.issuance.IssueCredits(ctx, json({ externalId, round, quantity }));

interface Issued {
  readonly externalId: string;
  readonly round: number;
  readonly quantity: number;
  readonly blocks: CreditBlock[];
}

describe('credits: issuance contract', () => {
  let w: World;
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  it('issues a verified round as one block continuing the programme numbering', async () => {
    const { result, event } = await write<Issued>(w.ledger, w.gov, issueCall(2, 400));
    const serial = serialOf(6001, 6400);
    expect(result).to.deep.include({ externalId: P, round: 2, quantity: 400 });
    expect(result.blocks.map((b) => b.serial)).to.deep.equal([serial]);
    const block = storedBlock(w.ledger, 1, 6400);
    expect(result.blocks[0]).to.deep.equal(block);
    expect(block).to.include({ holder: 'DEV', state: 'Active', start: 6001, end: 6400, quantity: 400, vintage: 2024 });
    expect(block.lineage).to.have.length(1);
    expect(block.lineage[0]).to.include({
      action: 'issue',
      serial,
      holder: 'DEV',
      state: 'Active',
      txId: event.txId,
      reference: `issuance:${event.txId}`,
    });
    expect(event).to.deep.include({
      name: 'CreditsIssued',
      payload: { externalId: P, programmeId: 1, round: 2, quantity: 400, serials: [serial] },
    });
    expect(storedProgramme(w.ledger, P).credits).to.deep.equal({ issued: 6400, nextUnit: 6401 });
    expect(storedRound(w.ledger, P, 2)).to.include({ issued: 400, verifiedReductions: 1000, state: 'Verified' });
    expect(layout(w.ledger)).to.deep.equal([...FIXTURE_LAYOUT, '6001-6400 DEV Active']);
  });

  it('issues the rest of a round later, and nothing beyond it', async () => {
    await write(w.ledger, w.gov, issueCall(2, 400));
    await write(w.ledger, w.gov, issueCall(2, 600));
    expect(storedRound(w.ledger, P, 2).issued).to.equal(1000);
    expect(layout(w.ledger).slice(-2)).to.deep.equal(['6001-6400 DEV Active', '6401-7000 DEV Active']);
    const body = await refused(w.ledger, w.gov, issueCall(2, 1), 'EXCEEDS_VERIFIED');
    expect(body.details).to.deep.equal({ available: 0, requested: 1 });
  });

  it('refuses more than verified minus issued', async () => {
    const round1 = await refused(w.ledger, w.gov, issueCall(1, 4001), 'EXCEEDS_VERIFIED');
    expect(round1.details).to.deep.equal({ available: 4000, requested: 4001 });
    const round2 = await refused(w.ledger, w.gov, issueCall(2, 1001), 'EXCEEDS_VERIFIED');
    expect(round2.details).to.deep.equal({ available: 1000, requested: 1001 });
  });

  it('refuses a round verified at zero', async () => {
    await verifyRound(w, 3, 0);
    const body = await refused(w.ledger, w.gov, issueCall(3, 1), 'EXCEEDS_VERIFIED');
    expect(body.details).to.deep.equal({ available: 0, requested: 1 });
  });

  it('refuses a Submitted round, then the same round once Rejected', async () => {
    const submitted = await refused(w.ledger, w.gov, issueCall(3, 1), 'INVALID_STATE');
    expect(submitted.details).to.deep.equal({ state: 'Submitted' });
    await write(w.ledger, w.cert, (ctx) =>
      contracts.monitoring.RejectMonitoringReport(ctx, json({ externalId: P, round: 3, reason: REASON })),
    );
    const rejected = await refused(w.ledger, w.gov, issueCall(3, 1), 'INVALID_STATE');
    expect(rejected.details).to.deep.equal({ state: 'Rejected' });
  });

  it('refuses a round or a programme that does not exist', async () => {
    await refused(w.ledger, w.gov, issueCall(4, 1), 'NOT_FOUND');
    await refused(w.ledger, w.gov, issueCall(1, 1, 'P-NOWHERE'), 'NOT_FOUND');
  });

  it('refuses a verified round of a programme that is no longer Authorised', async () => {
    await write(w.ledger, w.gov, (ctx) =>
      contracts.programme.SuspendProgramme(ctx, json({ externalId: P, reason: REASON })),
    );
    const body = await refused(w.ledger, w.gov, issueCall(2, 10), 'INVALID_STATE');
    expect(body.details).to.deep.equal({ state: 'Suspended' });
  });

  it('takes its vintage from the year the round’s period ends', async () => {
    await verifyRound(w, 3, 500);
    const { result } = await write<Issued>(w.ledger, w.gov, issueCall(3, 500));
    expect(result.blocks.map((b) => [b.serial, b.vintage])).to.deep.equal([[serialOf(6001, 6500, 2025), 2025]]);
  });

  it('issues a suspended proponent’s share frozen, and reactivation thaws it', async () => {
    await setSuspended(w, 'DEV', true);
    const { result } = await write<Issued>(w.ledger, w.gov, issueCall(2, 1000));
    const [block] = result.blocks;
    expect(block).to.include({ serial: serialOf(6001, 7000), state: 'Frozen', frozenBecause: 'OrganisationSuspended' });
    expect(block && actions(block)).to.deep.equal(['issue', 'freeze']);
    await setSuspended(w, 'DEV', false);
    expect(storedBlock(w.ledger, 1, 7000).state).to.equal('Active');
    const programme: Programme = storedProgramme(w.ledger, P);
    expect(programme.credits?.issued).to.equal(7000);
  });
});
