// Reconciliation of a programme's blocks against its issued total: units by state, gaps, overlaps and the discrepancy count.
import { expect } from 'chai';
import type { BlockState } from '../../src/domain/credit-block';
import { reconcile, type UnitRange } from '../../src/domain/reconciliation';
import { deepFreeze } from './domain-fixtures';

const NO_UNITS: Record<BlockState, number> = {
  Active: 0,
  Frozen: 0,
  PendingTransfer: 0,
  PendingRetirement: 0,
  Retired: 0,
  Cancelled: 0,
  TransferredOut: 0,
};

const r = (start: number, end: number, state: BlockState = 'Active'): UnitRange => ({ start, end, state });

describe('reconcile', () => {
  it('finds nothing wrong with blocks that tile 1…issued exactly, summing units by state', () => {
    const blocks = deepFreeze([
      r(1, 2000, 'Active'),
      r(2001, 3000, 'Retired'),
      r(3001, 4500, 'Frozen'),
      r(4501, 5000, 'PendingTransfer'),
      r(5001, 5001, 'PendingRetirement'),
      r(5002, 5100, 'Cancelled'),
      r(5101, 6000, 'TransferredOut'),
    ]);
    expect(reconcile(356, 6000, blocks)).to.deep.equal({
      programmeId: 356,
      issued: 6000,
      unitsByState: {
        Active: 2000,
        Frozen: 1500,
        PendingTransfer: 500,
        PendingRetirement: 1,
        Retired: 1000,
        Cancelled: 99,
        TransferredOut: 900,
      },
      blocks: 7,
      gaps: [],
      overlaps: [],
      discrepancies: 0,
    });
  });

  it('adds up several blocks in the same state', () => {
    const result = reconcile(7, 40, [r(1, 10), r(11, 20, 'Retired'), r(21, 30), r(31, 40, 'Retired')]);
    expect(result.unitsByState).to.deep.equal({ ...NO_UNITS, Active: 20, Retired: 20 });
    expect(result.discrepancies).to.equal(0);
  });

  it('finds nothing wrong with a programme that has issued nothing and has no blocks', () => {
    expect(reconcile(9, 0, [])).to.deep.equal({
      programmeId: 9,
      issued: 0,
      unitsByState: NO_UNITS,
      blocks: 0,
      gaps: [],
      overlaps: [],
      discrepancies: 0,
    });
  });

  it('reports a gap between blocks, and the total it leaves short', () => {
    expect(reconcile(356, 3000, [r(1, 1000), r(1501, 3000)])).to.deep.equal({
      programmeId: 356,
      issued: 3000,
      unitsByState: { ...NO_UNITS, Active: 2500 },
      blocks: 2,
      gaps: [[1001, 1500]],
      overlaps: [],
      discrepancies: 2,
    });
  });

  it('reports a gap before the first block and after the last one', () => {
    const atStart = reconcile(356, 3000, [r(101, 3000)]);
    expect([atStart.gaps, atStart.overlaps, atStart.discrepancies]).to.deep.equal([[[1, 100]], [], 2]);
    const atEnd = reconcile(356, 3000, [r(1, 2000)]);
    expect([atEnd.gaps, atEnd.overlaps, atEnd.discrepancies]).to.deep.equal([[[2001, 3000]], [], 2]);
    const oneUnit = reconcile(356, 3000, [r(1, 1499), r(1501, 3000)]);
    expect([oneUnit.gaps, oneUnit.discrepancies]).to.deep.equal([[[1500, 1500]], 2]);
  });

  it('reports every unit issued when there are no blocks at all', () => {
    const result = reconcile(356, 500, []);
    expect([result.gaps, result.unitsByState, result.discrepancies]).to.deep.equal([[[1, 500]], NO_UNITS, 2]);
  });

  it('reports blocks that overlap, partly, wholly or as duplicates', () => {
    const partly = reconcile(356, 3000, [r(1, 2000), r(1501, 3000)]);
    expect([partly.gaps, partly.overlaps, partly.unitsByState.Active, partly.discrepancies]).to.deep.equal([
      [],
      [[1501, 2000]],
      3500,
      2,
    ]);
    const inside = reconcile(356, 3000, [r(1, 3000), r(1001, 2000, 'Retired')]);
    expect([inside.gaps, inside.overlaps, inside.discrepancies]).to.deep.equal([[], [[1001, 2000]], 2]);
    const duplicate = reconcile(356, 3000, [r(1, 3000), r(1, 3000)]);
    expect([duplicate.gaps, duplicate.overlaps, duplicate.discrepancies]).to.deep.equal([[], [[1, 3000]], 2]);
    // The third block overlaps the first even though the second lies wholly inside it.
    const chained = reconcile(356, 3000, [r(1, 2000), r(500, 600), r(1999, 3000)]);
    expect([chained.overlaps, chained.discrepancies]).to.deep.equal([
      [
        [500, 600],
        [1999, 2000],
      ],
      3,
    ]);
  });

  it('reports units beyond the issued total', () => {
    const result = reconcile(356, 3000, [r(1, 3000), r(3001, 3100)]);
    expect([result.gaps, result.overlaps, result.unitsByState.Active]).to.deep.equal([[], [], 3100]);
    // One for the total that does not match, one for units numbered beyond what was issued.
    expect(result.discrepancies).to.equal(2);
  });

  it('reports units beyond the issued total even when a gap makes the total match', () => {
    const result = reconcile(356, 3000, [r(1, 1000), r(1101, 3100)]);
    expect([result.gaps, result.overlaps, result.unitsByState.Active]).to.deep.equal([[[1001, 1100]], [], 3000]);
    expect(result.discrepancies).to.equal(2);
  });

  it('reports an issued total the blocks do not add up to', () => {
    const short = reconcile(356, 5000, [r(1, 2000), r(2001, 3000, 'Retired')]);
    expect([short.gaps, short.overlaps, short.unitsByState]).to.deep.equal([
      [[3001, 5000]],
      [],
      { ...NO_UNITS, Active: 2000, Retired: 1000 },
    ]);
    expect(short.discrepancies).to.equal(2);
    const over = reconcile(356, 2500, [r(1, 3000)]);
    expect([over.gaps, over.overlaps, over.discrepancies]).to.deep.equal([[], [], 2]);
  });

  it('counts every problem at once', () => {
    // A gap (101…200), an overlap (250…300), units beyond 1000, and a total of 1051 against 1000 issued.
    const result = reconcile(356, 1000, [r(1, 100), r(201, 300), r(250, 1100)]);
    expect(result.gaps).to.deep.equal([[101, 200]]);
    expect(result.overlaps).to.deep.equal([[250, 300]]);
    expect(result.unitsByState.Active).to.equal(1051);
    expect(result.discrepancies).to.equal(4);
  });
});
