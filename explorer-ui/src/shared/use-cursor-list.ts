// A list read page after page with the API's cursor, for sections that show "load more" rather than pages.
import { computed, shallowRef } from 'vue';
import { useAsync } from './use-async';

export interface CursorPage<T> {
  items: T[];
  next?: string;
}

export function useCursorList<T>(loadPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const items = shallowRef<T[]>([]);
  const next = shallowRef<string>();
  let cursor: string | undefined;

  const loader = useAsync(async () => {
    const page = await loadPage(cursor);
    items.value = cursor ? [...items.value, ...page.items] : page.items;
    next.value = page.next;
  });

  /** From the first page again (a new query). */
  function reload(): Promise<void> {
    cursor = undefined;
    return loader.run();
  }
  function loadMore(): Promise<void> {
    cursor = next.value;
    return loader.run();
  }
  /** A failed "load more" keeps what was shown and retries the same page. */
  const retry = (): Promise<void> => loader.run();

  return {
    items,
    next,
    status: loader.status,
    error: loader.error,
    firstLoad: computed(() => cursor === undefined),
    reload,
    loadMore,
    retry,
  };
}
