// The programme lists of the public API as replica listings: all programmes (filtered, sorted),
// and a programme's monitoring rounds and issuances.
import type { Listing, Selector, SortOrder } from './keyset.ts';
import {
  PROGRAMME_SORT_FIELDS,
  publicIndexes,
  type ProgrammeIndexFilter,
  type ProgrammeSort,
} from './public-indexes.ts';

export interface ProgrammeFilter {
  readonly state?: string | undefined;
  readonly sector?: string | undefined;
  /** A proponent's company id. */
  readonly organisation?: string | undefined;
  /** Text searched, case-insensitively, in the title and the external id. */
  readonly q?: string | undefined;
  readonly sort: ProgrammeSort;
  readonly order: SortOrder;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A case-insensitive pattern for `text`, written with character classes ([aA]) rather than an
 * (?i) flag: CouchDB evaluates $regex with Erlang's PCRE, pouchdb-server with JavaScript RegExp,
 * and only character classes mean the same in both.
 */
export function caseInsensitivePattern(text: string): string {
  // Code points, not UTF-16 units: a letter outside the BMP stays one character class.
  return Array.from(text)
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      return lower === upper || lower.length !== 1 || upper.length !== 1
        ? escapeRegex(c)
        : `[${escapeRegex(lower)}${escapeRegex(upper)}]`;
    })
    .join('');
}

/**
 * The text condition. Each alternative is wrapped in a one-element $and — the same selector to
 * CouchDB, but pouchdb-find (7.3) only prepares a $regex inside an $or for matching when it comes
 * through an $and, and otherwise fails the query.
 */
function textFilter(q: string): Selector {
  const pattern = caseInsensitivePattern(q);
  return {
    $or: [{ $and: [{ titleLower: { $regex: pattern } }] }, { $and: [{ externalId: { $regex: pattern } }] }],
  };
}

/** State narrows the index when given, else sector; the other conditions are checked on its rows. */
function indexFilter(filter: ProgrammeFilter): ProgrammeIndexFilter {
  if (filter.state !== undefined) return 'state';
  return filter.sector !== undefined ? 'sector' : 'none';
}

export function programmeListing(filter: ProgrammeFilter): Listing {
  const by = indexFilter(filter);
  const equal: Record<string, string> = {};
  if (filter.state !== undefined) equal.state = filter.state;
  else if (filter.sector !== undefined) equal.sector = filter.sector;
  const rest: Record<string, unknown> = {};
  if (by === 'state' && filter.sector !== undefined) rest.sector = filter.sector;
  if (filter.organisation !== undefined) rest.proponents = { $elemMatch: { $eq: filter.organisation } };
  return {
    index: publicIndexes.programme[by][filter.sort],
    type: 'programme',
    equal,
    sort: [PROGRAMME_SORT_FIELDS[filter.sort], '_id'],
    order: filter.order,
    filter: { ...rest, ...(filter.q === undefined ? {} : textFilter(filter.q)) },
  };
}

export function monitoringRoundListing(externalId: string): Listing {
  return {
    index: publicIndexes.monitoringRoundByProgramme,
    type: 'monitoringRound',
    equal: { externalId },
    sort: ['round'],
    order: 'asc',
  };
}

export function issuanceListing(externalId: string): Listing {
  return {
    index: publicIndexes.issuanceByProgramme,
    type: 'issuance',
    equal: { externalId },
    sort: ['block', '_id'],
    order: 'asc',
  };
}
