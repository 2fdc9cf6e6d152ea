// Loads something for a page and says where it is (loading, ready, failed). Only the latest run may set the result,
// so a slow answer to an old query never overwrites the answer to the new one.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AsyncValue<T> {
  data: ShallowRef<T | undefined>;
  error: ShallowRef<unknown>;
  status: Ref<LoadStatus>;
  run: () => Promise<void>;
}

export function useAsync<T>(load: () => Promise<T>): AsyncValue<T> {
  const data = shallowRef<T>();
  const error = shallowRef<unknown>();
  const status = ref<LoadStatus>('idle');
  let latest = 0;

  async function run(): Promise<void> {
    const ticket = ++latest;
    status.value = 'loading';
    error.value = undefined;
    try {
      const value = await load();
      if (ticket !== latest) return;
      data.value = value;
      status.value = 'ready';
    } catch (caught) {
      if (ticket !== latest) return;
      error.value = caught;
      status.value = 'error';
    }
  }

  return { data, error, status, run };
}
