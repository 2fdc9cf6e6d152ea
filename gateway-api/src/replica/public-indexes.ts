// The indexes behind the public read API, one per list and filter it offers: `type`, the fields a
// list filters on by equality, then its sort fields (see keyset.ts). A filter combination without
// an index of its own uses the index of its most selective filter and checks the rest on that
// index's rows. The replicator creates them with its own (indexes.ts spreads this list in).
import type { ReplicaIndex } from './indexes.ts';

const index = (ddoc: string, ...fields: string[]): ReplicaIndex => ({ ddoc, fields: ['type', ...fields] });

/** The field each programme sort sorts on; `_id` breaks ties. */
export const PROGRAMME_SORT_FIELDS = {
  title: 'titleLower',
  submitted: 'submittedAt',
  programmeId: 'programmeId',
} as const;

export type ProgrammeSort = keyof typeof PROGRAMME_SORT_FIELDS;

/** The programme lists may be narrowed by state or sector in the index itself. */
export type ProgrammeIndexFilter = 'none' | 'state' | 'sector';

function programmeIndexes(filter: ProgrammeIndexFilter): Record<ProgrammeSort, ReplicaIndex> {
  const by = filter === 'none' ? [] : [filter];
  const name = (sort: string) => ['programme', ...by, sort].join('-');
  return {
    title: index(name('title'), ...by, PROGRAMME_SORT_FIELDS.title, '_id'),
    submitted: index(name('submitted'), ...by, PROGRAMME_SORT_FIELDS.submitted, '_id'),
    programmeId: index(name('programmeId'), ...by, PROGRAMME_SORT_FIELDS.programmeId, '_id'),
  };
}

export const publicIndexes = {
  programme: {
    none: programmeIndexes('none'),
    state: programmeIndexes('state'),
    sector: programmeIndexes('sector'),
  },
  monitoringRoundByProgramme: index('monitoringRound-externalId', 'externalId', 'round'),
  issuanceByProgramme: index('issuance-externalId', 'externalId', 'block', '_id'),
  // Blocks sort by programme then unit: (programmeId, end) is unique, as the world-state key is.
  creditBlock: index('creditBlock-programmeId', 'programmeId', 'end'),
  creditBlockByProgrammeState: index('creditBlock-programmeId-state', 'programmeId', 'state', 'end'),
  creditBlockByState: index('creditBlock-state', 'state', 'programmeId', 'end'),
  creditBlockByHolder: index('creditBlock-holder', 'holder', 'programmeId', 'end'),
  creditBlockByHolderState: index('creditBlock-holder-state', 'holder', 'state', 'programmeId', 'end'),
  retirement: index('retirement-createdAt', 'createdAt', '_id'),
  retirementByHolder: index('retirement-holder', 'holder', 'createdAt', '_id'),
  retirementByState: index('retirement-state', 'state', 'createdAt', '_id'),
  retirementByCategory: index('retirement-category', 'category', 'createdAt', '_id'),
  organisation: index('organisation-name', 'nameLower', '_id'),
  organisationByRole: index('organisation-companyRole', 'companyRole', 'nameLower', '_id'),
  organisationByState: index('organisation-state', 'state', 'nameLower', '_id'),
  // The position (block, then index in block, as one number) is unique: the ledger's own order.
  transaction: index('transaction-ledger-position', 'position'),
  ledgerBlock: index('ledgerBlock-number', 'number'),
} as const;

function flatten(value: ReplicaIndex | Readonly<Record<string, unknown>>): ReplicaIndex[] {
  if ('ddoc' in value && 'fields' in value) return [value as ReplicaIndex];
  return Object.values(value).flatMap((v) => flatten(v as ReplicaIndex | Readonly<Record<string, unknown>>));
}

/** Every index the public reads use, for the replica's list of indexes to create. */
export const publicReadIndexes: readonly ReplicaIndex[] = flatten(publicIndexes);
