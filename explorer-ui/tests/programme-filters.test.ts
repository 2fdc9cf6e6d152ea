import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersFromQuery, filtersToQuery } from '../src/features/programmes/programme-filters';
import { useProgrammeListStore } from '../src/features/programmes/programme-list-store';
import { stubApi } from './support';

describe('programme filters in the URL', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('reads valid filters and drops what the API would refuse', () => {
    expect(
      filtersFromQuery({ q: ' solar ', state: 'Authorised', sector: 'Bogus', sort: 'title', order: 'desc' }),
    ).toEqual({
      ...DEFAULT_FILTERS,
      q: 'solar',
      state: 'Authorised',
      sort: 'title',
      order: 'desc',
    });
  });

  it('writes short URLs (defaults left out) that read back the same', () => {
    const filters = { ...DEFAULT_FILTERS, sector: 'Energy' as const, organisation: 'DEV-SUNRISE' };
    const query = filtersToQuery(filters, 'cursor-2');
    expect(query).toEqual({ sector: 'Energy', organisation: 'DEV-SUNRISE', cursor: 'cursor-2' });
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it('store: loads the page the URL describes, and walks pages with the API cursor', async () => {
    const requested = stubApi(() => ({ body: { items: [], next: 'page-2' } }));
    const store = useProgrammeListStore();
    await store.applyQuery({ state: 'Authorised', sort: 'programmeId', order: 'asc' });
    const first = requested.at(-1);
    expect(first?.searchParams.get('state')).toBe('Authorised');
    expect(first?.searchParams.get('sort')).toBe('programmeId');
    expect(first?.searchParams.get('order')).toBe('asc');
    expect(first?.searchParams.has('cursor')).toBe(false);

    const nextQuery = store.nextPageQuery();
    expect(nextQuery).toEqual({ state: 'Authorised', sort: 'programmeId', order: 'asc', cursor: 'page-2' });
    await store.applyQuery(nextQuery ?? {});
    expect(requested.at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect(store.previousPageQuery()).toEqual({ state: 'Authorised', sort: 'programmeId', order: 'asc' });
  });

  it('store: a filter change starts from the first page and the CSV link keeps the filters', async () => {
    stubApi(() => ({ body: { items: [] } }));
    const store = useProgrammeListStore();
    await store.applyQuery({ q: 'solar', cursor: 'page-3' });
    expect(store.queryFor({ sector: 'Energy' })).toEqual({ q: 'solar', sector: 'Energy' });
    const csv = new URL(store.csvLink);
    expect(csv.pathname).toBe('/api/v1/programmes');
    expect(csv.searchParams.get('q')).toBe('solar');
    expect(csv.searchParams.get('format')).toBe('csv');
  });
});
