// Which index serves each public list and filter combination, and what is checked on its rows;
// every listing is one an index of the replica's list can serve.
import { expect } from 'chai';
import { creditBlockListing, retirementListing, unitLookupQuery } from '../../src/replica/credit-queries.ts';
import { replicaIndexes } from '../../src/replica/indexes.ts';
import { assertServedByIndex, pageQuery, type Listing } from '../../src/replica/keyset.ts';
import {
  caseInsensitivePattern,
  issuanceListing,
  monitoringRoundListing,
  programmeListing,
} from '../../src/replica/programme-queries.ts';
import { publicReadIndexes } from '../../src/replica/public-indexes.ts';
import { ledgerBlockListing, organisationListing, transactionListing } from '../../src/replica/registry-queries.ts';

const known = (listing: Listing): void => {
  assertServedByIndex(listing);
  expect(
    replicaIndexes.map((i) => i.ddoc),
    listing.index.ddoc,
  ).to.include(listing.index.ddoc);
};

describe('public list queries', () => {
  it('are all in the replica’s index list, one design document each', () => {
    const ddocs = replicaIndexes.map((i) => i.ddoc);
    expect(new Set(ddocs).size).to.equal(ddocs.length);
    for (const index of publicReadIndexes) {
      expect(index.fields[0]).to.equal('type');
      expect(ddocs).to.include(index.ddoc);
    }
  });

  it('narrow programmes by state, else sector, in the index; the rest is checked on its rows', () => {
    const byState = programmeListing({
      state: 'Authorised',
      sector: 'Waste',
      organisation: 'DEV-1',
      sort: 'title',
      order: 'asc',
    });
    known(byState);
    expect(byState.index.ddoc).to.equal('programme-state-title');
    expect(byState.equal).to.deep.equal({ state: 'Authorised' });
    expect(byState.sort).to.deep.equal(['titleLower', '_id']);
    expect(byState.filter).to.deep.equal({ sector: 'Waste', proponents: { $elemMatch: { $eq: 'DEV-1' } } });

    const bySector = programmeListing({ sector: 'Waste', sort: 'programmeId', order: 'desc' });
    known(bySector);
    expect(bySector.index.ddoc).to.equal('programme-sector-programmeId');
    expect(bySector.equal).to.deep.equal({ sector: 'Waste' });

    const all = programmeListing({ q: 'Solar', sort: 'submitted', order: 'desc' });
    known(all);
    expect(all.index.ddoc).to.equal('programme-submitted');
    expect(all.filter).to.deep.equal({
      $or: [
        { $and: [{ titleLower: { $regex: '[sS][oO][lL][aA][rR]' } }] },
        { $and: [{ externalId: { $regex: '[sS][oO][lL][aA][rR]' } }] },
      ],
    });
  });

  it('search text case-insensitively, with regex characters taken literally', () => {
    const pattern = new RegExp(caseInsensitivePattern('Mini-Grid (Phase 2.1)?'));
    expect(pattern.test('turkana mini-grid (phase 2.1)? north')).to.equal(true);
    expect(pattern.test('TURKANA MINI-GRID (PHASE 2.1)?')).to.equal(true);
    expect(pattern.test('mini-grid (phase 201)?')).to.equal(false);
    expect(new RegExp(caseInsensitivePattern('a.b*')).test('axbbb')).to.equal(false);
    expect(caseInsensitivePattern('VCS-1')).to.equal('[vV][cC][sS]\\-1');
  });

  it('serve a programme’s rounds and issuances by its external id', () => {
    known(monitoringRoundListing('P-1'));
    expect(monitoringRoundListing('P-1')).to.deep.include({
      equal: { externalId: 'P-1' },
      sort: ['round'],
      order: 'asc',
    });
    known(issuanceListing('P-1'));
    expect(issuanceListing('P-1').sort).to.deep.equal(['block', '_id']);
  });

  it('list credit blocks by programme first, then holder, then state, in unit order', () => {
    const cases: [Parameters<typeof creditBlockListing>[0], string, Record<string, unknown>, unknown][] = [
      [{}, 'creditBlock-programmeId', {}, undefined],
      [{ programmeId: 3 }, 'creditBlock-programmeId', { programmeId: 3 }, undefined],
      [
        { programmeId: 3, state: 'Active', holder: 'D' },
        'creditBlock-programmeId-state',
        { programmeId: 3, state: 'Active' },
        { holder: 'D' },
      ],
      [{ holder: 'D' }, 'creditBlock-holder', { holder: 'D' }, undefined],
      [{ holder: 'D', state: 'Frozen' }, 'creditBlock-holder-state', { holder: 'D', state: 'Frozen' }, undefined],
      [{ state: 'Retired' }, 'creditBlock-state', { state: 'Retired' }, undefined],
    ];
    for (const [filter, ddoc, equal, rest] of cases) {
      const listing = creditBlockListing(filter);
      known(listing);
      expect(listing.index.ddoc, JSON.stringify(filter)).to.equal(ddoc);
      expect(listing.equal).to.deep.equal(equal);
      expect(listing.filter).to.deep.equal(rest);
      expect(listing.sort.at(-1)).to.equal('end');
    }
  });

  it('finds the block holding a unit with one seek on the programme’s blocks', () => {
    expect(unitLookupQuery(4, 1500)).to.deep.equal({
      selector: { type: 'creditBlock', programmeId: 4, end: { $gte: 1500 } },
      sort: [{ type: 'asc' }, { programmeId: 'asc' }, { end: 'asc' }],
      use_index: ['_design/creditBlock-programmeId', 'creditBlock-programmeId'],
      limit: 1,
    });
  });

  it('list retirements latest first, narrowed by holder, else state, else category', () => {
    const cases: [Parameters<typeof retirementListing>[0], string, unknown][] = [
      [{}, 'retirement-createdAt', undefined],
      [
        { holder: 'D', state: 'Retired', category: 'VoluntaryCancellation' },
        'retirement-holder',
        { state: 'Retired', category: 'VoluntaryCancellation' },
      ],
      [
        { state: 'Retired', category: 'VoluntaryCancellation' },
        'retirement-state',
        { category: 'VoluntaryCancellation' },
      ],
      [{ category: 'VoluntaryCancellation' }, 'retirement-category', undefined],
    ];
    for (const [filter, ddoc, rest] of cases) {
      const listing = retirementListing(filter);
      known(listing);
      expect(listing.index.ddoc).to.equal(ddoc);
      expect(listing.order).to.equal('desc');
      expect(listing.filter).to.deep.equal(rest);
    }
  });

  it('list organisations by name, transactions and blocks latest first', () => {
    expect(organisationListing({ companyRole: 'Certifier', state: 'Active' })).to.deep.include({
      equal: { companyRole: 'Certifier' },
      filter: { state: 'Active' },
    });
    expect(organisationListing({ state: 'Active' }).index.ddoc).to.equal('organisation-state');
    for (const listing of [organisationListing({}), transactionListing, ledgerBlockListing]) known(listing);
    expect(pageQuery(transactionListing, 10).sort).to.deep.equal([{ type: 'desc' }, { position: 'desc' }]);
    expect(pageQuery(ledgerBlockListing, 10).selector).to.deep.equal({ type: 'ledgerBlock', number: { $gte: null } });
  });
});
