// The part of nano's DocumentScope the accounts stores use, in memory, with CouchDB's revision
// rules: a write must name the live document's current revision (409 otherwise), and _find
// matches selectors of plain equalities.
import type { DocumentScope } from 'nano';

class CouchError extends Error {
  constructor(readonly statusCode: number) {
    super(`couch ${String(statusCode)}`);
  }
}

type Doc = Record<string, unknown> & { _id: string; _rev: string };

export class MemoryDb {
  readonly docs = new Map<string, Doc>();
  readonly indexes: string[] = [];
  #revision = 0;

  insert(doc: Record<string, unknown>): Promise<{ id: string; rev: string }> {
    const id = doc._id as string;
    const existing = this.docs.get(id);
    if ((existing?._rev ?? undefined) !== (doc._rev as string | undefined)) return Promise.reject(new CouchError(409));
    const rev = `${String(++this.#revision)}-x`;
    this.docs.set(id, structuredClone({ ...doc, _id: id, _rev: rev }));
    return Promise.resolve({ id, rev });
  }

  get(id: string): Promise<Doc> {
    const doc = this.docs.get(id);
    return doc ? Promise.resolve(structuredClone(doc)) : Promise.reject(new CouchError(404));
  }

  destroy(id: string, rev: string): Promise<unknown> {
    const doc = this.docs.get(id);
    if (!doc) return Promise.reject(new CouchError(404));
    if (doc._rev !== rev) return Promise.reject(new CouchError(409));
    this.docs.delete(id);
    return Promise.resolve({ ok: true });
  }

  find(query: { selector: Record<string, unknown> }): Promise<{ docs: Doc[] }> {
    const docs = [...this.docs.values()].filter((d) => Object.entries(query.selector).every(([k, v]) => d[k] === v));
    return Promise.resolve({ docs: structuredClone(docs) });
  }

  createIndex(definition: { ddoc: string; name: string }): Promise<unknown> {
    this.indexes.push(`${definition.ddoc}/${definition.name}`);
    return Promise.resolve({ result: 'created' });
  }

  asScope(): DocumentScope<Record<string, unknown>> {
    return this as unknown as DocumentScope<Record<string, unknown>>;
  }
}
