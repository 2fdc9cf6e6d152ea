// The registry-wide lists of the public API as replica listings: organisations, the latest
// transactions and the latest ledger blocks.
import type { Listing } from './keyset.ts';
import { publicIndexes } from './public-indexes.ts';

export interface OrganisationFilter {
  readonly companyRole?: string | undefined;
  readonly state?: string | undefined;
}

/** Organisations by name; a role narrows the index first, then a state. */
export function organisationListing(filter: OrganisationFilter): Listing {
  const base = { type: 'organisation', sort: ['nameLower', '_id'] as const, order: 'asc' as const };
  const { companyRole, state } = filter;
  if (companyRole !== undefined) {
    return {
      ...base,
      index: publicIndexes.organisationByRole,
      equal: { companyRole },
      ...(state === undefined ? {} : { filter: { state } }),
    };
  }
  if (state !== undefined) return { ...base, index: publicIndexes.organisationByState, equal: { state } };
  return { ...base, index: publicIndexes.organisation, equal: {} };
}

/** Every transaction, latest first: by block, then position in the block. */
export const transactionListing: Listing = {
  index: publicIndexes.transaction,
  type: 'transaction',
  equal: {},
  sort: ['position'],
  order: 'desc',
};

/** Every ledger block, latest first. */
export const ledgerBlockListing: Listing = {
  index: publicIndexes.ledgerBlock,
  type: 'ledgerBlock',
  equal: {},
  sort: ['number'],
  order: 'desc',
};
