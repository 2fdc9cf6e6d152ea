import { expect } from 'chai';
import type { CreditPart, StatisticsFacts } from '../../src/replica/documents.ts';
import {
  applyCounters,
  contribution,
  emptyStatistics,
  factsOf,
  StatisticsDelta,
  statisticsOf,
} from '../../src/replica/statistics.ts';

const part = (quantity: number, sector = 'Energy', vintage = 2024, programmeId = 1): CreditPart => ({
  programmeId,
  vintage,
  quantity,
  sector,
});
const block = (state: string, quantity: number): StatisticsFacts => ({ type: 'creditBlock', state, quantity });

describe('replica statistics', () => {
  it('counts an issuance by year, sector and vintage', () => {
    const facts = factsOf({
      type: 'issuance',
      timestamp: '2025-03-01T12:00:00.000Z',
      parts: [part(600), part(400, 'Forestry', 2023, 2)],
    });
    const stats = applyCounters(emptyStatistics(), contribution(facts));
    expect(stats.credits.issued).to.deep.equal({
      count: 1,
      total: 1000,
      byYear: { '2025': 1000 },
      bySector: { Energy: 600, Forestry: 400 },
      byVintage: { '2024': 600, '2023': 400 },
    });
    expect(stats.credits.transferred.total).to.equal(0);
  });

  it('a transfer that splits a block moves no units between states and counts the transfer', () => {
    const delta = new StatisticsDelta();
    // Block 1–1000 (Active) gives way to 1–700 (kept) and 701–1000 (moved), both Active.
    delta.replace(block('Active', 1000), block('Active', 300));
    delta.replace(null, block('Active', 700));
    delta.replace(null, { type: 'transfer', year: '2025', parts: [part(300)] });
    const before = applyCounters(emptyStatistics(), [[['unitsByBlockState', 'Active'], 1000]]);
    const after = applyCounters(before, delta.counters);
    expect(after.unitsByBlockState).to.deep.equal({ Active: 1000 });
    expect(after.credits.transferred).to.include({ count: 1, total: 300 });
  });

  it('a retirement moves units from Active to Retired and counts once it took effect', () => {
    const delta = new StatisticsDelta();
    delta.replace(block('Active', 300), block('Retired', 100));
    delta.replace(null, block('Active', 200));
    delta.replace(null, { type: 'retirement', year: '2026', parts: [part(100)] });
    const after = applyCounters(
      applyCounters(emptyStatistics(), [[['unitsByBlockState', 'Active'], 300]]),
      delta.counters,
    );
    expect(after.unitsByBlockState).to.deep.equal({ Active: 200, Retired: 100 });
    expect(after.credits.retired).to.deep.equal({
      count: 1,
      total: 100,
      byYear: { '2026': 100 },
      bySector: { Energy: 100 },
      byVintage: { '2024': 100 },
    });
    // A pending retirement (no retiredAt yet) counts nothing.
    expect(contribution(factsOf({ type: 'retirement', retiredAt: null, parts: [part(5)] }))).to.deep.equal([]);
  });

  it('a state change moves a programme between states; emptied breakdown keys disappear, totals stay', () => {
    const delta = new StatisticsDelta();
    delta.replace(null, { type: 'programme', state: 'Submitted', sector: 'Energy' });
    const submitted = applyCounters(emptyStatistics(), delta.counters);
    const next = new StatisticsDelta();
    next.replace(
      { type: 'programme', state: 'Submitted', sector: 'Energy' },
      { type: 'programme', state: 'Authorised', sector: 'Energy' },
    );
    const authorised = applyCounters(submitted, next.counters);
    expect(authorised.programmes).to.deep.equal({ total: 1, byState: { Authorised: 1 }, bySector: { Energy: 1 } });
    const gone = new StatisticsDelta();
    gone.replace({ type: 'programme', state: 'Authorised', sector: 'Energy' }, null);
    expect(applyCounters(authorised, gone.counters).programmes).to.deep.equal({ total: 0, byState: {}, bySector: {} });
  });

  it('counts organisations by role and state, and ignores documents it does not count', () => {
    const stats = statisticsOf([
      { type: 'organisation', companyRole: 'Government', state: 'Active' },
      { type: 'organisation', companyRole: 'ProgrammeDeveloper', state: 'Pending' },
      { type: 'transaction', txId: 't' },
      { type: 'user', state: 'Active' },
    ]);
    expect(stats.organisations).to.deep.equal({
      total: 2,
      byRole: { Government: 1, ProgrammeDeveloper: 1 },
      byState: { Active: 1, Pending: 1 },
    });
    expect(stats.programmes.total).to.equal(0);
  });

  it('a delta that adds and takes away the same amount changes nothing', () => {
    const delta = new StatisticsDelta();
    delta.replace(block('Active', 5), block('Active', 5));
    expect(delta.counters).to.deep.equal([]);
  });
});
