// Lists read straight from the ledger: the API's {limit, cursor} becomes the chaincode's
// {pageSize, bookmark}, and the chaincode's page becomes {items, next}. The bookmark (a world-state
// key, with NUL separators) travels base64url-encoded, so a cursor is opaque and URL-safe.
import { ApiError } from '../http/api-error.ts';

/** A page as the chaincode's list functions return it (chaincode/src/ledger/indexes.ts). */
export interface LedgerPage<T> {
  readonly records: T[];
  readonly fetchedRecordsCount: number;
  /** Empty when there is no further page. */
  readonly bookmark: string;
}

export interface ApiPage<T> {
  readonly items: T[];
  readonly next?: string;
}

export function encodeCursor(bookmark: string): string {
  return Buffer.from(bookmark, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const bookmark = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encodeCursor(bookmark) !== cursor) {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'cursor: not a cursor this API returned', { where: 'query' });
  }
  return bookmark;
}

/** The chaincode's paging fields for the API's page query. */
export function ledgerPageRequest(query: { readonly limit: number; readonly cursor?: string | undefined }): {
  pageSize: number;
  bookmark: string;
} {
  return { pageSize: query.limit, bookmark: query.cursor === undefined ? '' : decodeCursor(query.cursor) };
}

export function apiPage<T>(page: LedgerPage<T>): ApiPage<T> {
  return page.bookmark === '' ? { items: page.records } : { items: page.records, next: encodeCursor(page.bookmark) };
}
