// Contract "custody": the government cancels Active units or a Frozen block, freezes and unfreezes one block, and freezes and unfreezes a holder's holdings without undoing a suspension's freeze.
import { expect } from 'chai';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { Cancellation } from '../../src/domain/credit-movements';
import { contracts } from '../support/registry-fixture';
import { json, key, query, REASON, refused, stored, write, type Call } from './contract-kit';
import {
  actions,
  expectReconciled,
  FIXTURE_LAYOUT,
  freshWorld,
  lastEntry,
  layout,
  serialOf,
  setSuspended,
  storedBlock,
  type World,
} from './credits-contract-kit';

const { custody } = contracts;
const cancel =
  (request: object): Call =>
  (ctx) =>
    custody.CancelCredits(ctx, json({ holder: 'DEV', quantity: 100, reason: 'LegalAction', note: REASON, ...request }));
const freeze =
  (serial: string): Call =>
  (ctx) =>
    custody.FreezeCredits(ctx, json({ serial, reason: REASON }));
const unfreeze =
  (serial: string): Call =>
  (ctx) =>
    custody.UnfreezeCredits(ctx, json({ serial, reason: REASON }));
const holdings =
  (companyId: string, frozen: boolean): Call =>
  (ctx) =>
    frozen
      ? custody.FreezeHoldings(ctx, json({ companyId, reason: REASON }))
      : custody.UnfreezeHoldings(ctx, json({ companyId, reason: REASON }));

describe('credits: custody contract', () => {
  let w: World;
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('CancelCredits and GetCancellation', () => {
    it('cancels Active units of a holder, oldest first, and records why', async () => {
      const { result, event } = await write<Cancellation>(w.ledger, w.gov, cancel({}));
      const cancellationId = event.txId;
      expect(result).to.deep.include({
        docType: 'cancellation',
        cancellationId,
        holder: 'DEV',
        quantity: 100,
        serials: [serialOf(3751, 3850)],
        reason: 'LegalAction',
        note: REASON,
      });
      expect(stored(w.ledger, key('cancellation', cancellationId))).to.deep.equal(result);
      expect(event).to.deep.include({
        name: 'CreditsCancelled',
        payload: {
          cancellationId,
          holder: 'DEV',
          quantity: 100,
          reason: 'LegalAction',
          serials: [serialOf(3751, 3850)],
        },
      });
      expect(layout(w.ledger).slice(0, 2)).to.deep.equal(['1-3750 DEV Active', '3751-3850 DEV Cancelled']);
      expect(lastEntry(storedBlock(w.ledger, 1, 3850))).to.include({ action: 'cancel', reference: cancellationId });
      const read = await query<Cancellation>(w.ledger, w.dev, (ctx) => custody.GetCancellation(ctx, cancellationId));
      expect(read).to.deep.equal(result);
    });

    it('cancels a Frozen block by serial, in part or whole; the kept part stays Frozen', async () => {
      await write(w.ledger, w.gov, freeze(w.credits.devSerial));
      await write(
        w.ledger,
        w.gov,
        cancel({ quantity: 850, reason: 'Buffer', select: { serial: w.credits.devSerial } }),
      );
      expect(layout(w.ledger).slice(0, 2)).to.deep.equal(['1-3000 DEV Frozen', '3001-3850 DEV Cancelled']);
      expect(storedBlock(w.ledger, 1, 3000).frozenBecause).to.equal('GovernmentOrder');
      await write(w.ledger, w.gov, cancel({ quantity: 3000, select: { serial: serialOf(1, 3000) } }));
      expect(layout(w.ledger)[0]).to.equal('1-3000 DEV Cancelled');
    });

    it('does not take Frozen units unless the block is named', async () => {
      await write(w.ledger, w.gov, freeze(w.credits.devSerial));
      const body = await refused(w.ledger, w.gov, cancel({}), 'INSUFFICIENT_CREDITS');
      expect(body.details).to.include({ available: 0, requested: 100 });
    });

    it('refuses locked, cancelled and stale blocks, another holder’s block, and an unknown holder', async () => {
      await refused(
        w.ledger,
        w.gov,
        cancel({ quantity: 1, select: { serial: serialOf(3901, 4000) } }),
        'INVALID_STATE',
      );
      await refused(w.ledger, w.gov, cancel({ quantity: 1, select: { serial: serialOf(4001, 5900) } }), 'FORBIDDEN');
      await refused(w.ledger, w.gov, cancel({ holder: 'NOBODY' }), 'NOT_FOUND');
      await refused(w.ledger, w.gov, cancel({ reason: 'Fraud' }), 'INVALID_ARGUMENT');
      await write(w.ledger, w.gov, cancel({}));
      await refused(
        w.ledger,
        w.gov,
        cancel({ quantity: 1, select: { serial: serialOf(3751, 3850) } }),
        'ALREADY_RETIRED',
      );
      await refused(w.ledger, w.gov, cancel({ quantity: 1, select: { serial: w.credits.devSerial } }), 'NOT_FOUND');
      await refused(w.ledger, w.gov, (ctx) => custody.GetCancellation(ctx, 'tx999999'), 'NOT_FOUND');
    });
  });

  describe('FreezeCredits and UnfreezeCredits', () => {
    it('freezes one Active block by government order and unfreezes it', async () => {
      const serial = w.credits.devSerial;
      const frozen = await write<CreditBlock>(w.ledger, w.gov, freeze(serial));
      expect(frozen.result).to.include({ serial, state: 'Frozen', frozenBecause: 'GovernmentOrder' });
      expect(storedBlock(w.ledger, 1, 3850)).to.deep.equal(frozen.result);
      expect(frozen.event).to.deep.include({ name: 'CreditsFrozen', payload: { serial, holder: 'DEV' } });
      expect(lastEntry(frozen.result)).to.include({ action: 'freeze', state: 'Frozen', txId: frozen.event.txId });

      const thawed = await write<CreditBlock>(w.ledger, w.gov, unfreeze(serial));
      expect(thawed.result).to.include({ serial, state: 'Active' });
      expect(thawed.result).to.not.have.property('frozenBecause');
      expect(thawed.event).to.deep.include({ name: 'CreditsUnfrozen', payload: { serial, holder: 'DEV' } });
      expect(actions(thawed.result).slice(-2)).to.deep.equal(['freeze', 'unfreeze']);
      expect(layout(w.ledger)).to.deep.equal(FIXTURE_LAYOUT);
    });

    it('refuses a block in the wrong state', async () => {
      const body = await refused(w.ledger, w.gov, unfreeze(w.credits.devSerial), 'INVALID_STATE');
      expect(body.details).to.deep.equal({ serial: w.credits.devSerial, state: 'Active' });
      await refused(w.ledger, w.gov, freeze(serialOf(3901, 4000)), 'INVALID_STATE');
      await refused(w.ledger, w.gov, freeze(serialOf(3851, 3900)), 'INVALID_STATE');
      await write(w.ledger, w.gov, freeze(w.credits.devSerial));
      await refused(w.ledger, w.gov, freeze(w.credits.devSerial), 'INVALID_STATE');
    });

    it('refuses a stale or malformed serial', async () => {
      await refused(w.ledger, w.gov, freeze(serialOf(1, 6000)), 'NOT_FOUND');
      await refused(w.ledger, w.gov, freeze('not-a-serial'), 'INVALID_ARGUMENT');
      await refused(
        w.ledger,
        w.gov,
        (ctx) => custody.FreezeCredits(ctx, json({ serial: w.credits.devSerial })),
        'INVALID_ARGUMENT',
      );
    });
  });

  describe('FreezeHoldings and UnfreezeHoldings', () => {
    it('freezes every Active block of a holder, leaving locked ones, and thaws them again', async () => {
      const frozen = await write<{ units: number }>(w.ledger, w.gov, holdings('GOV', true));
      expect(frozen.result).to.deep.equal({ companyId: 'GOV', units: 1900 });
      expect(frozen.event).to.deep.include({ name: 'HoldingsFrozen', payload: { companyId: 'GOV', units: 1900 } });
      expect(layout(w.ledger).slice(3)).to.deep.equal(['4001-5900 GOV Frozen', '5901-6000 GOV PendingTransfer']);
      expect(storedBlock(w.ledger, 1, 5900).frozenBecause).to.equal('GovernmentOrder');

      const thawed = await write<{ units: number }>(w.ledger, w.gov, holdings('GOV', false));
      expect(thawed.event).to.deep.include({ name: 'HoldingsUnfrozen', payload: { companyId: 'GOV', units: 1900 } });
      expect(layout(w.ledger)).to.deep.equal(FIXTURE_LAYOUT);
      expect(actions(storedBlock(w.ledger, 1, 5900)).slice(-2)).to.deep.equal(['freeze', 'unfreeze']);
    });

    it('does not thaw what an organisation suspension froze', async () => {
      await setSuspended(w, 'DEV', true);
      expect(storedBlock(w.ledger, 1, 3850).frozenBecause).to.equal('OrganisationSuspended');
      const nothingToFreeze = await write<{ units: number }>(w.ledger, w.gov, holdings('DEV', true));
      expect(nothingToFreeze.result.units).to.equal(0);
      const nothingToThaw = await write<{ units: number }>(w.ledger, w.gov, holdings('DEV', false));
      expect(nothingToThaw.result.units).to.equal(0);
      expect(storedBlock(w.ledger, 1, 3850)).to.include({ state: 'Frozen', frozenBecause: 'OrganisationSuspended' });
      await setSuspended(w, 'DEV', false);
      expect(layout(w.ledger)).to.deep.equal(FIXTURE_LAYOUT);
    });

    it('keeps a government order’s freeze through a suspension and reactivation', async () => {
      await write(w.ledger, w.gov, holdings('DEV', true));
      await setSuspended(w, 'DEV', true);
      await setSuspended(w, 'DEV', false);
      expect(storedBlock(w.ledger, 1, 3850)).to.include({ state: 'Frozen', frozenBecause: 'GovernmentOrder' });
      const thawed = await write<{ units: number }>(w.ledger, w.gov, holdings('DEV', false));
      expect(thawed.result.units).to.equal(3850);
      expect(layout(w.ledger)).to.deep.equal(FIXTURE_LAYOUT);
    });

    it('refuses an unknown organisation or a missing reason', async () => {
      await refused(w.ledger, w.gov, holdings('NOBODY', true), 'NOT_FOUND');
      await refused(w.ledger, w.gov, holdings('NOBODY', false), 'NOT_FOUND');
      await refused(
        w.ledger,
        w.gov,
        (ctx) => custody.FreezeHoldings(ctx, json({ companyId: 'DEV' })),
        'INVALID_ARGUMENT',
      );
    });
  });
});
