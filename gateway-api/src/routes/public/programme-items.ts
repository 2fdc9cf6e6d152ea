// What the public API answers about programmes: list items, one programme with its documents,
// monitoring rounds, issuances and the transactions that wrote it — as zod schemas (for the
// OpenAPI document) and the pure mappings from replica documents to them, with their CSV tables.
import { z } from 'zod';
import type { DocumentReference } from '../../../../chaincode/src/domain/document.ts';
import type { MonitoringRound } from '../../../../chaincode/src/domain/monitoring.ts';
import type { Programme } from '../../../../chaincode/src/domain/programme.ts';
import type { CsvTable } from '../../http/csv.ts';
import type {
  IssuanceDocument,
  MonitoringRoundDocument,
  ProgrammeDocument,
  TransactionDocument,
} from '../../replica/documents.ts';
import type { Page } from '../../replica/keyset.ts';
import { withoutSubjects } from '../../replica/public-view.ts';
import { representativePoint } from './representative-point.ts';

/** Who signed: the organisation (MSP, company) — never the person's certificate subject. */
export const signerItem = z.object({ mspId: z.string(), companyId: z.string().optional() });

export const signerOf = (by: { mspId: string; companyId?: string }): z.infer<typeof signerItem> =>
  by.companyId === undefined ? { mspId: by.mspId } : { mspId: by.mspId, companyId: by.companyId };

export const lastChangeItem = z
  .object({ block: z.number().int(), txId: z.string(), timestamp: z.string() })
  .describe('the ledger block and transaction that wrote this version');

export const programmeItem = z.object({
  externalId: z.string(),
  programmeId: z.number().int().nullable().describe('given at authorisation; null before'),
  title: z.string(),
  state: z.string(),
  sector: z.string(),
  typeOfMitigation: z.string(),
  country: z.string(),
  proponents: z.array(z.string()).describe('company ids of the proponents'),
  certifierIds: z.array(z.string()),
  serialPrefix: z.string().nullable().describe('the serial-number prefix of its credits, once authorised'),
  creditsIssued: z.number().int(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  // An array of two rather than a tuple: openapi-fetch reads tuples in answers as plain arrays, and the explorer's
  // types must agree with what its client returns.
  position: z
    .array(z.number())
    .length(2)
    .nullable()
    .describe(
      '[longitude, latitude] to mark the programme on a map: its location point, or the centroid of its area; null without a usable geometry',
    ),
});

export type ProgrammeItem = z.infer<typeof programmeItem>;

export function programmeItemOf(doc: ProgrammeDocument): ProgrammeItem {
  const record = doc.record as unknown as Programme;
  return {
    externalId: doc.externalId,
    programmeId: doc.programmeId,
    title: doc.title,
    state: doc.state,
    sector: doc.sector,
    typeOfMitigation: doc.typeOfMitigation,
    country: doc.country,
    proponents: [...doc.proponents],
    certifierIds: [...doc.certifierIds],
    serialPrefix: record.authorisation?.serial.prefix ?? null,
    creditsIssued: record.credits?.issued ?? 0,
    submittedAt: doc.submittedAt,
    updatedAt: doc.updatedAt,
    // Records are read as stored, so a missing location gives no point rather than an error.
    position: representativePoint((doc.record as { location?: { geometry?: unknown } }).location?.geometry),
  };
}

export const documentItem = z.object({
  type: z.string(),
  version: z.number().int(),
  sha256: z.string().describe('SHA-256 of the file, to check a copy against'),
  uri: z.string(),
  addedAt: z.string(),
  addedIn: z.string().describe('transaction id'),
  addedBy: signerItem,
  signatures: z.array(z.object({ mspId: z.string(), signature: z.string(), at: z.string(), txId: z.string() })),
});

export function documentItemOf(d: DocumentReference): z.infer<typeof documentItem> {
  return {
    type: d.type,
    version: d.version,
    sha256: d.sha256,
    uri: d.uri,
    addedAt: d.added.at,
    addedIn: d.added.txId,
    addedBy: signerOf(d.added.by),
    signatures: d.signatures.map((s) => ({ mspId: s.mspId, signature: s.signature, at: s.at, txId: s.txId })),
  };
}

export const programmeDetail = programmeItem.extend({
  documents: z.array(documentItem),
  record: z.record(z.string(), z.unknown()).describe('the ledger record, signers named by organisation'),
  lastChange: lastChangeItem,
});

export function programmeDetailOf(doc: ProgrammeDocument): z.infer<typeof programmeDetail> {
  const record = doc.record as unknown as Programme;
  return {
    ...programmeItemOf(doc),
    documents: record.documents.map(documentItemOf),
    record: withoutSubjects(doc.record),
    lastChange: { block: doc.replica.block, txId: doc.replica.txId, timestamp: doc.replica.timestamp },
  };
}

export const monitoringRoundItem = z.object({
  externalId: z.string(),
  programmeId: z.number().int(),
  round: z.number().int(),
  state: z.string(),
  vintage: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  claimedReductions: z.number().int(),
  verifiedReductions: z.number().int().nullable(),
  issued: z.number().int(),
  submittedAt: z.string(),
  documents: z.array(documentItem),
});

export function monitoringRoundItemOf(doc: MonitoringRoundDocument): z.infer<typeof monitoringRoundItem> {
  const record = doc.record as unknown as MonitoringRound;
  return {
    externalId: doc.externalId,
    programmeId: doc.programmeId,
    round: doc.round,
    state: doc.state,
    vintage: doc.vintage,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    claimedReductions: record.claimedReductions,
    verifiedReductions: record.verifiedReductions ?? null,
    issued: record.issued,
    submittedAt: doc.submittedAt,
    documents: record.documents.map(documentItemOf),
  };
}

const creditPart = z.object({
  programmeId: z.number().int(),
  vintage: z.number().int(),
  quantity: z.number().int(),
  sector: z.string(),
});

export const issuanceItem = z.object({
  txId: z.string(),
  block: z.number().int(),
  timestamp: z.string(),
  externalId: z.string(),
  programmeId: z.number().int(),
  round: z.number().int(),
  quantity: z.number().int(),
  serials: z.array(z.string()).describe('the blocks issued, one per proponent'),
  parts: z.array(creditPart),
});

export function issuanceItemOf(doc: IssuanceDocument): z.infer<typeof issuanceItem> {
  return {
    txId: doc.txId,
    block: doc.block,
    timestamp: doc.timestamp,
    externalId: doc.externalId,
    programmeId: doc.programmeId,
    round: doc.round,
    quantity: doc.quantity,
    serials: [...doc.serials],
    parts: doc.parts.map((p) => ({ ...p })),
  };
}

export const historyItem = z.object({
  txId: z.string(),
  block: z.number().int(),
  index: z.number().int().describe('position in its block'),
  timestamp: z.string().nullable(),
  function: z.string().nullable().describe('<contract>:<Function> invoked'),
  mspId: z.string().nullable(),
  userId: z.string().nullable().describe('the signer’s registry user id (a hash of its certificate identity)'),
  event: z.string().nullable().describe('the event the transaction emitted'),
});

export function historyItemOf(doc: TransactionDocument): z.infer<typeof historyItem> {
  return {
    txId: doc.txId,
    block: doc.block,
    index: doc.index,
    timestamp: doc.timestamp,
    function: doc.function,
    mspId: doc.mspId,
    userId: doc.creator?.userId ?? null,
    event: doc.event?.name ?? null,
  };
}

// CSV tables of the lists: one row per item, nested values flattened to what a spreadsheet shows.

export function programmesCsv(page: Page<ProgrammeItem>): CsvTable {
  const columns = [
    'externalId',
    'programmeId',
    'title',
    'state',
    'sector',
    'typeOfMitigation',
    'country',
    'proponents',
    'certifierIds',
    'serialPrefix',
    'creditsIssued',
    'submittedAt',
    'updatedAt',
  ] as const;
  const rows = page.items.map((p) => columns.map((c) => (Array.isArray(p[c]) ? (p[c] as string[]).join(' ') : p[c])));
  return { filename: 'programmes', columns, rows };
}

export function monitoringRoundsCsv(page: Page<z.infer<typeof monitoringRoundItem>>): CsvTable {
  const columns = ['externalId', 'programmeId', 'round', 'state', 'vintage', 'periodStart', 'periodEnd'] as const;
  const more = ['claimedReductions', 'verifiedReductions', 'issued', 'submittedAt'] as const;
  return {
    filename: 'monitoring-rounds',
    columns: [...columns, ...more, 'documentHashes'],
    rows: page.items.map((r) => [
      ...columns.map((c) => r[c]),
      ...more.map((c) => r[c]),
      r.documents.map((d) => `${d.type}:${d.sha256}`).join(' '),
    ]),
  };
}

export function issuancesCsv(page: Page<z.infer<typeof issuanceItem>>): CsvTable {
  const columns = ['txId', 'block', 'timestamp', 'externalId', 'programmeId', 'round', 'quantity'] as const;
  return {
    filename: 'issuances',
    columns: [...columns, 'serials'],
    rows: page.items.map((i) => [...columns.map((c) => i[c]), i.serials.join(' ')]),
  };
}

export function historyCsv(page: Page<z.infer<typeof historyItem>>): CsvTable {
  const columns = ['txId', 'block', 'index', 'timestamp', 'function', 'mspId', 'userId', 'event'] as const;
  return { filename: 'history', columns, rows: page.items.map((h) => columns.map((c) => h[c])) };
}
