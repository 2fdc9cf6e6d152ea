// Contract "transfer", SendCredits that succeed: the split that keeps the low range, whole and partial blocks by serial, and which units a quantity takes (oldest vintage, lowest serial, by programme or vintage).
import { expect } from 'chai';
import type { UnitSelection } from '../../src/domain/credit-movements';
import { programmeInput } from '../support/inputs';
import { contracts } from '../support/registry-fixture';
import { json, refused, write, type Call } from './contract-kit';
import {
  actions,
  doc,
  expectReconciled,
  FIXTURE_LAYOUT,
  freshWorld,
  issue,
  lastEntry,
  layout,
  serialOf,
  storedBlock,
  submitRound,
  verifyRound,
  type World,
} from './credits-contract-kit';

interface Sent {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly serials: string[];
}

const send =
  (to: string, quantity: number, select?: UnitSelection): Call =>
  (ctx) =>
    contracts.transfer.SendCredits(ctx, json({ to, quantity, ...(select ? { select } : {}) }));

// The part of its block DEV kept through the fixture's three splits: its units never moved.
const FIXTURE_DEV_LINEAGE = ['issue'];

describe('credits: sending credits', () => {
  let w: World;
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  it('sends by quantity: the sender keeps the low range, the receiver gets the high range', async () => {
    const { result, event } = await write<Sent>(w.ledger, w.dev, send('GOV', 100));
    const serial = serialOf(3751, 3850);
    expect(result).to.deep.equal({ from: 'DEV', to: 'GOV', quantity: 100, serials: [serial] });
    expect(event).to.deep.include({ name: 'CreditsTransferred', payload: result });
    expect(layout(w.ledger)).to.deep.equal(['1-3750 DEV Active', '3751-3850 GOV Active', ...FIXTURE_LAYOUT.slice(1)]);

    const moved = storedBlock(w.ledger, 1, 3850);
    expect(moved.serial).to.equal(serial);
    expect(actions(moved)).to.deep.equal([...FIXTURE_DEV_LINEAGE, 'split', 'transfer']);
    expect(lastEntry(moved)).to.include({
      action: 'transfer',
      serial,
      holder: 'GOV',
      state: 'Active',
      txId: event.txId,
      reference: `transfer:${event.txId}`,
    });
    const kept = storedBlock(w.ledger, 1, 3750);
    expect(actions(kept)).to.deep.equal(FIXTURE_DEV_LINEAGE);
    expect(kept.updated.txId).to.equal(event.txId);
  });

  it('sends a whole block by serial without splitting it', async () => {
    const { result } = await write<Sent>(w.ledger, w.dev, send('DEV-ACTIVE', 3850, { serial: w.credits.devSerial }));
    expect(result.serials).to.deep.equal([w.credits.devSerial]);
    const block = storedBlock(w.ledger, 1, 3850);
    expect(block).to.include({ serial: w.credits.devSerial, holder: 'DEV-ACTIVE', state: 'Active' });
    expect(actions(block)).to.deep.equal([...FIXTURE_DEV_LINEAGE, 'transfer']);
  });

  it('sends part of a block named by serial', async () => {
    const { result } = await write<Sent>(w.ledger, w.gov, send('DEV', 10, { serial: serialOf(4001, 5900) }));
    expect(result).to.deep.equal({ from: 'GOV', to: 'DEV', quantity: 10, serials: [serialOf(5891, 5900)] });
    expect(layout(w.ledger).slice(3)).to.deep.equal([
      '4001-5890 GOV Active',
      '5891-5900 DEV Active',
      '5901-6000 GOV PendingTransfer',
    ]);
  });

  describe('with several blocks to choose from', () => {
    // DEV holds 1-3850 and 3851-3900 (vintage 2024), 6001-6500 (2025) and 6501-7500 (2024).
    beforeEach(async () => {
      await write(w.ledger, w.gov, (ctx) =>
        contracts.retirement.RejectRetirement(
          ctx,
          json({ retirementId: w.credits.pendingRetirement, reason: 'not for use abroad' }),
        ),
      );
      await verifyRound(w, 3, 500);
      await issue(w, 3, 500);
      await issue(w, 2, 1000);
    });

    it('takes the oldest vintage and lowest serial first and splits only the last block', async () => {
      const { result } = await write<Sent>(w.ledger, w.dev, send('GOV', 4400));
      expect(result.serials).to.deep.equal([serialOf(1, 3850), serialOf(3851, 3900), serialOf(7001, 7500)]);
      expect(layout(w.ledger)).to.deep.equal([
        '1-3850 GOV Active',
        '3851-3900 GOV Active',
        '3901-4000 DEV PendingTransfer',
        '4001-5900 GOV Active',
        '5901-6000 GOV PendingTransfer',
        '6001-6500 DEV Active',
        '6501-7000 DEV Active',
        '7001-7500 GOV Active',
      ]);
      // Whole blocks move as they are; only the last one records a split.
      expect(actions(storedBlock(w.ledger, 1, 3850))).to.deep.equal([...FIXTURE_DEV_LINEAGE, 'transfer']);
      expect(actions(storedBlock(w.ledger, 1, 3900)).slice(-3)).to.deep.equal(['retire-request', 'unlock', 'transfer']);
      expect(actions(storedBlock(w.ledger, 1, 7500))).to.deep.equal(['issue', 'split', 'transfer']);
    });

    it('selects by vintage', async () => {
      const { result } = await write<Sent>(w.ledger, w.dev, send('GOV', 100, { vintage: 2025 }));
      expect(result.serials).to.deep.equal([serialOf(6401, 6500, 2025)]);
      const body = await refused(w.ledger, w.dev, send('GOV', 401, { vintage: 2025 }), 'INSUFFICIENT_CREDITS');
      expect(body.details).to.include({ available: 400, requested: 401 });
      await refused(w.ledger, w.dev, send('GOV', 1, { vintage: 2023 }), 'INSUFFICIENT_CREDITS');
    });

    it('selects by programme and vintage together', async () => {
      const { result } = await write<Sent>(w.ledger, w.dev, send('GOV', 50, { programmeId: 1, vintage: 2024 }));
      expect(result.serials).to.deep.equal([serialOf(3801, 3850)]);
    });
  });

  it('selects by programme, with programme order breaking ties within a vintage', async () => {
    const externalId = 'P-OTHER';
    await write(w.ledger, w.dev, (ctx) => contracts.programme.SubmitProgramme(ctx, json(programmeInput(externalId))));
    await write(w.ledger, w.cert, (ctx) =>
      contracts.programme.ValidateProgramme(ctx, json({ externalId, validationReport: doc(2) })),
    );
    await write(w.ledger, w.gov, (ctx) =>
      contracts.programme.AuthoriseProgramme(ctx, json({ externalId, creditIdentifier: 'CA0004' })),
    );
    const round = await submitRound(w, '2024-01-01', '2024-12-31', 300, externalId);
    await verifyRound(w, round, 300, externalId);
    await issue(w, round, 300, externalId);

    const byProgramme = await write<Sent>(w.ledger, w.dev, send('GOV', 100, { programmeId: 3 }));
    expect(byProgramme.result.serials).to.deep.equal(['CA0004-KE-XX-3-201-300-2024']);
    const anyProgramme = await write<Sent>(w.ledger, w.dev, send('GOV', 100));
    expect(anyProgramme.result.serials).to.deep.equal([serialOf(3751, 3850)]);
    const body = await refused(w.ledger, w.dev, send('GOV', 201, { programmeId: 3 }), 'INSUFFICIENT_CREDITS');
    expect(body.details).to.include({ available: 200, requested: 201 });
    await refused(w.ledger, w.dev, send('GOV', 1, { programmeId: 2 }), 'INSUFFICIENT_CREDITS');
  });
});
