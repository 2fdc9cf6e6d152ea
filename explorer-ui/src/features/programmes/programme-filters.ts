// The list's filters live in the URL query, so a filtered view can be bookmarked and shared. Anything in the URL
// the API would refuse is dropped rather than shown as an error.
import type { LocationQuery } from 'vue-router';
import type { ProgrammeQuery, ProgrammeSort, ProgrammeState, Sector, SortOrder } from '../../api/types';

export const PROGRAMME_STATES: readonly ProgrammeState[] = [
  'Submitted',
  'Validated',
  'Authorised',
  'Rejected',
  'Suspended',
  'Closed',
];
export const SECTORS: readonly Sector[] = [
  'Energy',
  'Transport',
  'Manufacturing',
  'Waste',
  'Agriculture',
  'Forestry',
  'Buildings',
  'Health',
  'Education',
  'Hospitality',
  'Other',
];
export const SORTS: readonly ProgrammeSort[] = ['submitted', 'title', 'programmeId'];
export const ORDERS: readonly SortOrder[] = ['asc', 'desc'];
export const PAGE_SIZE = 25;

export interface ProgrammeFilters {
  q: string;
  state: ProgrammeState | undefined;
  sector: Sector | undefined;
  organisation: string;
  sort: ProgrammeSort;
  /** undefined: the API's default for the sort (newest first for submitted, else ascending). */
  order: SortOrder | undefined;
}

export const DEFAULT_FILTERS: Readonly<ProgrammeFilters> = {
  q: '',
  state: undefined,
  sector: undefined,
  organisation: '',
  sort: 'submitted',
  order: undefined,
};

function single(query: LocationQuery, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function filtersFromQuery(query: LocationQuery): ProgrammeFilters {
  return {
    q: single(query, 'q').slice(0, 200),
    state: oneOf(PROGRAMME_STATES, single(query, 'state')),
    sector: oneOf(SECTORS, single(query, 'sector')),
    organisation: single(query, 'organisation'),
    sort: oneOf(SORTS, single(query, 'sort')) ?? DEFAULT_FILTERS.sort,
    order: oneOf(ORDERS, single(query, 'order')),
  };
}

export function cursorFromQuery(query: LocationQuery): string | undefined {
  return single(query, 'cursor') || undefined;
}

/** The URL query for these filters; defaults are left out so shared links stay short. */
export function filtersToQuery(filters: ProgrammeFilters, cursor?: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.q) query.q = filters.q;
  if (filters.state) query.state = filters.state;
  if (filters.sector) query.sector = filters.sector;
  if (filters.organisation) query.organisation = filters.organisation;
  if (filters.sort !== DEFAULT_FILTERS.sort) query.sort = filters.sort;
  if (filters.order) query.order = filters.order;
  if (cursor) query.cursor = cursor;
  return query;
}

/** The API's query for these filters (also used for the CSV link). */
export function apiQuery(filters: ProgrammeFilters): ProgrammeQuery {
  return {
    sort: filters.sort,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.sector ? { sector: filters.sector } : {}),
    ...(filters.organisation ? { organisation: filters.organisation } : {}),
    ...(filters.order ? { order: filters.order } : {}),
  };
}

export const sameFilters = (a: ProgrammeFilters, b: ProgrammeFilters): boolean =>
  JSON.stringify(filtersToQuery(a)) === JSON.stringify(filtersToQuery(b));
