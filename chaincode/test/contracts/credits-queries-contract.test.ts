// Contract "credit": reading a block by serial, finding the block of any unit, listing blocks by holder or programme page by page, and reconciling one programme or all.
import { expect } from 'chai';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { ProgrammeReconciliation } from '../../src/domain/reconciliation';
import { contracts } from '../support/registry-fixture';
import { json, query, refused, write, type Call } from './contract-kit';
import {
  expectReconciled,
  FIXTURE_LAYOUT,
  freshWorld,
  pages,
  serialOf,
  storedBlock,
  storedBlocks,
  type World,
} from './credits-contract-kit';

const { credit } = contracts;
const getBlock =
  (serial: string): Call =>
  (ctx) =>
    credit.GetBlock(ctx, serial);
const findUnit =
  (programmeId: number, unit: number): Call =>
  (ctx) =>
    credit.FindUnit(ctx, json({ programmeId, unit }));
const listBlocks =
  (request: object): Call =>
  (ctx) =>
    credit.ListBlocks(ctx, json(request));
const reconcile =
  (request: object): Call =>
  (ctx) =>
    credit.Reconcile(ctx, json(request));

interface Report {
  readonly programmes: ProgrammeReconciliation[];
  readonly discrepancies: number;
}

describe('credits: credit queries', () => {
  let w: World;
  const serials = async (request: object) =>
    (await query<{ records: CreditBlock[] }>(w.ledger, w.dev, listBlocks(request))).records.map((b) => b.serial);
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('GetBlock', () => {
    it('reads the current block of a serial with its lineage', async () => {
      const block = await query<CreditBlock>(w.ledger, w.dev, getBlock(w.credits.devSerial));
      expect(block).to.deep.equal(storedBlock(w.ledger, 1, 3850));
      // The fixture split DEV's block three times; the part DEV kept never moved, so only its issue shows.
      expect(block.lineage.map((e) => [e.action, e.holder])).to.deep.equal([['issue', 'DEV']]);
    });

    it('reports a stale serial as NOT_FOUND, naming the block now at its end', async () => {
      const body = await refused(w.ledger, w.dev, getBlock(serialOf(1, 6000)), 'NOT_FOUND');
      expect(body.details).to.deep.equal({ serial: serialOf(1, 6000), currentSerialAtThatEnd: serialOf(5901, 6000) });
      // Same range, another vintage: not this block either.
      await refused(w.ledger, w.dev, getBlock(serialOf(1, 3850, 2025)), 'NOT_FOUND');
      await refused(w.ledger, w.dev, getBlock(serialOf(1, 3849)), 'NOT_FOUND');
      await refused(w.ledger, w.dev, getBlock('CA0004-KE-XX-1'), 'INVALID_ARGUMENT');
    });
  });

  describe('FindUnit', () => {
    it('finds the first, a middle and the last unit of a block', async () => {
      for (const unit of [4001, 4950, 5900]) {
        const block = await query<CreditBlock>(w.ledger, w.dev, findUnit(1, unit));
        expect(block).to.include({ serial: serialOf(4001, 5900), holder: 'GOV', state: 'Active' });
      }
      expect((await query<CreditBlock>(w.ledger, w.dev, findUnit(1, 1))).serial).to.equal(w.credits.devSerial);
      expect((await query<CreditBlock>(w.ledger, w.dev, findUnit(1, 6000))).state).to.equal('PendingTransfer');
    });

    it('follows a unit into the block a split moved it to', async () => {
      await write(w.ledger, w.dev, (ctx) => contracts.transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 100 })));
      expect(await query<CreditBlock>(w.ledger, w.dev, findUnit(1, 3750))).to.include({ holder: 'DEV' });
      const moved = await query<CreditBlock>(w.ledger, w.dev, findUnit(1, 3751));
      expect(moved).to.include({ serial: serialOf(3751, 3850), holder: 'GOV' });
      expect(moved.lineage.map((e) => e.action).slice(-2)).to.deep.equal(['split', 'transfer']);
    });

    it('refuses a unit never issued', async () => {
      const body = await refused(w.ledger, w.dev, findUnit(1, 6001), 'NOT_FOUND');
      expect(body.details).to.deep.equal({ programmeId: 1, unit: 6001 });
      await refused(w.ledger, w.dev, findUnit(2, 1), 'NOT_FOUND');
      await refused(w.ledger, w.dev, findUnit(99, 1), 'NOT_FOUND');
      await refused(w.ledger, w.dev, findUnit(1, 0), 'INVALID_ARGUMENT');
    });
  });

  describe('ListBlocks', () => {
    it('lists a holder’s blocks, by state', async () => {
      expect(await serials({ holder: 'DEV' })).to.deep.equal([
        serialOf(1, 3850),
        serialOf(3851, 3900),
        serialOf(3901, 4000),
      ]);
      expect(await serials({ holder: 'DEV', state: 'Active' })).to.deep.equal([w.credits.devSerial]);
      expect(await serials({ holder: 'DEV', state: 'PendingTransfer' })).to.deep.equal([serialOf(3901, 4000)]);
      expect(await serials({ holder: 'GOV', state: 'Frozen' })).to.deep.equal([]);
      expect(await serials({ holder: 'CERT' })).to.deep.equal([]);
      const paged = await pages<CreditBlock>(w.ledger, w.dev, 1, (bookmark) =>
        listBlocks({ holder: 'GOV', pageSize: 1, bookmark }),
      );
      expect(paged.map((p) => p.map((b) => b.serial))).to.deep.equal([[serialOf(4001, 5900)], [serialOf(5901, 6000)]]);
    });

    it('pages through a programme’s blocks in unit order, each block once', async () => {
      // Two more blocks, so the last page is a full one.
      await write(w.ledger, w.dev, (ctx) => contracts.transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 100 })));
      const expected = storedBlocks(w.ledger, 1).map((b) => b.serial);
      expect(expected).to.have.length(6);
      for (const pageSize of [1, 2, 4, 6, 50]) {
        const paged = await pages<CreditBlock>(w.ledger, w.dev, pageSize, (bookmark) =>
          listBlocks({ programmeId: 1, pageSize, bookmark }),
        );
        expect(paged.flat().map((b) => b.serial)).to.deep.equal(expected);
        expect(paged).to.have.length(Math.ceil(6 / pageSize));
      }
      expect(await serials({ programmeId: 2 })).to.deep.equal([]);
    });

    for (const [what, request] of [
      ['no filter', {}],
      ['holder and programme', { holder: 'DEV', programmeId: 1 }],
      ['a state without a holder', { programmeId: 1, state: 'Active' }],
      ['an unknown state', { holder: 'DEV', state: 'Lost' }],
    ] as const) {
      it(`refuses ${what}`, async () => {
        await refused(w.ledger, w.dev, listBlocks(request), 'INVALID_ARGUMENT');
      });
    }
  });

  describe('Reconcile', () => {
    it('accounts for every issued unit of one programme by state', async () => {
      const report = await query<Report>(w.ledger, w.dev, reconcile({ programmeId: 1 }));
      expect(report.discrepancies).to.equal(0);
      expect(report.programmes).to.have.length(1);
      expect(report.programmes[0]).to.deep.include({ programmeId: 1, issued: 6000, blocks: FIXTURE_LAYOUT.length });
      expect(report.programmes[0]?.unitsByState).to.deep.include({
        Active: 5750,
        PendingRetirement: 50,
        PendingTransfer: 200,
        Retired: 0,
        Cancelled: 0,
      });
      expect(report.programmes[0]).to.deep.include({ gaps: [], overlaps: [] });
    });

    it('reconciles every authorised programme, including one with nothing issued', async () => {
      const report = await query<Report>(w.ledger, w.dev, reconcile({}));
      expect(report.programmes.map((p) => [p.programmeId, p.issued, p.blocks, p.discrepancies])).to.deep.equal([
        [1, 6000, 5, 0],
        [2, 0, 0, 0],
      ]);
      expect(report.discrepancies).to.equal(0);
    });

    it('refuses an unknown programme and unknown fields', async () => {
      await refused(w.ledger, w.dev, reconcile({ programmeId: 99 }), 'NOT_FOUND');
      await refused(w.ledger, w.dev, reconcile({ holder: 'DEV' }), 'INVALID_ARGUMENT');
    });
  });
});
