// The programme list: filters and page position come from the URL; the store loads the page they describe and
// remembers, per cursor, the page before it, so "previous" works with the API's forward-only cursors.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LocationQuery } from 'vue-router';
import { api, csvUrl, unwrap } from '../../api/client';
import type { ProgrammeSummary } from '../../api/types';
import { useAsync } from '../../shared/use-async';
import {
  DEFAULT_FILTERS,
  PAGE_SIZE,
  apiQuery,
  cursorFromQuery,
  filtersFromQuery,
  filtersToQuery,
  sameFilters,
  type ProgrammeFilters,
} from './programme-filters';

const FIRST_PAGE = '';

export const useProgrammeListStore = defineStore('programmeList', () => {
  const filters = ref<ProgrammeFilters>({ ...DEFAULT_FILTERS });
  const cursor = ref<string>();
  const previousOf = new Map<string, string>();

  const page = useAsync(() =>
    unwrap(
      api.GET('/programmes', {
        params: {
          query: { ...apiQuery(filters.value), limit: PAGE_SIZE, ...(cursor.value ? { cursor: cursor.value } : {}) },
        },
      }),
    ),
  );
  const items = computed<ProgrammeSummary[]>(() => page.data.value?.items ?? []);
  const next = computed(() => page.data.value?.next);
  const previous = computed(() => (cursor.value ? previousOf.get(cursor.value) : undefined));
  const onFirstPage = computed(() => !cursor.value);
  const csvLink = computed(() => csvUrl('/programmes', { ...apiQuery(filters.value), limit: 200 }));

  /** Follows the URL: new filters start again from the first page. */
  function applyQuery(query: LocationQuery): Promise<void> {
    const wanted = filtersFromQuery(query);
    if (!sameFilters(wanted, filters.value)) previousOf.clear();
    filters.value = wanted;
    cursor.value = cursorFromQuery(query);
    return page.run();
  }

  function queryFor(changes: Partial<ProgrammeFilters>): Record<string, string> {
    return filtersToQuery({ ...filters.value, ...changes });
  }

  function nextPageQuery(): Record<string, string> | undefined {
    if (!next.value) return undefined;
    previousOf.set(next.value, cursor.value ?? FIRST_PAGE);
    return filtersToQuery(filters.value, next.value);
  }

  function previousPageQuery(): Record<string, string> {
    return filtersToQuery(filters.value, previous.value || undefined);
  }

  return {
    filters,
    cursor,
    items,
    next,
    previous,
    onFirstPage,
    csvLink,
    status: page.status,
    error: page.error,
    reload: page.run,
    applyQuery,
    queryFor,
    nextPageQuery,
    previousPageQuery,
  };
});
