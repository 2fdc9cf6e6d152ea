// Credit events → replica documents: an issuance per CreditsIssued event, a transfer per
// CreditsTransferred event and per approved transfer request. They have no world-state key of
// their own; the transaction id names them.
import { creditParts, type SectorLookup } from './credit-parts.ts';
import { documentId, type EventDocument, type LedgerRecord, type ReplicaStamp } from './documents.ts';

export interface ChaincodeEventData {
  readonly name: string;
  readonly payload: unknown;
}

/** Event payloads are canonical JSON; anything else is kept as text. */
export function parseEventPayload(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

interface IssuedPayload {
  externalId: string;
  programmeId: number;
  round: number;
  quantity: number;
  serials: string[];
}

interface TransferredPayload {
  from: string;
  to: string;
  quantity: number;
  serials: string[];
}

interface ApprovedPayload {
  requestId: string;
  from: string;
  to: string;
  quantity: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/**
 * The event document of a valid transaction, if its event is a credit movement. `records` are the
 * records the transaction wrote (an approval's serials are in its transfer request record).
 */
export function eventDocument(
  event: ChaincodeEventData,
  records: readonly LedgerRecord[],
  replica: ReplicaStamp,
  sectorOf: SectorLookup,
): EventDocument | undefined {
  if (!isObject(event.payload)) return undefined;
  const base = { txId: replica.txId, block: replica.block, timestamp: replica.timestamp, replica };
  if (event.name === 'CreditsIssued') {
    const p = event.payload as unknown as IssuedPayload;
    return {
      _id: documentId.issuance(replica.txId),
      type: 'issuance',
      ...base,
      externalId: p.externalId,
      programmeId: p.programmeId,
      round: p.round,
      quantity: p.quantity,
      serials: p.serials,
      parts: creditParts(p.serials, sectorOf),
    };
  }
  if (event.name === 'CreditsTransferred') {
    const p = event.payload as unknown as TransferredPayload;
    return transfer(base, p.from, p.to, p.quantity, p.serials, null, sectorOf);
  }
  if (event.name === 'TransferRequestApproved') {
    const p = event.payload as unknown as ApprovedPayload;
    const request = records.find((r) => r.docType === 'transferRequest' && r.requestId === p.requestId);
    const serials = (request?.lockedSerials as string[] | undefined) ?? [];
    return transfer(base, p.from, p.to, p.quantity, serials, p.requestId, sectorOf);
  }
  return undefined;
}

function transfer(
  base: { txId: string; block: number; timestamp: string; replica: ReplicaStamp },
  from: string,
  to: string,
  quantity: number,
  serials: string[],
  requestId: string | null,
  sectorOf: SectorLookup,
): EventDocument {
  return {
    _id: documentId.transfer(base.txId),
    type: 'transfer',
    ...base,
    from,
    to,
    requestId,
    quantity,
    serials,
    parts: creditParts(serials, sectorOf),
  };
}
