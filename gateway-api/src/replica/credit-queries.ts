// The credit lists of the public API as replica listings: credit blocks by programme, holder or
// state, the block holding a unit, and the public register of retirements.
import type { Listing, MangoQuery } from './keyset.ts';
import { useIndex } from './indexes.ts';
import { publicIndexes } from './public-indexes.ts';

export interface CreditBlockFilter {
  readonly programmeId?: number | undefined;
  readonly holder?: string | undefined;
  readonly state?: string | undefined;
}

const byProgrammeThenUnit = ['programmeId', 'end'] as const;

function programmeBlocks(programmeId: number, filter: CreditBlockFilter): Listing {
  const holder = filter.holder === undefined ? undefined : { holder: filter.holder };
  const base = {
    type: 'creditBlock',
    sort: ['end'] as const,
    order: 'asc' as const,
    ...(holder ? { filter: holder } : {}),
  };
  return filter.state === undefined
    ? { ...base, index: publicIndexes.creditBlock, equal: { programmeId } }
    : { ...base, index: publicIndexes.creditBlockByProgrammeState, equal: { programmeId, state: filter.state } };
}

function holderBlocks(holder: string, state: string | undefined): Listing {
  const base = { type: 'creditBlock', sort: byProgrammeThenUnit, order: 'asc' as const };
  return state === undefined
    ? { ...base, index: publicIndexes.creditBlockByHolder, equal: { holder } }
    : { ...base, index: publicIndexes.creditBlockByHolderState, equal: { holder, state } };
}

/** Blocks in unit order (by programme, then unit); a programme narrows the index first, then a holder. */
export function creditBlockListing(filter: CreditBlockFilter): Listing {
  if (filter.programmeId !== undefined) return programmeBlocks(filter.programmeId, filter);
  if (filter.holder !== undefined) return holderBlocks(filter.holder, filter.state);
  const base = { type: 'creditBlock', sort: byProgrammeThenUnit, order: 'asc' as const };
  return filter.state === undefined
    ? { ...base, index: publicIndexes.creditBlock, equal: {} }
    : { ...base, index: publicIndexes.creditBlockByState, equal: { state: filter.state } };
}

/**
 * The block that holds `unit` of a programme, if any: blocks of a programme partition its issued
 * units, so it is the first block whose last unit is at or after `unit` (when it starts at or
 * before it) — one index seek, as on the ledger.
 */
export function unitLookupQuery(programmeId: number, unit: number): MangoQuery {
  const index = publicIndexes.creditBlock;
  return {
    selector: { type: 'creditBlock', programmeId, end: { $gte: unit } },
    sort: index.fields.map((field) => ({ [field]: 'asc' as const })),
    use_index: useIndex(index.ddoc),
    limit: 1,
  };
}

export interface RetirementFilter {
  readonly holder?: string | undefined;
  readonly state?: string | undefined;
  readonly category?: string | undefined;
}

/** The index narrows by holder, else state, else category; the other conditions are checked on its rows. */
export function retirementListing(filter: RetirementFilter): Listing {
  const base = { type: 'retirement', sort: ['createdAt', '_id'] as const, order: 'desc' as const };
  const { holder, state, category } = filter;
  const rest = (fields: Record<string, string | undefined>): { filter?: Record<string, string> } => {
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >;
    return Object.keys(given).length === 0 ? {} : { filter: given };
  };
  if (holder !== undefined) {
    return { ...base, index: publicIndexes.retirementByHolder, equal: { holder }, ...rest({ state, category }) };
  }
  if (state !== undefined) {
    return { ...base, index: publicIndexes.retirementByState, equal: { state }, ...rest({ category }) };
  }
  if (category !== undefined) return { ...base, index: publicIndexes.retirementByCategory, equal: { category } };
  return { ...base, index: publicIndexes.retirement, equal: {} };
}
