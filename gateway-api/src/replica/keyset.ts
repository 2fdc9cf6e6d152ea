// Keyset pagination over a Mango JSON index. Every list the public API serves is one index: its
// fields are `type`, the fields the list filters on by equality, then the sort fields, and the
// query names that index (use_index) and sorts on all of its fields in one direction — what both
// Apache CouchDB and pouchdb-server need to serve it from the index. The next page starts strictly
// after the last item's sort key; the last sort field is unique among items with equal earlier
// fields (usually `_id`), so no item is skipped or repeated between pages.
import { decodeCursor, encodeCursor, type SortKey } from './cursor.ts';
import { useIndex, type ReplicaIndex } from './indexes.ts';

export type SortOrder = 'asc' | 'desc';

export type Selector = Readonly<Record<string, unknown>>;

export interface Listing {
  readonly index: ReplicaIndex;
  /** The documents' `type`, always the index's first field. */
  readonly type: string;
  /** Equality conditions on the index fields between `type` and the sort fields. */
  readonly equal: Readonly<Record<string, string | number>>;
  /** The index's last one or two fields; the last is unique among documents equal on the others. */
  readonly sort: readonly [string] | readonly [string, string];
  readonly order: SortOrder;
  /** Further conditions, checked on the rows the index range yields (never on the whole database). */
  readonly filter?: Selector;
}

export interface MangoQuery {
  readonly selector: Selector;
  readonly sort: readonly Readonly<Record<string, SortOrder>>[];
  readonly use_index: [string, string];
  readonly limit: number;
}

/** What a cursor is bound to: a cursor of one index or order is refused on another. */
export const listingName = (listing: Listing): string => `${listing.index.ddoc}:${listing.order}`;

/** Refuses a listing whose index cannot serve it; a programming error, so it throws plainly. */
export function assertServedByIndex(listing: Listing): void {
  const expected = ['type', ...Object.keys(listing.equal), ...listing.sort];
  const actual = listing.index.fields;
  const sameFields = expected.length === actual.length && expected.every((f, i) => actual[i] === f);
  if (!sameFields) {
    throw new Error(
      `index ${listing.index.ddoc} (${actual.join(', ')}) cannot serve a listing on ${expected.join(', ')}`,
    );
  }
  const reserved = new Set([...expected, '$not']);
  const clash = Object.keys(listing.filter ?? {}).find((f) => reserved.has(f));
  if (clash !== undefined) throw new Error(`listing ${listing.index.ddoc}: filter field ${clash} is an index field`);
}

/** Values at or past a key in the listing's order, and at or before it. */
const atOrPast = (order: SortOrder): '$gte' | '$lte' => (order === 'asc' ? '$gte' : '$lte');
const atOrBefore = (order: SortOrder): '$gte' | '$lte' => (order === 'asc' ? '$lte' : '$gte');

/** Conditions on the sort fields: every value (null is the lowest in CouchDB's collation), or past the cursor. */
function sortSelector(listing: Listing, key: SortKey | undefined): Record<string, unknown> {
  const [first, second] = listing.sort;
  if (key === undefined) {
    return second === undefined ? { [first]: { $gte: null } } : { [first]: { $gte: null }, [second]: { $gte: null } };
  }
  // Inclusive, with the cursor's own item dropped by toPage: pouchdb-find emulates an exclusive
  // start by dropping rows after applying the limit, which would end a page one item short.
  if (second === undefined) return { [first]: { [atOrPast(listing.order)]: key[0] } };
  // (first, second) strictly past (k0, k1): first at or past k0, and not (first at k0 with second not past k1).
  const back = atOrBefore(listing.order);
  return {
    [first]: { [atOrPast(listing.order)]: key[0] },
    [second]: { $gte: null },
    $not: { [first]: { [back]: key[0] }, [second]: { [back]: key[1] } },
  };
}

const cursorKey = (listing: Listing, cursor: string | undefined): SortKey | undefined =>
  cursor === undefined ? undefined : decodeCursor(cursor, listingName(listing), listing.sort.length);

/**
 * The _find request for one page. It asks for one item more than the page, to know whether another
 * follows, and after a cursor on a single sort field one more again: the cursor's own item.
 */
export function pageQuery(listing: Listing, limit: number, cursor?: string): MangoQuery {
  assertServedByIndex(listing);
  const key = cursorKey(listing, cursor);
  const selector = { type: listing.type, ...listing.equal, ...sortSelector(listing, key), ...listing.filter };
  return {
    selector,
    sort: listing.index.fields.map((field) => ({ [field]: listing.order })),
    use_index: useIndex(listing.index.ddoc),
    limit: limit + (key !== undefined && listing.sort.length === 1 ? 2 : 1),
  };
}

/** A field's value by dotted path (index fields may be nested, e.g. record.category). */
export function fieldValue(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function sortKeyOf(doc: unknown, listing: Listing): SortKey {
  return listing.sort.map((field) => {
    const value = fieldValue(doc, field);
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  });
}

export interface Page<T> {
  readonly items: T[];
  readonly next?: string | undefined;
}

const sameKey = (a: SortKey, b: SortKey): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The page of `limit` items out of the documents a pageQuery with the same cursor returned. */
export function toPage<T>(docs: readonly T[], listing: Listing, limit: number, cursor?: string): Page<T> {
  const key = cursorKey(listing, cursor);
  const past = key === undefined ? docs : docs.filter((doc) => !sameKey(sortKeyOf(doc, listing), key));
  const items = past.slice(0, limit);
  const last = items[items.length - 1];
  if (past.length <= limit || last === undefined) return { items };
  return { items, next: encodeCursor(listingName(listing), sortKeyOf(last, listing)) };
}

/** Maps a page's items, keeping its cursor. */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  const items = page.items.map(map);
  return page.next === undefined ? { items } : { items, next: page.next };
}
