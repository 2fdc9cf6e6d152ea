// What the public API answers about the registry as a whole: organisations (public fields only),
// transactions, ledger blocks and the statistics — zod schemas, pure mappings from replica
// documents, and their CSV tables.
import { z } from 'zod';
import type { Organisation } from '../../../../chaincode/src/domain/organisation.ts';
import type { CsvTable } from '../../http/csv.ts';
import type { LedgerBlockDocument, OrganisationDocument, TransactionDocument } from '../../replica/documents.ts';
import type { Page } from '../../replica/keyset.ts';
import { withoutSubjects } from '../../replica/public-view.ts';

export const organisationItem = z.object({
  companyId: z.string(),
  name: z.string(),
  companyRole: z.string(),
  state: z.string(),
  country: z.string(),
  hostMspId: z.string(),
  contact: z
    .object({ email: z.string(), website: z.string().optional(), address: z.string() })
    .describe('the organisation’s public contact (not a person’s)'),
  registeredAt: z.string(),
});

export type OrganisationItem = z.infer<typeof organisationItem>;

export function organisationItemOf(doc: OrganisationDocument): OrganisationItem {
  const record = doc.record as unknown as Organisation;
  const { email, website, address } = record.contact;
  return {
    companyId: doc.companyId,
    name: doc.name,
    companyRole: doc.companyRole,
    state: doc.state,
    country: doc.country,
    hostMspId: doc.hostMspId,
    contact: website === undefined ? { email, address } : { email, website, address },
    registeredAt: record.created.at,
  };
}

export const organisationDetail = organisationItem.extend({
  stateHistory: z.array(
    z.object({
      state: z.string(),
      action: z.string(),
      at: z.string(),
      txId: z.string(),
      reason: z.string().optional(),
    }),
  ),
});

export function organisationDetailOf(doc: OrganisationDocument): z.infer<typeof organisationDetail> {
  const record = doc.record as unknown as Organisation;
  return {
    ...organisationItemOf(doc),
    stateHistory: record.stateHistory.map(({ state, action, at, txId, reason }) =>
      reason === undefined ? { state, action, at, txId } : { state, action, at, txId, reason },
    ),
  };
}

export const transactionItem = z.object({
  txId: z.string(),
  block: z.number().int(),
  index: z.number().int().describe('position in its block'),
  timestamp: z.string().nullable(),
  headerType: z.string().describe('ENDORSER_TRANSACTION, CONFIG, …'),
  mspId: z.string().nullable(),
  userId: z.string().nullable().describe('the signer’s registry user id (a hash of its certificate identity)'),
  function: z.string().nullable(),
  event: z.object({ name: z.string(), payload: z.unknown() }).nullable(),
  endorsers: z.array(z.string()).describe('MSP ids of the organisations whose peers endorsed it'),
  validationCode: z.string(),
  valid: z.boolean(),
  records: z.array(z.string()).describe('ids of the records it wrote'),
});

export type TransactionItem = z.infer<typeof transactionItem>;

export function transactionItemOf(doc: TransactionDocument): TransactionItem {
  return {
    txId: doc.txId,
    block: doc.block,
    index: doc.index,
    timestamp: doc.timestamp,
    headerType: doc.headerType,
    mspId: doc.mspId,
    userId: doc.creator?.userId ?? null,
    function: doc.function,
    event: doc.event === null ? null : { name: doc.event.name, payload: withoutSubjects(doc.event.payload) },
    endorsers: [...doc.endorsers],
    validationCode: doc.validationCode,
    valid: doc.valid,
    records: [...doc.records],
  };
}

export const ledgerBlockItem = z.object({
  number: z.number().int(),
  dataHash: z.string().describe('hex'),
  previousHash: z.string().describe('hex; empty for block 0'),
  txCount: z.number().int(),
  timestamp: z.string().nullable().describe('its first transaction’s timestamp'),
  txIds: z.array(z.string()),
});

export type LedgerBlockItem = z.infer<typeof ledgerBlockItem>;

export function ledgerBlockItemOf(doc: LedgerBlockDocument): LedgerBlockItem {
  return {
    number: doc.number,
    dataHash: doc.dataHash,
    previousHash: doc.previousHash,
    txCount: doc.txCount,
    timestamp: doc.timestamp,
    txIds: [...doc.txIds],
  };
}

const counts = z.record(z.string(), z.number().int());
const creditFlow = z.object({
  count: z.number().int().describe('number of acts'),
  total: z.number().int().describe('units (tCO2e)'),
  byYear: counts,
  bySector: counts,
  byVintage: counts,
});

export const statisticsAnswer = z.object({
  replicatedHeight: z.number().int().describe('blocks replicated (the last one is replicatedHeight − 1)'),
  statistics: z.object({
    credits: z.object({ issued: creditFlow, transferred: creditFlow, retired: creditFlow, cancelled: creditFlow }),
    unitsByBlockState: counts,
    programmes: z.object({ total: z.number().int(), byState: counts, bySector: counts }),
    organisations: z.object({ total: z.number().int(), byRole: counts, byState: counts }),
  }),
});

export function organisationsCsv(page: Page<OrganisationItem>): CsvTable {
  const columns = ['companyId', 'name', 'companyRole', 'state', 'country', 'hostMspId'] as const;
  return {
    filename: 'organisations',
    columns: [...columns, 'email', 'website', 'address', 'registeredAt'],
    rows: page.items.map((o) => [
      ...columns.map((c) => o[c]),
      o.contact.email,
      o.contact.website,
      o.contact.address,
      o.registeredAt,
    ]),
  };
}

export function transactionsCsv(page: Page<TransactionItem>): CsvTable {
  const columns = ['txId', 'block', 'index', 'timestamp', 'headerType', 'mspId', 'userId', 'function'] as const;
  return {
    filename: 'transactions',
    columns: [...columns, 'event', 'validationCode', 'valid', 'records'],
    rows: page.items.map((t) => [
      ...columns.map((c) => t[c]),
      t.event?.name,
      t.validationCode,
      t.valid,
      t.records.join(' '),
    ]),
  };
}

export function ledgerBlocksCsv(page: Page<LedgerBlockItem>): CsvTable {
  const columns = ['number', 'dataHash', 'previousHash', 'txCount', 'timestamp'] as const;
  return {
    filename: 'ledger-blocks',
    columns: [...columns, 'txIds'],
    rows: page.items.map((b) => [...columns.map((c) => b[c]), b.txIds.join(' ')]),
  };
}
