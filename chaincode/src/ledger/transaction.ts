// Glue between a Fabric transaction context and the registry's pure domain: who is calling, the
// transaction's own timestamp (never the clock, so every peer computes the same), and
// deterministic reads and writes of JSON records.
import type { Context } from 'fabric-contract-api';
import type { Iterators } from 'fabric-shim-api';
import { canonicalJson, type Json } from '../domain/canonical-json';
import { parseIdentityId, type CallerIdentity } from '../domain/identity';
import type { Actor, Stamp } from '../domain/stamp';
import { validate } from '../domain/validation';
import { ErrorCode, RegistryError } from '../errors';
import type { KeyPrefix } from './keys';
import type { z } from 'zod';

export function callerOf(ctx: Context): CallerIdentity {
  return parseIdentityId(ctx.clientIdentity.getMSPID(), ctx.clientIdentity.getID());
}

/** The transaction timestamp as an ISO 8601 string, identical on every endorsing peer. */
export function txTimestamp(ctx: Context): string {
  return ctx.stub.getDateTimestamp().toISOString();
}

export function stampOf(ctx: Context, by: Actor): Stamp {
  return { at: txTimestamp(ctx), txId: ctx.stub.getTxID(), by };
}

export function stateKey(ctx: Context, prefix: KeyPrefix, ...attributes: string[]): string {
  return ctx.stub.createCompositeKey(prefix, attributes);
}

export async function readRecord<T>(ctx: Context, key: string): Promise<T | undefined> {
  const bytes = await ctx.stub.getState(key);
  if (bytes.length === 0) return undefined;
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}

export async function readExisting<T>(ctx: Context, key: string, what: string, id: string): Promise<T> {
  const record = await readRecord<T>(ctx, key);
  if (record === undefined) throw new RegistryError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });
  return record;
}

export async function writeRecord(ctx: Context, key: string, record: object): Promise<void> {
  await ctx.stub.putState(key, Buffer.from(canonicalJson(record as Json), 'utf8'));
}

/** Each transaction emits exactly one event naming what changed, for the query replica. */
export function emitEvent(ctx: Context, name: string, payload: object): void {
  ctx.stub.setEvent(name, Buffer.from(canonicalJson(payload as Json), 'utf8'));
}

/** Parses a transaction's single JSON argument; bad JSON is an INVALID_ARGUMENT, not a crash. */
export function parseJsonArgument(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RegistryError(ErrorCode.INVALID_ARGUMENT, `${name} is not valid JSON`, { argument: name });
  }
}

/** Parses and validates a transaction's JSON argument, naming every bad field in one error. */
export function parseInput<S extends z.ZodType>(schema: S, text: string, name: string): z.infer<S> {
  const checked = validate(schema, parseJsonArgument(text, name));
  if (!checked.ok) {
    throw new RegistryError(ErrorCode.INVALID_ARGUMENT, checked.problems.join('; '), { problems: checked.problems });
  }
  return checked.value;
}

/** Every value of a state iterator as JSON records, in key order; closes the iterator. */
export async function readAllRecords<T>(iterator: Iterators.StateQueryIterator): Promise<T[]> {
  const records: T[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      records.push(JSON.parse(Buffer.from(next.value.value).toString('utf8')) as T);
    }
  } finally {
    await iterator.close();
  }
  return records;
}
