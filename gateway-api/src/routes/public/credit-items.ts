// What the public API answers about credits: credit blocks, the block holding a unit with its
// provenance, and the public register of retirements — zod schemas, pure mappings from replica
// documents, and their CSV tables.
import { z } from 'zod';
import type { CreditBlock, LineageEntry } from '../../../../chaincode/src/domain/credit-block.ts';
import type { Retirement } from '../../../../chaincode/src/domain/credit-movements.ts';
import type { CsvTable } from '../../http/csv.ts';
import type { CreditBlockDocument, RetirementDocument } from '../../replica/documents.ts';
import type { Page } from '../../replica/keyset.ts';
import { signerItem, signerOf } from './programme-items.ts';

export const creditBlockItem = z.object({
  serial: z.string(),
  programmeId: z.number().int(),
  externalId: z.string(),
  vintage: z.number().int(),
  start: z.number().int().describe('first unit'),
  end: z.number().int().describe('last unit'),
  quantity: z.number().int(),
  holder: z.string().describe('company id of the holder'),
  state: z.string(),
  updatedAt: z.string(),
});

export type CreditBlockItem = z.infer<typeof creditBlockItem>;

export function creditBlockItemOf(doc: CreditBlockDocument): CreditBlockItem {
  return {
    serial: doc.serial,
    programmeId: doc.programmeId,
    externalId: doc.externalId,
    vintage: doc.vintage,
    start: doc.start,
    end: doc.end,
    quantity: doc.quantity,
    holder: doc.holder,
    state: doc.state,
    updatedAt: doc.updatedAt,
  };
}

export const provenanceStep = z.object({
  action: z.string().describe('issue, split, transfer, lock, unlock, retire-request, retire, cancel, freeze, unfreeze'),
  serial: z.string().describe('the block’s serial after this step'),
  holder: z.string(),
  state: z.string(),
  txId: z.string(),
  at: z.string(),
  by: signerItem,
  reference: z.string().optional().describe('the issuance, transfer request, retirement or cancellation'),
});

function provenanceStepOf(entry: LineageEntry): z.infer<typeof provenanceStep> {
  const step = {
    action: entry.action,
    serial: entry.serial,
    holder: entry.holder,
    state: entry.state,
    txId: entry.txId,
    at: entry.at,
    by: signerOf(entry.by),
  };
  return entry.reference === undefined ? step : { ...step, reference: entry.reference };
}

export const unitLookupAnswer = z.object({
  programmeId: z.number().int(),
  unit: z.number().int().describe('the unit looked up (a serial’s first unit)'),
  exact: z.boolean().describe('true when the block’s serial is exactly the serial asked for'),
  block: creditBlockItem,
  provenance: z.array(provenanceStep).describe('the block’s lineage, from issuance to now'),
});

export function unitLookupAnswerOf(
  doc: CreditBlockDocument,
  unit: number,
  serial: string | undefined,
): z.infer<typeof unitLookupAnswer> {
  const record = doc.record as unknown as CreditBlock;
  return {
    programmeId: doc.programmeId,
    unit,
    exact: serial !== undefined && serial === doc.serial,
    block: creditBlockItemOf(doc),
    provenance: record.lineage.map(provenanceStepOf),
  };
}

export const retirementItem = z.object({
  retirementId: z.string(),
  holder: z.string().describe('company id of the organisation that retired the credits'),
  beneficiary: z.string(),
  category: z.string().describe('why: the retirement category'),
  note: z.string(),
  useAbroad: z.string().nullable().describe('the country of use, for credits used abroad (Article 6)'),
  quantity: z.number().int(),
  serials: z.array(z.string()),
  state: z.string(),
  requestedAt: z.string(),
  retiredAt: z.string().nullable(),
});

export type RetirementItem = z.infer<typeof retirementItem>;

export function retirementItemOf(doc: RetirementDocument): RetirementItem {
  const record = doc.record as unknown as Retirement;
  return {
    retirementId: doc.retirementId,
    holder: doc.holder,
    beneficiary: doc.beneficiary,
    category: doc.category,
    note: record.note,
    useAbroad: record.useAbroad?.country ?? null,
    quantity: doc.quantity,
    serials: [...doc.serials],
    state: doc.state,
    requestedAt: doc.createdAt,
    retiredAt: doc.retiredAt,
  };
}

export function creditBlocksCsv(page: Page<CreditBlockItem>): CsvTable {
  const columns = [
    'serial',
    'programmeId',
    'externalId',
    'vintage',
    'start',
    'end',
    'quantity',
    'holder',
    'state',
    'updatedAt',
  ] as const;
  return { filename: 'credit-blocks', columns, rows: page.items.map((b) => columns.map((c) => b[c])) };
}

export function retirementsCsv(page: Page<RetirementItem>): CsvTable {
  const columns = [
    'retirementId',
    'holder',
    'beneficiary',
    'category',
    'note',
    'useAbroad',
    'quantity',
    'state',
    'requestedAt',
    'retiredAt',
  ] as const;
  return {
    filename: 'retirements',
    columns: [...columns, 'serials'],
    rows: page.items.map((r) => [...columns.map((c) => r[c]), r.serials.join(' ')]),
  };
}
