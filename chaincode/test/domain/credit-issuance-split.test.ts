// Splitting an issuance among proponents: floors, the remainder to the first proponent, unit ranges, and a property check.
import { expect } from 'chai';
import fc from 'fast-check';
import { allocateUnits, splitByShares, type ProponentShare } from '../../src/domain/issuance-split';
import { MAX_CREDITS_PER_ACT } from '../../src/domain/monitoring';
import { deepFreeze } from './domain-fixtures';

const share = (companyId: string, shareBps: number): ProponentShare => ({ companyId, shareBps });

describe('splitByShares', () => {
  it('gives a sole proponent everything', () => {
    expect(splitByShares(3000, [share('DEV', 10_000)])).to.deep.equal([{ companyId: 'DEV', quantity: 3000 }]);
  });

  it('splits exactly when the shares divide the quantity', () => {
    expect(splitByShares(1000, [share('A', 6000), share('B', 4000)])).to.deep.equal([
      { companyId: 'A', quantity: 600 },
      { companyId: 'B', quantity: 400 },
    ]);
  });

  it('floors each share and gives the remainder to the first proponent', () => {
    // 600.6 and 400.4 floor to 600 and 400; the one unit left over goes to A.
    expect(splitByShares(1001, [share('A', 6000), share('B', 4000)])).to.deep.equal([
      { companyId: 'A', quantity: 601 },
      { companyId: 'B', quantity: 400 },
    ]);
    // 3.334, 3.333 and 3.333 floor to 3 each: A takes the 1 left.
    expect(splitByShares(10, [share('A', 3334), share('B', 3333), share('C', 3333)])).to.deep.equal([
      { companyId: 'A', quantity: 4 },
      { companyId: 'B', quantity: 3 },
      { companyId: 'C', quantity: 3 },
    ]);
    // 2 units left over, both to A, even though C holds the largest share.
    expect(splitByShares(8, [share('A', 3333), share('B', 3333), share('C', 3334)])).to.deep.equal([
      { companyId: 'A', quantity: 4 },
      { companyId: 'B', quantity: 2 },
      { companyId: 'C', quantity: 2 },
    ]);
  });

  it('gives the remainder to the first proponent even when its own share is the smallest', () => {
    // 0.0001 and 0.9999 both floor to 0: the single unit goes to A.
    expect(splitByShares(1, [share('A', 1), share('B', 9999)])).to.deep.equal([
      { companyId: 'A', quantity: 1 },
      { companyId: 'B', quantity: 0 },
    ]);
  });

  it('stays exact at the largest quantity one act may issue', () => {
    // 99,999,999,999 × 3333 / 10000 = 33,329,999,999.67 and × 3334 / 10000 = 33,339,999,999.67;
    // the floors add up to 99,999,999,997, so A gets 2 more.
    expect(splitByShares(99_999_999_999, [share('A', 3333), share('B', 3333), share('C', 3334)])).to.deep.equal([
      { companyId: 'A', quantity: 33_330_000_001 },
      { companyId: 'B', quantity: 33_329_999_999 },
      { companyId: 'C', quantity: 33_339_999_999 },
    ]);
    expect(MAX_CREDITS_PER_ACT).to.equal(100_000_000_000);
    expect(splitByShares(100_000_000_000, [share('A', 1), share('B', 9999)])).to.deep.equal([
      { companyId: 'A', quantity: 10_000_000 },
      { companyId: 'B', quantity: 99_990_000_000 },
    ]);
  });

  it('gives nothing to anyone for a quantity of 0, and leaves the proponents alone', () => {
    const proponents = deepFreeze([share('A', 5000), share('B', 5000)]);
    expect(splitByShares(0, proponents)).to.deep.equal([
      { companyId: 'A', quantity: 0 },
      { companyId: 'B', quantity: 0 },
    ]);
    expect(proponents).to.deep.equal([share('A', 5000), share('B', 5000)]);
  });
});

describe('allocateUnits', () => {
  it('numbers a sole proponent’s units from the first unit', () => {
    expect(allocateUnits(3000, [share('DEV', 10_000)], 1)).to.deep.equal([{ companyId: 'DEV', start: 1, end: 3000 }]);
    expect(allocateUnits(2000, [share('DEV', 10_000)], 3001)).to.deep.equal([
      { companyId: 'DEV', start: 3001, end: 5000 },
    ]);
  });

  it('gives two proponents at 6000 / 4000 bps of 1001 units 1–601 and 602–1001', () => {
    expect(allocateUnits(1001, [share('DEV', 6000), share('DEV2', 4000)], 1)).to.deep.equal([
      { companyId: 'DEV', start: 1, end: 601 },
      { companyId: 'DEV2', start: 602, end: 1001 },
    ]);
  });

  it('keeps the proponent order and continues the numbering of earlier issuances', () => {
    expect(allocateUnits(10, [share('C', 3334), share('A', 3333), share('B', 3333)], 5001)).to.deep.equal([
      { companyId: 'C', start: 5001, end: 5004 },
      { companyId: 'A', start: 5005, end: 5007 },
      { companyId: 'B', start: 5008, end: 5010 },
    ]);
  });

  it('gives no range to a proponent whose share rounds to 0, without leaving a hole', () => {
    // 999.9 floors to 999 and 0.1 to 0: A takes all 1000, B gets no range.
    expect(allocateUnits(1000, [share('A', 9999), share('B', 1)], 1)).to.deep.equal([
      { companyId: 'A', start: 1, end: 1000 },
    ]);
    // 50, 0 and 49.99 → 49: A takes the 1 left over, and C follows A directly.
    expect(allocateUnits(100, [share('A', 5000), share('B', 1), share('C', 4999)], 1)).to.deep.equal([
      { companyId: 'A', start: 1, end: 51 },
      { companyId: 'C', start: 52, end: 100 },
    ]);
    expect(allocateUnits(1, [share('A', 1), share('B', 9999)], 7)).to.deep.equal([
      { companyId: 'A', start: 7, end: 7 },
    ]);
  });

  it('gives no ranges at all for a quantity of 0', () => {
    expect(allocateUnits(0, [share('A', 6000), share('B', 4000)], 1)).to.deep.equal([]);
  });
});

/** n positive basis-point shares adding up to exactly 10000, from n − 1 distinct cut points. */
const shares = fc.integer({ min: 1, max: 20 }).chain((n) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const bounds = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return bounds.slice(1).map((b, i) => share(`P${String(i)}`, b - (bounds[i] ?? 0)));
  }),
);

describe('splitting properties', () => {
  const quantity = fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: MAX_CREDITS_PER_ACT }),
  );

  it('the generator makes shares that add up to 10000', () => {
    fc.assert(
      fc.property(shares, (proponents) => {
        expect(proponents.reduce((sum, p) => sum + p.shareBps, 0)).to.equal(10_000);
        expect(proponents.every((p) => p.shareBps >= 1)).to.equal(true);
      }),
      { numRuns: 200 },
    );
  });

  it('parts always add up to the quantity, each within 1 unit × proponents of its exact share', () => {
    fc.assert(
      fc.property(quantity, shares, (q, proponents) => {
        const parts = splitByShares(q, proponents);
        const n = proponents.length;
        expect(parts.map((p) => p.companyId)).to.deep.equal(proponents.map((p) => p.companyId));
        expect(parts.reduce((sum, p) => sum + p.quantity, 0)).to.equal(q);
        parts.forEach((part, i) => {
          // Compared ×10000 so every number stays an exact integer (≤ 10^15).
          const exact = q * (proponents[i]?.shareBps ?? Number.NaN);
          const scaled = part.quantity * 10_000;
          expect(Number.isSafeInteger(part.quantity) && part.quantity >= 0).to.equal(true);
          expect(Math.abs(scaled - exact)).to.be.at.most(n * 10_000);
          // Only the first proponent may get more than its floor, and by less than one unit per proponent.
          expect(scaled).to.be.above(exact - 10_000);
          expect(scaled).to.be.at.most(i === 0 ? exact + (n - 1) * 10_000 : exact);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('ranges are contiguous, in proponent order, non-empty and cover exactly the quantity', () => {
    fc.assert(
      fc.property(quantity, shares, fc.integer({ min: 1, max: 1_000_000_000 }), (q, proponents, firstUnit) => {
        const ranges = allocateUnits(q, proponents, firstUnit);
        const withUnits = splitByShares(q, proponents).filter((p) => p.quantity > 0);
        expect(ranges.map((r) => r.companyId)).to.deep.equal(withUnits.map((p) => p.companyId));
        let next = firstUnit;
        ranges.forEach((range, i) => {
          expect(range.start).to.equal(next);
          expect(range.end).to.be.at.least(range.start);
          expect(range.end - range.start + 1).to.equal(withUnits[i]?.quantity);
          next = range.end + 1;
        });
        expect(next - firstUnit).to.equal(q);
      }),
      { numRuns: 1000 },
    );
  });
});
