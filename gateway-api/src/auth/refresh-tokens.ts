// Refresh tokens: opaque, stored as a hash with their owner and expiry, good for one use. Each
// refresh answers a new token and retires the one presented; a retired token presented again
// means it was copied, so every refresh token of that person is revoked.
import type { DocumentScope } from 'nano';
import { getOptional, isConflict } from '../store/couch.ts';
import { newOpaqueToken, parseOpaqueToken, secretMatches } from './opaque-tokens.ts';

const KIND = 'rt';
const INDEX = ['refresh-tokens', 'by-user'] as [string, string];

interface RefreshTokenRecord {
  readonly docType: 'refreshToken';
  readonly userId: string;
  readonly secretHash: string;
  readonly created: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  readonly revokedAt?: string;
}

export class InvalidRefreshTokenError extends Error {
  constructor() {
    super('the refresh token is not valid');
    this.name = 'InvalidRefreshTokenError';
  }
}

type Db = DocumentScope<Record<string, unknown>>;
const docId = (id: string): string => `refresh:${id}`;

export class RefreshTokens {
  constructor(
    private readonly db: Db,
    readonly ttlSeconds: number,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.db.createIndex({ index: { fields: ['docType', 'userId'] }, ddoc: INDEX[0], name: INDEX[1] });
  }

  async issue(userId: string, now: Date = new Date()): Promise<string> {
    const { token, id, secretHash } = newOpaqueToken(KIND);
    const record: RefreshTokenRecord = {
      docType: 'refreshToken',
      userId,
      secretHash,
      created: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000).toISOString(),
    };
    await this.db.insert({ _id: docId(id), ...record });
    return token;
  }

  /** Retires the token and answers its owner with a new one; throws InvalidRefreshTokenError. */
  async rotate(token: string, now: Date = new Date()): Promise<{ userId: string; token: string }> {
    const { id, record } = await this.#find(token);
    if (record.usedAt !== undefined) {
      await this.revokeAllOf(record.userId, now);
      throw new InvalidRefreshTokenError();
    }
    if (record.revokedAt !== undefined || Date.parse(record.expiresAt) <= now.getTime()) {
      throw new InvalidRefreshTokenError();
    }
    try {
      await this.db.insert({ _id: docId(id), ...record, usedAt: now.toISOString() });
    } catch (err) {
      // Another request rotated the same token a moment ago: only one of them may.
      if (isConflict(err)) throw new InvalidRefreshTokenError();
      throw err;
    }
    return { userId: record.userId, token: await this.issue(record.userId, now) };
  }

  /** Log-out: the token can no longer be used. Unknown tokens are ignored. */
  async revoke(token: string, now: Date = new Date()): Promise<void> {
    let found: { id: string; record: RefreshTokenRecord & { _rev: string } };
    try {
      found = await this.#find(token);
    } catch (err) {
      if (err instanceof InvalidRefreshTokenError) return;
      throw err;
    }
    if (found.record.revokedAt !== undefined) return;
    await this.#markRevoked(found.id, found.record, now);
  }

  /** Every refresh token of the person (suspension, stolen token). */
  async revokeAllOf(userId: string, now: Date = new Date()): Promise<void> {
    const { docs } = await this.db.find({
      selector: { docType: 'refreshToken', userId },
      use_index: INDEX,
      limit: 10_000,
    });
    for (const doc of docs) {
      const record = doc as unknown as RefreshTokenRecord & { _id: string; _rev: string };
      if (record.revokedAt === undefined) await this.#markRevoked(record._id.slice('refresh:'.length), record, now);
    }
  }

  async #markRevoked(id: string, record: RefreshTokenRecord & { _rev: string }, now: Date): Promise<void> {
    try {
      await this.db.insert({ _id: docId(id), ...record, revokedAt: now.toISOString() });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const latest = await getOptional<RefreshTokenRecord>(this.db, docId(id));
      if (latest && latest.revokedAt === undefined) await this.#markRevoked(id, latest, now);
    }
  }

  async #find(token: string): Promise<{ id: string; record: RefreshTokenRecord & { _rev: string } }> {
    const parsed = parseOpaqueToken(KIND, token);
    if (!parsed) throw new InvalidRefreshTokenError();
    const record = await getOptional<RefreshTokenRecord>(this.db, docId(parsed.id));
    if (!record || !secretMatches(parsed.secret, record.secretHash)) throw new InvalidRefreshTokenError();
    return { id: parsed.id, record };
  }
}
