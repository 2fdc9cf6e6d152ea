// What every public route shares: the replica reader, pages of items, 404s in the API's shape, and
// the page query.
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { pageQuery } from '../../http/common-schemas.ts';
import { mapPage, type Listing, type Page } from '../../replica/keyset.ts';
import { ReplicaReader } from '../../replica/replica-reader.ts';
import type { Services } from '../../services.ts';

export const replicaOf = (services: Services): ReplicaReader => new ReplicaReader(services.couch.replica);

/** One page of a listing, each document shown as the route's item. */
// D names the listing's document type (its selector picks one), as page<D> did at each route.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export async function itemPage<D, I>(
  services: Services,
  listing: Listing,
  query: { readonly limit: number; readonly cursor?: string | undefined },
  itemOf: (doc: D) => I,
): Promise<Page<I>> {
  const found = await replicaOf(services).page<D>(listing, query.limit, query.cursor);
  return mapPage(found, itemOf);
}

export function notFound(what: string, id: string | number): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${what} ${String(id)} not found`, { [what]: id });
}

/** The document by id, or 404 NOT_FOUND naming what was looked for. */
export async function requireDocument<T>(
  services: Services,
  id: string,
  what: string,
  naturalId: string | number,
): Promise<T> {
  const doc = await replicaOf(services).get<T>(id);
  if (doc === undefined) throw notFound(what, naturalId);
  return doc;
}

/** limit (1–200) and cursor; unknown query parameters are refused, so a misspelt filter is not silently ignored. */
export const pageOnly = z.strictObject(pageQuery.shape);

export const FROM_REPLICA =
  'Served from the query replica, which follows committed blocks (see /statistics for how far it has replicated).';
