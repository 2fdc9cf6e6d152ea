// API keys for MRV systems and integrations: "sk_<id>_<secret>", shown once, stored as the hash of
// the secret. A key acts as the Admin who created it, within their organisation and, when the key
// names one, a single programme; it can be revoked at any time.
import type { DocumentScope } from 'nano';
import { ApiError } from '../http/api-error.ts';
import { getOptional, isConflict } from '../store/couch.ts';
import { newOpaqueToken, parseOpaqueToken, secretMatches } from './opaque-tokens.ts';

const KIND = 'sk';
const INDEX = ['api-keys', 'by-company'] as [string, string];

export interface ApiKeyRecord {
  readonly docType: 'apiKey';
  readonly keyId: string;
  readonly secretHash: string;
  readonly companyId: string;
  /** The programme (externalId) the key is limited to, if any. */
  readonly programmeId?: string;
  /** The person the key acts as. */
  readonly ownerUserId: string;
  readonly label: string;
  readonly created: string;
  readonly revokedAt?: string;
}

/** What is shown about a key: everything but its secret's hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'docType' | 'secretHash'>;

export function viewOf(record: ApiKeyRecord): ApiKeyView {
  const { docType: _docType, secretHash: _secretHash, ...view } = record;
  return view;
}

type Db = DocumentScope<Record<string, unknown>>;
const docId = (keyId: string): string => `apikey:${keyId}`;

export interface NewApiKey {
  readonly companyId: string;
  readonly ownerUserId: string;
  readonly label: string;
  readonly programmeId?: string;
}

export class ApiKeys {
  constructor(private readonly db: Db) {}

  async ensureIndexes(): Promise<void> {
    await this.db.createIndex({ index: { fields: ['docType', 'companyId'] }, ddoc: INDEX[0], name: INDEX[1] });
  }

  /** Creates a key; the answer's `apiKey` is the only time the secret is seen. */
  async create(key: NewApiKey, now: Date = new Date()): Promise<{ apiKey: string; record: ApiKeyRecord }> {
    const { token, id, secretHash } = newOpaqueToken(KIND);
    const record: ApiKeyRecord = { docType: 'apiKey', keyId: id, secretHash, ...key, created: now.toISOString() };
    await this.db.insert({ _id: docId(id), ...record });
    return { apiKey: token, record };
  }

  /** The record of a presented key, or undefined when it is unknown, wrong or revoked. */
  async verify(apiKey: string): Promise<ApiKeyRecord | undefined> {
    const parsed = parseOpaqueToken(KIND, apiKey);
    if (!parsed) return undefined;
    const record = await getOptional<ApiKeyRecord>(this.db, docId(parsed.id));
    if (!record || record.revokedAt !== undefined || !secretMatches(parsed.secret, record.secretHash)) return undefined;
    return record;
  }

  async list(companyId: string): Promise<ApiKeyRecord[]> {
    const { docs } = await this.db.find({
      selector: { docType: 'apiKey', companyId },
      use_index: INDEX,
      limit: 10_000,
    });
    return (docs as unknown as ApiKeyRecord[])
      .map((d) => stripCouch(d))
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Revokes a key of the company; 404 for another company's key, so their ids are not confirmed. */
  async revoke(keyId: string, companyId: string, now: Date = new Date()): Promise<ApiKeyRecord> {
    for (;;) {
      const doc = await getOptional<ApiKeyRecord>(this.db, docId(keyId));
      if (doc?.companyId !== companyId) throw new ApiError(404, 'NOT_FOUND', `no API key ${keyId}`, { keyId });
      const record = stripCouch(doc);
      if (record.revokedAt !== undefined) return record;
      const revoked: ApiKeyRecord = { ...record, revokedAt: now.toISOString() };
      try {
        await this.db.insert({ _id: docId(keyId), _rev: doc._rev, ...revoked });
        return revoked;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
  }
}

function stripCouch(doc: ApiKeyRecord & { _id?: string; _rev?: string }): ApiKeyRecord {
  const { _id, _rev, ...record } = doc;
  return record;
}
