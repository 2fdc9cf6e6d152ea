// Runs one write of the portal and keeps what the page shows about it: running, the committed transaction, or the
// error. A second press while the first is running is ignored, so a double click never submits twice.
import { computed, ref, shallowRef } from 'vue';

export type ActionStatus = 'idle' | 'running' | 'done' | 'failed';

/** Every write of the gateway answers the id of the transaction the ledger committed. */
export interface Committed {
  transactionId: string;
}

export function useAction<A extends unknown[], R extends Committed>(act: (...args: A) => Promise<R>) {
  const status = ref<ActionStatus>('idle');
  const result = shallowRef<R>();
  const error = shallowRef<unknown>();
  const running = computed(() => status.value === 'running');

  async function run(...args: A): Promise<R | undefined> {
    if (status.value === 'running') return undefined;
    status.value = 'running';
    error.value = undefined;
    result.value = undefined;
    try {
      result.value = await act(...args);
      status.value = 'done';
      return result.value;
    } catch (caught) {
      error.value = caught;
      status.value = 'failed';
      return undefined;
    }
  }

  function reset(): void {
    status.value = 'idle';
    result.value = undefined;
    error.value = undefined;
  }

  return { status, result, error, running, run, reset };
}

export type Action<A extends unknown[], R extends Committed> = ReturnType<typeof useAction<A, R>>;
