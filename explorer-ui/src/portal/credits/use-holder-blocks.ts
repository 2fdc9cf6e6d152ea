// The blocks a form may act on: every block one holder has in the given states, all pages. Forms name a block by
// its serial, so a block split since it was listed is refused by the ledger (NOT_FOUND) rather than replaced.
import { computed, watch } from 'vue';
import { api, unwrap } from '../../api/client';
import type { BlockState, CreditBlock } from '../../api/types';
import { useAsync } from '../../shared/use-async';

const PAGE = 200;

async function allBlocks(holder: string, state: BlockState): Promise<CreditBlock[]> {
  const all: CreditBlock[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/credit-blocks', { params: { query: { holder, state, limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
    );
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

export function useHolderBlocks(holder: () => string | undefined, states: readonly BlockState[]) {
  const loader = useAsync(async () => {
    const company = holder();
    if (!company) return [];
    const lists = await Promise.all(states.map((state) => allBlocks(company, state)));
    return lists.flat();
  });
  watch(holder, () => void loader.run(), { immediate: true });

  const blocks = computed(() => loader.data.value ?? []);
  const bySerial = (serial: string | undefined) => blocks.value.find((b) => b.serial === serial);
  return { blocks, bySerial, status: loader.status, error: loader.error, reload: loader.run };
}
