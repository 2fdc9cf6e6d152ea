// Reads the query replica for the public API: pages of a listing, one document by id, the first
// document of a query, a record's history (view), and _explain to check which index serves a
// query. A replica that cannot be reached is a 503, not a 500.
import type { DocumentScope, MangoQuery as NanoMangoQuery } from 'nano';
import { ApiError } from '../http/api-error.ts';
import { HISTORY_VIEW, historyPage, historyViewQuery, type HistoryRow } from './history-view.ts';
import { pageQuery, toPage, type Listing, type MangoQuery, type Page } from './keyset.ts';

type Db = DocumentScope<Record<string, unknown>>;

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number }).statusCode;

function unavailable(err: unknown): never {
  if (statusOf(err) === undefined) {
    throw new ApiError(503, 'REPLICA_UNAVAILABLE', 'the query replica cannot be reached; try again shortly');
  }
  throw err;
}

/** Which index the server says serves a query (`_explain`). */
export interface ExplainedIndex {
  readonly ddoc: string | null;
  readonly name: string;
}

export class ReplicaReader {
  constructor(private readonly db: Db) {}

  async page<T>(listing: Listing, limit: number, cursor?: string): Promise<Page<T>> {
    const query = pageQuery(listing, limit, cursor);
    const docs = await this.find<T>(query);
    return toPage(docs, listing, limit, cursor);
  }

  async find<T>(query: MangoQuery): Promise<T[]> {
    try {
      const result = await this.db.find(query as unknown as NanoMangoQuery);
      return result.docs as unknown as T[];
    } catch (err) {
      return unavailable(err);
    }
  }

  async first<T>(query: MangoQuery): Promise<T | undefined> {
    return (await this.find<T>(query))[0];
  }

  /** The document, or undefined when there is none (or it was deleted). */
  async get<T>(id: string): Promise<T | undefined> {
    try {
      return (await this.db.get(id)) as unknown as T;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      return unavailable(err);
    }
  }

  /** A record's writing transactions, latest first. */
  async history<T>(recordId: string, limit: number, cursor?: string): Promise<Page<T>> {
    const query = historyViewQuery(recordId, limit, cursor);
    try {
      const result = await this.db.view(HISTORY_VIEW.ddoc, HISTORY_VIEW.view, query);
      return historyPage(result.rows as unknown as HistoryRow<T>[], limit, cursor);
    } catch (err) {
      return unavailable(err);
    }
  }

  async explain(query: MangoQuery): Promise<ExplainedIndex> {
    const answer = (await this.db.server.request({
      db: this.db.config.db,
      method: 'POST',
      path: '_explain',
      body: query,
    })) as { index?: { ddoc?: string | null; name?: string } };
    return { ddoc: answer.index?.ddoc ?? null, name: answer.index?.name ?? '' };
  }
}
