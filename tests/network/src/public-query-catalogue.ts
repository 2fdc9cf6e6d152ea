// Every query the public read API makes of the replica, one per listing and filter combination,
// each on a first page and after a cursor, with the index it must be served by — for checking
// with CouchDB's _explain that no public read is a full scan.
import { encodeCursor } from '../../../gateway-api/src/replica/cursor.ts';
import { unitLookupQuery } from '../../../gateway-api/src/replica/credit-queries.ts';
import { creditBlockListing, retirementListing } from '../../../gateway-api/src/replica/credit-queries.ts';
import { listingName, pageQuery, type Listing, type MangoQuery } from '../../../gateway-api/src/replica/keyset.ts';
import {
  issuanceListing,
  monitoringRoundListing,
  programmeListing,
  type ProgrammeFilter,
} from '../../../gateway-api/src/replica/programme-queries.ts';
import { PROGRAMME_SORT_FIELDS, type ProgrammeSort } from '../../../gateway-api/src/replica/public-indexes.ts';
import { ledgerBlockListing, organisationListing, transactionListing } from '../../../gateway-api/src/replica/registry-queries.ts';

export interface CataloguedQuery {
  readonly name: string;
  readonly query: MangoQuery;
  /** The design document of the index that must serve it. */
  readonly ddoc: string;
}

const programmeFilters: Omit<ProgrammeFilter, 'sort' | 'order'>[] = [
  {},
  { state: 'Authorised' },
  { sector: 'Energy' },
  { state: 'Authorised', sector: 'Energy' },
  { organisation: 'DEV-1' },
  { q: 'Solar (phase 2)' },
  { state: 'Submitted', organisation: 'DEV-1', q: 'x' },
];

function listings(): [string, Listing][] {
  const all: [string, Listing][] = [];
  for (const sort of Object.keys(PROGRAMME_SORT_FIELDS) as ProgrammeSort[]) {
    for (const order of ['asc', 'desc'] as const) {
      for (const filter of programmeFilters) {
        all.push([`programmes ${sort} ${order} ${JSON.stringify(filter)}`, programmeListing({ ...filter, sort, order })]);
      }
    }
  }
  all.push(['monitoring rounds', monitoringRoundListing('P-1')], ['issuances', issuanceListing('P-1')]);
  for (const filter of [{}, { programmeId: 3 }, { programmeId: 3, state: 'Active' }, { programmeId: 3, holder: 'DEV-1' }, { holder: 'DEV-1' }, { holder: 'DEV-1', state: 'Active' }, { state: 'Retired' }]) {
    all.push([`credit blocks ${JSON.stringify(filter)}`, creditBlockListing(filter)]);
  }
  for (const filter of [{}, { holder: 'DEV-1' }, { holder: 'DEV-1', state: 'Retired', category: 'VoluntaryCancellation' }, { state: 'Retired' }, { state: 'Pending', category: 'VoluntaryCancellation' }, { category: 'VoluntaryCancellation' }]) {
    all.push([`retirements ${JSON.stringify(filter)}`, retirementListing(filter)]);
  }
  for (const filter of [{}, { companyRole: 'Certifier' }, { companyRole: 'Certifier', state: 'Active' }, { state: 'Active' }]) {
    all.push([`organisations ${JSON.stringify(filter)}`, organisationListing(filter)]);
  }
  all.push(['transactions', transactionListing], ['ledger blocks', ledgerBlockListing]);
  return all;
}

/** A cursor past an item with plausible sort-key values (numbers for numeric fields). */
function sampleCursor(listing: Listing): string {
  const numeric = new Set(['programmeId', 'end', 'round', 'block', 'index', 'number']);
  return encodeCursor(
    listingName(listing),
    listing.sort.map((field) => (numeric.has(field) ? 7 : field === '_id' ? `${listing.type}:x` : 'm')),
  );
}

export function everyPublicQuery(): CataloguedQuery[] {
  const queries: CataloguedQuery[] = [];
  for (const [name, listing] of listings()) {
    queries.push({ name, query: pageQuery(listing, 10), ddoc: listing.index.ddoc });
    queries.push({ name: `${name}, next page`, query: pageQuery(listing, 10, sampleCursor(listing)), ddoc: listing.index.ddoc });
  }
  queries.push({ name: 'unit lookup', query: unitLookupQuery(3, 1500), ddoc: 'creditBlock-programmeId' });
  return queries;
}
