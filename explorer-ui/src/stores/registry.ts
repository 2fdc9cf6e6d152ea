// The registry's own record: the header names the country it serves.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { api, unwrap } from '../api/client';
import { useAsync } from '../shared/use-async';

export const useRegistryStore = defineStore('registry', () => {
  const loader = useAsync(() => unwrap(api.GET('/registry')));
  const loaded = shallowRef<Promise<void>>();
  const country = computed(() => {
    const value = loader.data.value?.country;
    return typeof value === 'string' ? value : undefined;
  });
  function ensureLoaded(): Promise<void> {
    loaded.value ??= loader.run();
    return loaded.value;
  }
  return { country, status: loader.status, ensureLoaded };
});
