// Opaque page cursors for lists read from the replica. CouchDB's _find bookmark is not available on
// every server (pouchdb-server returns none), so a page ends with the sort key of its last item and
// the next page starts after it. The cursor carries which listing it belongs to, so a cursor from
// one list (or one sort order) is refused on another instead of silently skipping items.
import { ApiError } from '../http/api-error.ts';

/** The sort-key values of the last item of a page: strings, numbers or null (CouchDB collation). */
export type SortKey = readonly (string | number | null)[];

interface CursorBody {
  /** Which listing (index and order) the cursor belongs to. */
  readonly l: string;
  readonly k: SortKey;
}

const MAX_CURSOR_LENGTH = 500;

export function encodeCursor(listing: string, key: SortKey): string {
  const body: CursorBody = { l: listing, k: key };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function invalidCursor(reason: string): never {
  throw new ApiError(400, 'INVALID_ARGUMENT', `cursor: ${reason}`, { where: 'query', field: 'cursor' });
}

const isKeyPart = (v: unknown): v is string | number | null =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function parseBody(cursor: string): unknown {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    invalidCursor('not a cursor this API returned');
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return invalidCursor('not a cursor this API returned');
  }
}

/** The sort key a cursor carries; 400 INVALID_ARGUMENT when it is malformed or from another listing. */
export function decodeCursor(cursor: string, listing: string, keyLength: number): SortKey {
  const body = parseBody(cursor) as Partial<CursorBody> | null;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.k) || typeof body.l !== 'string') {
    return invalidCursor('not a cursor this API returned');
  }
  if (body.l !== listing) invalidCursor('this cursor belongs to another list or sort order');
  const key: unknown[] = body.k;
  if (key.length !== keyLength || !key.every(isKeyPart)) invalidCursor('not a cursor this API returned');
  return key;
}
