// World-state records → replica documents. A record key names its document (one document per key,
// so a delete of the key deletes the document); index entries, counters and probes have none.
// Each document keeps the record exactly as written, plus the fields the API filters and sorts on
// at top level, so every index is a plain JSON index.
import type { CreditBlock } from '../../../chaincode/src/domain/credit-block.ts';
import type { Cancellation, Retirement, TransferRequest } from '../../../chaincode/src/domain/credit-movements.ts';
import type { MonitoringRound } from '../../../chaincode/src/domain/monitoring.ts';
import type { Organisation } from '../../../chaincode/src/domain/organisation.ts';
import type { Programme } from '../../../chaincode/src/domain/programme.ts';
import type { User } from '../../../chaincode/src/domain/user.ts';
import { creditParts, type SectorLookup } from './credit-parts.ts';
import { documentId, type LedgerRecord, type RecordDocument, type RecordType, type ReplicaStamp } from './documents.ts';

const COMPOSITE_KEY_NAMESPACE = '\u0000';
const BLOCK_KEY = /^block\/(\d{12})\/(\d{16})$/;

/** A composite key's object type and attributes (`\u0000type\u0000a\u0000b\u0000`). */
export function splitCompositeKey(key: string): { objectType: string; attributes: string[] } | undefined {
  if (!key.startsWith(COMPOSITE_KEY_NAMESPACE) || !key.endsWith(COMPOSITE_KEY_NAMESPACE)) return undefined;
  const [objectType = '', ...attributes] = key.slice(1, -1).split(COMPOSITE_KEY_NAMESPACE);
  return { objectType, attributes };
}

const idOfComposite: Readonly<Record<string, (a: readonly string[]) => string | undefined>> = {
  organisation: ([id]) => id && documentId.organisation(id),
  user: ([id]) => id && documentId.user(id),
  programme: ([id]) => id && documentId.programme(id),
  monitoringRound: ([id, round]) => (id && round ? documentId.monitoringRound(id, Number(round)) : undefined),
  transferRequest: ([id]) => id && documentId.transferRequest(id),
  retirement: ([id]) => id && documentId.retirement(id),
  cancellation: ([id]) => id && documentId.cancellation(id),
  registry: () => documentId.registry(),
};

/** The document a world-state key is replicated to; undefined for keys that hold no public record. */
export function documentIdOfKey(key: string): string | undefined {
  const block = BLOCK_KEY.exec(key);
  if (block) return documentId.creditBlock(Number(block[1]), Number(block[2]));
  const composite = splitCompositeKey(key);
  // Index entries ("a~b") point at records replicated under their own keys.
  if (!composite || composite.objectType.includes('~')) return undefined;
  return idOfComposite[composite.objectType]?.(composite.attributes) || undefined;
}

export const typeOfDocumentId = (id: string): string => id.slice(0, id.indexOf(':'));

const lastRetiredAt = (r: Retirement): string | null =>
  r.state === 'Retired' ? ([...r.stateHistory].reverse().find((c) => c.state === 'Retired')?.at ?? null) : null;

type Fields = (record: never, sectorOf: SectorLookup) => Record<string, unknown>;

const fieldsOf: Readonly<Record<RecordType, Fields>> = {
  organisation: (o: Organisation) => ({
    companyId: o.companyId,
    name: o.name,
    nameLower: o.name.toLowerCase(),
    companyRole: o.companyRole,
    state: o.state,
    country: o.country,
    hostMspId: o.hostMspId,
  }),
  user: (u: User) => ({ userId: u.userId, companyId: u.companyId, mspId: u.mspId, role: u.role, state: u.state }),
  programme: (p: Programme) => ({
    externalId: p.externalId,
    programmeId: p.authorisation?.programmeId ?? null,
    title: p.title,
    titleLower: p.title.toLowerCase(),
    state: p.state,
    sector: p.sector,
    typeOfMitigation: p.typeOfMitigation,
    proponents: p.proponents.map((x) => x.companyId),
    certifierIds: p.certifierIds,
    submittedBy: p.submittedBy,
    submittedAt: p.created.at,
    updatedAt: p.updated.at,
    country: p.location.country,
  }),
  monitoringRound: (m: MonitoringRound) => ({
    externalId: m.externalId,
    programmeId: m.programmeId,
    round: m.round,
    state: m.state,
    vintage: m.vintage,
    periodStart: m.periodStart,
    periodEnd: m.periodEnd,
    submittedAt: m.created.at,
  }),
  creditBlock: (b: CreditBlock) => ({
    serial: b.serial,
    programmeId: b.programmeId,
    externalId: b.externalId,
    holder: b.holder,
    state: b.state,
    vintage: b.vintage,
    start: b.start,
    end: b.end,
    quantity: b.quantity,
    updatedAt: b.updated.at,
  }),
  transferRequest: (t: TransferRequest) => ({
    requestId: t.requestId,
    from: t.from,
    to: t.to,
    requestedBy: t.requestedBy,
    state: t.state,
    quantity: t.quantity,
    createdAt: t.created.at,
    updatedAt: t.updated.at,
  }),
  retirement: (r: Retirement, sectorOf) => ({
    retirementId: r.retirementId,
    holder: r.holder,
    state: r.state,
    quantity: r.quantity,
    beneficiary: r.beneficiary,
    category: r.category,
    serials: r.serials,
    createdAt: r.created.at,
    retiredAt: lastRetiredAt(r),
    parts: creditParts(r.serials, sectorOf),
  }),
  cancellation: (c: Cancellation, sectorOf) => ({
    cancellationId: c.cancellationId,
    holder: c.holder,
    quantity: c.quantity,
    reason: c.reason,
    serials: c.serials,
    createdAt: c.created.at,
    parts: creditParts(c.serials, sectorOf),
  }),
  registry: (r: { governmentCompanyId: string; country: string }) => ({
    governmentCompanyId: r.governmentCompanyId,
    country: r.country,
  }),
};

const isRecordType = (type: string): type is RecordType => Object.hasOwn(fieldsOf, type);

/** Parses a written value as a registry record (a JSON object with a docType), or undefined. */
export function parseRecord(value: string): LedgerRecord | undefined {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const docType = (parsed as { docType?: unknown }).docType;
    return typeof docType === 'string' ? (parsed as LedgerRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document of a record written under `id`; undefined when the id names no record type or the
 * record lacks a field the document needs (a malformed value must not stop replication).
 */
export function recordDocument(
  id: string,
  record: LedgerRecord,
  replica: ReplicaStamp,
  sectorOf: SectorLookup,
): RecordDocument | undefined {
  const type = typeOfDocumentId(id);
  if (!isRecordType(type)) return undefined;
  try {
    const fields = fieldsOf[type](record as never, sectorOf);
    return { _id: id, type, record, replica, ...fields } as unknown as RecordDocument;
  } catch {
    return undefined;
  }
}
