// A decoded block → the replica changes it makes: for every VALID transaction, its record writes
// (put or delete) and its credit event; for every transaction, valid or not, a transaction
// document; and a ledgerBlock document. Pure: the same block and sectors give the same changes.
import type { DecodedBlock, DecodedTransaction } from './block-decoder.ts';
import type { SectorLookup } from './credit-parts.ts';
import { creatorOf } from './creator.ts';
import {
  documentId,
  POSITIONS_PER_BLOCK,
  type EventDocument,
  type LedgerBlockDocument,
  type LedgerRecord,
  type RecordDocument,
  type ReplicaStamp,
  type TransactionDocument,
} from './documents.ts';
import { eventDocument, parseEventPayload } from './event-documents.ts';
import { documentIdOfKey, parseRecord, recordDocument } from './record-documents.ts';

export type StampedDocument = RecordDocument | EventDocument;

/** What a block does to one document; the last change of a document in a block wins. */
export type DocumentChange =
  | { readonly kind: 'put'; readonly doc: StampedDocument | TransactionDocument | LedgerBlockDocument }
  | { readonly kind: 'delete'; readonly id: string; readonly replica: ReplicaStamp };

export interface BlockChanges {
  readonly blockNumber: number;
  /** In ledger order, one entry per document id. */
  readonly changes: readonly DocumentChange[];
  /** Programme ids whose sector was needed and not known: look them up and map again. */
  readonly unknownProgrammes: readonly number[];
}

/** Sectors learnt from programmes written earlier in the same block come first. */
function blockSectors(known: SectorLookup) {
  const inBlock = new Map<number, string>();
  const missing = new Set<number>();
  const lookup: SectorLookup = (programmeId) => {
    const sector = inBlock.get(programmeId) ?? known(programmeId);
    if (sector === undefined) missing.add(programmeId);
    return sector;
  };
  const learn = (record: LedgerRecord): void => {
    const programmeId = (record.authorisation as { programmeId?: number } | undefined)?.programmeId;
    if (record.docType === 'programme' && programmeId !== undefined) inBlock.set(programmeId, String(record.sector));
  };
  return { lookup, learn, missing };
}

function transactionDocument(tx: DecodedTransaction, blockNumber: number, records: string[]): TransactionDocument {
  const event = tx.event && { name: tx.event.name, payload: parseEventPayload(tx.event.payload) };
  return {
    _id: documentId.transaction(tx.txId),
    type: 'transaction',
    txId: tx.txId,
    block: blockNumber,
    index: tx.index,
    position: blockNumber * POSITIONS_PER_BLOCK + tx.index,
    timestamp: tx.timestamp,
    headerType: tx.headerType,
    mspId: tx.mspId,
    creator: creatorOf(tx.mspId, tx.creatorCertificate),
    function: tx.function,
    event: tx.valid ? event : null,
    endorsers: tx.endorsers,
    validationCode: tx.validationCodeName,
    valid: tx.valid,
    records: tx.valid ? records : [],
  };
}

function ledgerBlockDocument(block: DecodedBlock): LedgerBlockDocument {
  return {
    _id: documentId.ledgerBlock(block.number),
    type: 'ledgerBlock',
    number: block.number,
    dataHash: block.dataHash,
    previousHash: block.previousHash,
    txCount: block.transactions.length,
    timestamp: block.timestamp,
    txIds: block.transactions.map((t) => t.txId),
  };
}

type Sectors = ReturnType<typeof blockSectors>;

/** The record and event changes of one valid transaction, and the ids they touch. */
function transactionChanges(tx: DecodedTransaction, blockNumber: number, sectors: Sectors): DocumentChange[] {
  const replica: ReplicaStamp = { block: blockNumber, txId: tx.txId, timestamp: tx.timestamp ?? '', previous: null };
  const changes: DocumentChange[] = [];
  const records: LedgerRecord[] = [];
  for (const write of tx.writes) {
    const id = documentIdOfKey(write.key);
    if (id === undefined) continue;
    if (write.isDelete) {
      changes.push({ kind: 'delete', id, replica });
      continue;
    }
    const record = parseRecord(write.value);
    if (!record) continue;
    sectors.learn(record);
    records.push(record);
    const doc = recordDocument(id, record, replica, sectors.lookup);
    if (doc) changes.push({ kind: 'put', doc });
  }
  const event = tx.event && { name: tx.event.name, payload: parseEventPayload(tx.event.payload) };
  const eventDoc = event && eventDocument(event, records, replica, sectors.lookup);
  if (eventDoc) changes.push({ kind: 'put', doc: eventDoc });
  return changes;
}

const idOf = (change: DocumentChange): string => (change.kind === 'put' ? change.doc._id : change.id);

/** Every change block `block` makes to the replica, given the sectors of programmes already replicated. */
export function blockChanges(block: DecodedBlock, knownSectors: SectorLookup): BlockChanges {
  const sectors = blockSectors(knownSectors);
  const byId = new Map<string, DocumentChange>();
  const put = (change: DocumentChange): void => {
    // Re-inserting moves a document rewritten later in the block to its last position.
    byId.delete(idOf(change));
    byId.set(idOf(change), change);
  };
  for (const tx of block.transactions) {
    const changes = tx.valid ? transactionChanges(tx, block.number, sectors) : [];
    changes.forEach(put);
    const written = [...new Set(changes.map(idOf))];
    put({ kind: 'put', doc: transactionDocument(tx, block.number, written) });
  }
  put({ kind: 'put', doc: ledgerBlockDocument(block) });
  return { blockNumber: block.number, changes: [...byId.values()], unknownProgrammes: [...sectors.missing] };
}
