// Contract "transfer", SendCredits refused: the receiver, the block named by serial (not held, stale, frozen, retired, cancelled, locked) and the quantity, each leaving the ledger untouched.
import { expect } from 'chai';
import type { UnitSelection } from '../../src/domain/credit-movements';
import { contracts } from '../support/registry-fixture';
import { json, REASON, refused, write, type Call } from './contract-kit';
import { expectReconciled, FIXTURE_LAYOUT, freshWorld, layout, serialOf, type World } from './credits-contract-kit';

const send =
  (to: string, quantity: number, select?: UnitSelection): Call =>
  (ctx) =>
    contracts.transfer.SendCredits(ctx, json({ to, quantity, ...(select ? { select } : {}) }));

describe('credits: sending credits, refused', () => {
  let w: World;
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('the receiver', () => {
    it('refuses sending to yourself', async () => {
      const body = await refused(w.ledger, w.dev, send('DEV', 1), 'INVALID_ARGUMENT');
      expect(body.message).to.contain('yourself');
    });

    it('refuses an unknown organisation', async () => {
      const body = await refused(w.ledger, w.dev, send('NOBODY', 1), 'NOT_FOUND');
      expect(body.details).to.deep.equal({ companyId: 'NOBODY' });
    });

    for (const to of ['DEV-PENDING', 'DEV-SUSPENDED', 'CERT', 'PARTNER', 'MRV']) {
      it(`refuses ${to}, which cannot hold credits now`, async () => {
        const body = await refused(w.ledger, w.dev, send(to, 1), 'INVALID_STATE');
        expect(body.details).to.deep.equal({ companyId: to });
      });
    }

    it('refuses a developer once it is suspended', async () => {
      await write(w.ledger, w.gov, (ctx) =>
        contracts.organisation.SuspendOrganisation(ctx, json({ companyId: 'DEV-ACTIVE', reason: REASON })),
      );
      await refused(w.ledger, w.dev, send('DEV-ACTIVE', 1), 'INVALID_STATE');
    });
  });

  describe('the block named by serial', () => {
    it('refuses a block the sender does not hold', async () => {
      const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial: serialOf(4001, 5900) }), 'FORBIDDEN');
      expect(body.details).to.deep.equal({ serial: serialOf(4001, 5900) });
    });

    it('refuses a serial made stale by a split, naming the block now at its end', async () => {
      await write(w.ledger, w.dev, send('GOV', 100));
      const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial: w.credits.devSerial }), 'NOT_FOUND');
      expect(body.details).to.deep.equal({
        serial: w.credits.devSerial,
        currentSerialAtThatEnd: serialOf(3751, 3850),
      });
      // The issuance's own serial went stale long ago.
      await refused(w.ledger, w.gov, send('DEV', 1, { serial: serialOf(1, 6000) }), 'NOT_FOUND');
    });

    it('refuses a serial no block ever had, and text that is not a serial', async () => {
      await refused(w.ledger, w.dev, send('GOV', 1, { serial: serialOf(1, 99_999) }), 'NOT_FOUND');
      await refused(w.ledger, w.dev, send('GOV', 1, { serial: 'CA0004-KE-XX-1-10-1-2024' }), 'INVALID_ARGUMENT');
      await refused(w.ledger, w.dev, send('GOV', 1, { serial: 'block one' }), 'INVALID_ARGUMENT');
    });

    it('refuses a Frozen block, and a Frozen holding counts for nothing', async () => {
      await write(w.ledger, w.gov, (ctx) =>
        contracts.custody.FreezeCredits(ctx, json({ serial: w.credits.devSerial, reason: REASON })),
      );
      const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial: w.credits.devSerial }), 'FROZEN');
      expect(body.details).to.deep.equal({ serial: w.credits.devSerial });
      const quantity = await refused(w.ledger, w.dev, send('GOV', 1), 'INSUFFICIENT_CREDITS');
      expect(quantity.details).to.include({ available: 0, requested: 1 });
    });

    it('refuses a Retired block', async () => {
      await write(w.ledger, w.gov, (ctx) =>
        contracts.retirement.ApproveRetirement(ctx, json({ retirementId: w.credits.pendingRetirement })),
      );
      const serial = serialOf(3851, 3900);
      const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial }), 'ALREADY_RETIRED');
      expect(body.details).to.deep.equal({ serial, state: 'Retired' });
    });

    it('refuses a Cancelled block', async () => {
      await write(w.ledger, w.gov, (ctx) =>
        contracts.custody.CancelCredits(ctx, json({ holder: 'DEV', quantity: 100, reason: 'Reversal', note: REASON })),
      );
      const serial = serialOf(3751, 3850);
      const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial }), 'ALREADY_RETIRED');
      expect(body.details).to.deep.equal({ serial, state: 'Cancelled' });
    });

    it('refuses blocks locked by a pending request or retirement', async () => {
      for (const [serial, state] of [
        [serialOf(3901, 4000), 'PendingTransfer'],
        [serialOf(3851, 3900), 'PendingRetirement'],
      ] as const) {
        const body = await refused(w.ledger, w.dev, send('GOV', 1, { serial }), 'INVALID_STATE');
        expect(body.details).to.deep.equal({ serial, state });
      }
    });
  });

  describe('the quantity', () => {
    it('refuses more than the sender holds, saying how much it has', async () => {
      const byQuantity = await refused(w.ledger, w.dev, send('GOV', 3851), 'INSUFFICIENT_CREDITS');
      expect(byQuantity.details).to.deep.equal({ holder: 'DEV', available: 3850, requested: 3851 });
      const bySerial = await refused(
        w.ledger,
        w.dev,
        send('GOV', 3851, { serial: w.credits.devSerial }),
        'INSUFFICIENT_CREDITS',
      );
      expect(bySerial.details).to.include({ available: 3850, requested: 3851 });
    });

    for (const quantity of [0, -5, 1.5]) {
      it(`refuses a quantity of ${String(quantity)}`, async () => {
        await refused(w.ledger, w.dev, send('GOV', quantity), 'INVALID_ARGUMENT');
      });
    }

    it('refuses fields it does not know', async () => {
      await refused(
        w.ledger,
        w.dev,
        (ctx) => contracts.transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 1, from: 'GOV' })),
        'INVALID_ARGUMENT',
      );
      expect(layout(w.ledger)).to.deep.equal(FIXTURE_LAYOUT);
    });
  });
});
