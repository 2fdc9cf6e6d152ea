// The CouchDB-protocol server (the embedded pouchdb-server locally, Apache CouchDB in
// production) through nano. Only what both servers support is used: JSON documents with _rev in
// the body, _bulk_docs, _find with use_index naming the design document, _index.
import nano, { type DocumentScope, type ServerScope } from 'nano';

export interface Couch {
  readonly server: ServerScope;
  /** Documents replicated from the ledger (public reads). */
  readonly replica: DocumentScope<Record<string, unknown>>;
  /** The gateway's own accounts: log-ins, encrypted keys, API keys. Never public. */
  readonly accounts: DocumentScope<Record<string, unknown>>;
  readonly names: { readonly replica: string; readonly accounts: string };
}

export function openCouch(url: string, prefix: string): Couch {
  const server = nano(url);
  const names = { replica: `${prefix}_replica`, accounts: `${prefix}_accounts` };
  return { server, replica: server.use(names.replica), accounts: server.use(names.accounts), names };
}

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number }).statusCode;

/** Creates the databases that do not exist yet. */
export async function ensureDatabases(couch: Couch): Promise<void> {
  for (const name of Object.values(couch.names)) {
    try {
      await couch.server.db.create(name);
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
    }
  }
}

/** The document, or undefined when there is none. */
export async function getOptional<T>(
  db: DocumentScope<Record<string, unknown>>,
  id: string,
): Promise<(T & { _rev: string }) | undefined> {
  try {
    return (await db.get(id)) as unknown as T & { _rev: string };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export const isConflict = (err: unknown): boolean => statusOf(err) === 409;
