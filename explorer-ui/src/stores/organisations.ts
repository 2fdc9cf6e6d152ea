// The registry's organisations, read once: pages name holders and proponents by name, and filters offer them.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { api, unwrap } from '../api/client';
import type { Organisation } from '../api/types';
import { useAsync } from '../shared/use-async';

const PAGE = 200;

async function allOrganisations(): Promise<Organisation[]> {
  const all: Organisation[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/organisations', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
    );
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

export const useOrganisationsStore = defineStore('organisations', () => {
  const loader = useAsync(allOrganisations);
  const list = computed(() => loader.data.value ?? []);
  const byId = computed(() => new Map(list.value.map((o) => [o.companyId, o])));
  const loaded = shallowRef<Promise<void>>();

  /** Loads the list the first time only; a failure lets the next caller try again. */
  function ensureLoaded(): Promise<void> {
    if (!loaded.value || loader.status.value === 'error') loaded.value = loader.run();
    return loaded.value;
  }

  const nameOf = (companyId: string): string => byId.value.get(companyId)?.name ?? companyId;
  const developers = computed(() => list.value.filter((o) => o.companyRole === 'ProgrammeDeveloper'));
  // Filters offer organisations by name and filter by company id.
  const asOption = (o: Organisation) => ({ value: o.companyId, label: o.name });
  const options = computed(() => list.value.map(asOption));
  const developerOptions = computed(() => developers.value.map(asOption));

  return {
    list,
    developers,
    options,
    developerOptions,
    status: loader.status,
    error: loader.error,
    ensureLoaded,
    nameOf,
  };
});
