// Contract "retirement": immediate retirement, retirement for use abroad waiting for the government's approval or rejection, and the public register of retirements.
import { expect } from 'chai';
import type { Retirement } from '../../src/domain/credit-movements';
import { contracts } from '../support/registry-fixture';
import { hasKey, json, key, query, REASON, refused, stored, write, type Call } from './contract-kit';
import {
  actions,
  expectReconciled,
  freshWorld,
  lastEntry,
  layout,
  pages,
  serialOf,
  storedBlock,
  type World,
} from './credits-contract-kit';

const { retirement } = contracts;
const retire =
  (request: object = {}): Call =>
  (ctx) =>
    retirement.RetireCredits(
      ctx,
      json({ quantity: 100, beneficiary: 'A school', category: 'VoluntaryCancellation', ...request }),
    );
const approve =
  (retirementId: string): Call =>
  (ctx) =>
    retirement.ApproveRetirement(ctx, json({ retirementId }));
const rejectWith =
  (retirementId: string, reason?: string): Call =>
  (ctx) =>
    retirement.RejectRetirement(ctx, json(reason === undefined ? { retirementId } : { retirementId, reason }));
const list =
  (request: object): Call =>
  (ctx) =>
    retirement.ListRetirements(ctx, json(request));

describe('credits: retirement contract', () => {
  let w: World;
  let pending: string;
  beforeEach(async () => {
    w = await freshWorld();
    pending = w.credits.pendingRetirement;
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('RetireCredits', () => {
    it('retires units for good at once', async () => {
      const { result, event } = await write<Retirement>(w.ledger, w.dev, retire({ note: 'school year 2024' }));
      const retirementId = event.txId;
      expect(result).to.deep.include({
        retirementId,
        holder: 'DEV',
        quantity: 100,
        serials: [serialOf(3751, 3850)],
        beneficiary: 'A school',
        category: 'VoluntaryCancellation',
        note: 'school year 2024',
        state: 'Retired',
      });
      expect(result).to.not.have.property('useAbroad');
      expect(stored(w.ledger, key('retirement', retirementId))).to.deep.equal(result);
      expect(hasKey(w.ledger, 'retirement~state', 'Retired', retirementId)).to.equal(true);
      expect(hasKey(w.ledger, 'retirement~holder', 'DEV', retirementId)).to.equal(true);
      expect(event).to.deep.include({
        name: 'CreditsRetired',
        payload: { retirementId, holder: 'DEV', quantity: 100, state: 'Retired' },
      });
      const block = storedBlock(w.ledger, 1, 3850);
      expect(block).to.include({ holder: 'DEV', state: 'Retired' });
      expect(actions(block).slice(-2)).to.deep.equal(['split', 'retire']);
      expect(lastEntry(block)).to.include({ reference: retirementId, state: 'Retired' });
    });

    it('locks units for use abroad until the government decides', async () => {
      const { result, event } = await write<Retirement>(
        w.ledger,
        w.gov,
        retire({ category: 'OtherInternationalMitigationPurposes', useAbroad: { country: 'JP' } }),
      );
      expect(result).to.deep.include({ holder: 'GOV', state: 'Pending', useAbroad: { country: 'JP' } });
      expect(event).to.deep.include({ name: 'RetirementRequested' });
      expect(storedBlock(w.ledger, 1, 5900)).to.include({ state: 'PendingRetirement', pendingReference: event.txId });
      const fixtures = await query<Retirement>(w.ledger, w.gov, (ctx) => retirement.GetRetirement(ctx, pending));
      expect(fixtures).to.deep.include({
        state: 'Pending',
        serials: [serialOf(3851, 3900)],
        useAbroad: { country: 'CH' },
      });
      expect(storedBlock(w.ledger, 1, 3900)).to.include({ state: 'PendingRetirement', pendingReference: pending });
    });

    it('refuses more than the holder has, and blocks that cannot move', async () => {
      const body = await refused(w.ledger, w.dev, retire({ quantity: 3851 }), 'INSUFFICIENT_CREDITS');
      expect(body.details).to.include({ available: 3850, requested: 3851 });
      await refused(w.ledger, w.dev, retire({ select: { serial: serialOf(3851, 3900) } }), 'INVALID_STATE');
      await refused(w.ledger, w.dev, retire({ select: { serial: serialOf(4001, 5900) } }), 'FORBIDDEN');
      await write(w.ledger, w.dev, retire());
      await refused(
        w.ledger,
        w.dev,
        retire({ quantity: 1, select: { serial: serialOf(3751, 3850) } }),
        'ALREADY_RETIRED',
      );
    });

    for (const [what, request] of [
      ['an unknown category', { category: 'Offsetting' }],
      ['a blank beneficiary', { beneficiary: '  ' }],
      ['a country that is not a code', { useAbroad: { country: 'Japan' } }],
    ] as const) {
      it(`refuses ${what}`, async () => {
        await refused(w.ledger, w.dev, retire(request), 'INVALID_ARGUMENT');
      });
    }
  });

  describe('ApproveRetirement and RejectRetirement', () => {
    it('approval retires the locked units', async () => {
      const { result, event } = await write<Retirement>(w.ledger, w.gov, approve(pending));
      expect(result.state).to.equal('Retired');
      expect(result.stateHistory.map((s) => [s.state, s.action])).to.deep.equal([
        ['Pending', 'retire'],
        ['Retired', 'approve'],
      ]);
      expect(event).to.deep.include({
        name: 'RetirementApproved',
        payload: { retirementId: pending, holder: 'DEV', quantity: 50, state: 'Retired' },
      });
      expect(hasKey(w.ledger, 'retirement~state', 'Retired', pending)).to.equal(true);
      expect(hasKey(w.ledger, 'retirement~state', 'Pending', pending)).to.equal(false);
      const block = storedBlock(w.ledger, 1, 3900);
      expect(block).to.include({ holder: 'DEV', state: 'Retired' });
      expect(block).to.not.have.property('pendingReference');
      expect(actions(block).slice(-2)).to.deep.equal(['retire-request', 'retire']);
    });

    it('rejection needs a reason, and returns the units to the holder', async () => {
      for (const reason of [undefined, '', ' no ']) {
        await refused(w.ledger, w.gov, rejectWith(pending, reason), 'INVALID_ARGUMENT');
      }
      const { result, event } = await write<Retirement>(
        w.ledger,
        w.gov,
        rejectWith(pending, 'no corresponding adjustment'),
      );
      expect(result.stateHistory[1]).to.include({ state: 'Rejected', reason: 'no corresponding adjustment' });
      expect(event).to.deep.include({ name: 'RetirementRejected' });
      expect(event.payload).to.include({ state: 'Rejected' });
      const block = storedBlock(w.ledger, 1, 3900);
      expect(block).to.include({ holder: 'DEV', state: 'Active' });
      expect(lastEntry(block)).to.include({ action: 'unlock', reference: pending });
      // Back in the account, the units move again.
      await write(w.ledger, w.dev, (ctx) =>
        contracts.transfer.SendCredits(
          ctx,
          json({ to: 'GOV', quantity: 50, select: { serial: serialOf(3851, 3900) } }),
        ),
      );
      expect(layout(w.ledger)[1]).to.equal('3851-3900 GOV Active');
    });

    it('decides a retirement once, and never one that was retired at once', async () => {
      await write(w.ledger, w.gov, approve(pending));
      await refused(w.ledger, w.gov, approve(pending), 'INVALID_STATE');
      await refused(w.ledger, w.gov, rejectWith(pending, REASON), 'INVALID_STATE');
      const { event } = await write(w.ledger, w.dev, retire());
      const body = await refused(w.ledger, w.gov, approve(event.txId), 'INVALID_STATE');
      expect(body.details).to.include({ state: 'Retired' });
    });

    it('refuses an unknown retirement', async () => {
      await refused(w.ledger, w.gov, approve('tx999999'), 'NOT_FOUND');
      await refused(w.ledger, w.gov, rejectWith('tx999999', REASON), 'NOT_FOUND');
      await refused(w.ledger, w.gov, (ctx) => retirement.GetRetirement(ctx, 'tx999999'), 'NOT_FOUND');
    });
  });

  describe('ListRetirements', () => {
    const ids = async (request: object) =>
      (await query<{ records: Retirement[] }>(w.ledger, w.dev, list(request))).records.map((r) => r.retirementId);

    it('filters by state or by holder, and pages through all', async () => {
      const byDev = (await write(w.ledger, w.dev, retire())).event.txId;
      const byGov = (await write(w.ledger, w.gov, retire({ beneficiary: 'Nation of Kenya' }))).event.txId;
      expect(await ids({ state: 'Pending' })).to.deep.equal([pending]);
      expect(await ids({ state: 'Retired' })).to.deep.equal([byDev, byGov]);
      expect(await ids({ state: 'Rejected' })).to.deep.equal([]);
      expect(await ids({ holder: 'DEV' })).to.deep.equal([pending, byDev]);
      expect(await ids({ holder: 'GOV' })).to.deep.equal([byGov]);
      const paged = await pages<Retirement>(w.ledger, w.dev, 1, (bookmark) => list({ pageSize: 1, bookmark }));
      expect(paged.flat().map((r) => r.retirementId)).to.have.members([pending, byDev, byGov]);
      expect(paged).to.have.length(3);
    });

    it('refuses both filters at once', async () => {
      await refused(w.ledger, w.dev, list({ state: 'Pending', holder: 'DEV' }), 'INVALID_ARGUMENT');
      await refused(w.ledger, w.dev, list({ state: 'Approved' }), 'INVALID_ARGUMENT');
    });
  });
});
