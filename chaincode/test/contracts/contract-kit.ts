// Shared steps of the contract tests: a write and its one event, a refusal that leaves the ledger untouched, paging.
import { expect } from 'chai';
import type { Context } from 'fabric-contract-api';
import { identityFromCertificate, userIdOf } from '../../src/domain/identity';
import type { CompanyRole, Organisation } from '../../src/domain/organisation';
import type { Programme } from '../../src/domain/programme';
import type { User } from '../../src/domain/user';
import type { FakeCaller, FakeLedger } from '../support/fake-ledger';
import { organisationInput, person } from '../support/inputs';
import { contracts, newIdentity } from '../support/registry-fixture';
import { rejection, type ErrorBody } from '../support/rejection';

export type Call = (ctx: Context) => Promise<string>;

export interface LedgerEvent {
  readonly txId: string;
  readonly name: string;
  readonly payload: unknown;
}

export interface Written<T> {
  readonly result: T;
  readonly event: LedgerEvent;
}

export const json = (value: unknown): string => JSON.stringify(value);

export const REASON = 'as decided by the registry';

/** A world-state key built the way the chaincode's createCompositeKey builds it. */
export function key(prefix: string, ...attributes: string[]): string {
  return `\u0000${prefix}\u0000${attributes.map((a) => `${a}\u0000`).join('')}`;
}

export function stored(ledger: FakeLedger, stateKey: string): unknown {
  const bytes = ledger.state.get(stateKey);
  return bytes === undefined ? undefined : (JSON.parse(bytes.toString('utf8')) as unknown);
}

function storedRecord(ledger: FakeLedger, prefix: string, id: string): unknown {
  const record = stored(ledger, key(prefix, id));
  if (record === undefined) throw new Error(`no ${prefix} ${id} in world state`);
  return record;
}

export const storedOrganisation = (ledger: FakeLedger, companyId: string): Organisation =>
  storedRecord(ledger, 'organisation', companyId) as Organisation;
export const storedUser = (ledger: FakeLedger, userId: string): User => storedRecord(ledger, 'user', userId) as User;
export const storedProgramme = (ledger: FakeLedger, externalId: string): Programme =>
  storedRecord(ledger, 'programme', externalId) as Programme;

export function hasKey(ledger: FakeLedger, prefix: string, ...attributes: string[]): boolean {
  return ledger.state.has(key(prefix, ...attributes));
}

/** A successful write: returns its parsed result and the one event it must have emitted. */
export async function write<T>(ledger: FakeLedger, caller: FakeCaller, call: Call): Promise<Written<T>> {
  const eventsBefore = ledger.events.length;
  const result = JSON.parse(await ledger.invoke(caller, call)) as T;
  expect(ledger.events, 'exactly one new event').to.have.length(eventsBefore + 1);
  const event = ledger.events[eventsBefore];
  if (event === undefined) throw new Error('no event');
  return { result, event };
}

/** A read: parses the answer and proves the query left world state and events alone. */
export async function query<T>(ledger: FakeLedger, caller: FakeCaller, call: Call): Promise<T> {
  const snapshot = ledger.snapshot();
  const eventsBefore = ledger.events.length;
  const result = JSON.parse(await ledger.invoke(caller, call)) as T;
  expect(ledger.snapshot()).to.equal(snapshot);
  expect(ledger.events).to.have.length(eventsBefore);
  return result;
}

/** A call that must fail with `code` and change neither world state, key policies nor events. */
export async function refused(ledger: FakeLedger, caller: FakeCaller, call: Call, code: string): Promise<ErrorBody> {
  const snapshot = ledger.snapshot();
  const eventsBefore = ledger.events.length;
  const body = await rejection(ledger.invoke(caller, call));
  expect(body.code, body.message).to.equal(code);
  expect(ledger.snapshot(), 'world state unchanged').to.equal(snapshot);
  expect(ledger.events).to.have.length(eventsBefore);
  return body;
}

export const subjectOf = (caller: FakeCaller): string => identityFromCertificate(caller.certificate).subject;

/** The actor a stamp names when `caller`, a user of `companyId`, signs a change. */
export const actorOf = (caller: FakeCaller, companyId: string) => ({
  mspId: caller.mspId,
  subject: subjectOf(caller),
  companyId,
});

/** Has the government register a new Active organisation; returns its first Admin. */
export async function registerCompany(
  ledger: FakeLedger,
  gov: FakeCaller,
  companyId: string,
  companyRole: CompanyRole,
  mspId: string,
): Promise<FakeCaller> {
  const admin = await newIdentity(mspId);
  const organisation = organisationInput(companyId, companyRole, mspId);
  const firstAdmin = { certificate: admin.certificate, ...person(`${companyId} Admin`) };
  await write(ledger, gov, (ctx) =>
    contracts.organisation.RegisterOrganisation(ctx, json({ organisation, firstAdmin })),
  );
  return admin;
}

export function userIdOfCaller(caller: FakeCaller): string {
  const { subject, issuer } = identityFromCertificate(caller.certificate);
  return userIdOf({ mspId: caller.mspId, subject, issuer });
}

interface Page {
  readonly records: Readonly<Record<string, unknown>>[];
  readonly bookmark: string;
}

/** Follows bookmarks with pages of 2 until the bookmark is empty; returns each page's `idField` values. */
export async function pageThrough(
  ledger: FakeLedger,
  caller: FakeCaller,
  list: (bookmark: string) => Call,
  idField: 'companyId' | 'userId' | 'externalId',
): Promise<string[][]> {
  const pages: string[][] = [];
  let bookmark = '';
  do {
    const page = await query<Page>(ledger, caller, list(bookmark));
    expect(page.records.length).to.be.at.most(2);
    pages.push(page.records.map((record) => String(record[idField])));
    bookmark = page.bookmark;
  } while (bookmark !== '' && pages.length < 100);
  expect(bookmark, 'paging ends with an empty bookmark').to.equal('');
  return pages;
}

export interface Version<T> {
  readonly txId: string;
  readonly timestamp: string;
  readonly isDelete: boolean;
  readonly record?: T;
}

interface Stamped {
  readonly updated: { readonly txId: string; readonly by: { readonly subject: string } };
}

/** Each version's txId and signer, after checking that the record's own stamp names that transaction. */
export function signers(versions: readonly Version<Stamped>[]): { txId: string; subject: string }[] {
  return versions.map((v) => {
    if (v.record === undefined) throw new Error(`version ${v.txId} has no record`);
    expect(v.isDelete).to.equal(false);
    expect(v.record.updated.txId).to.equal(v.txId);
    return { txId: v.txId, subject: v.record.updated.by.subject };
  });
}
