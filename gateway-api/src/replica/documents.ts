// The query replica's documents in CouchDB: one per world-state record (id `<docType>:<natural id>`),
// one per credit event (issuance, transfer), one per transaction and one per ledger block, and the
// checkpoint that holds the replicated height with the statistics. The replicator writes them and
// the public read routes query them, so these shapes are the contract between the two.

/** Where a document's current version comes from, and what the statistics counted before it. */
export interface ReplicaStamp {
  /** The ledger block that wrote this version. */
  readonly block: number;
  readonly txId: string;
  /** The transaction's timestamp (ISO 8601). */
  readonly timestamp: string;
  /**
   * The statistics facts of the version this one replaced (null when there was none), so replaying
   * the same block after a crash subtracts exactly what the first attempt subtracted.
   */
  readonly previous: StatisticsFacts | null;
}

/** Units of one programme and vintage inside an act (issuance, transfer, retirement, cancellation). */
export interface CreditPart {
  readonly programmeId: number;
  readonly vintage: number;
  readonly quantity: number;
  /** The programme's sector, or 'Unknown' when the programme is not in the replica. */
  readonly sector: string;
}

interface RecordDocumentBase<T extends string, R> {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: T;
  /** The chaincode's record exactly as written to the world state. */
  readonly record: R;
  readonly replica: ReplicaStamp;
}

/** Records are kept as the chaincode wrote them; the types here name only what the replica reads. */
export type LedgerRecord = Readonly<Record<string, unknown>> & { readonly docType: string };

export interface OrganisationDocument extends RecordDocumentBase<'organisation', LedgerRecord> {
  readonly companyId: string;
  readonly name: string;
  readonly nameLower: string;
  readonly companyRole: string;
  readonly state: string;
  readonly country: string;
  readonly hostMspId: string;
}

/** People of the registry: replicated for completeness, never served publicly (they hold e-mails). */
export interface UserDocument extends RecordDocumentBase<'user', LedgerRecord> {
  readonly userId: string;
  readonly companyId: string;
  readonly mspId: string;
  readonly role: string;
  readonly state: string;
}

export interface ProgrammeDocument extends RecordDocumentBase<'programme', LedgerRecord> {
  readonly externalId: string;
  /** The sequential id given at authorisation; null before. */
  readonly programmeId: number | null;
  readonly title: string;
  readonly titleLower: string;
  readonly state: string;
  readonly sector: string;
  readonly typeOfMitigation: string;
  /** Company ids of the proponents. */
  readonly proponents: readonly string[];
  readonly certifierIds: readonly string[];
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly country: string;
}

export interface MonitoringRoundDocument extends RecordDocumentBase<'monitoringRound', LedgerRecord> {
  readonly externalId: string;
  readonly programmeId: number;
  readonly round: number;
  readonly state: string;
  readonly vintage: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly submittedAt: string;
}

export interface CreditBlockDocument extends RecordDocumentBase<'creditBlock', LedgerRecord> {
  readonly serial: string;
  readonly programmeId: number;
  readonly externalId: string;
  readonly holder: string;
  readonly state: string;
  readonly vintage: number;
  readonly start: number;
  readonly end: number;
  readonly quantity: number;
  readonly updatedAt: string;
}

export interface TransferRequestDocument extends RecordDocumentBase<'transferRequest', LedgerRecord> {
  readonly requestId: string;
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
  readonly state: string;
  readonly quantity: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RetirementDocument extends RecordDocumentBase<'retirement', LedgerRecord> {
  readonly retirementId: string;
  readonly holder: string;
  readonly state: string;
  readonly quantity: number;
  readonly beneficiary: string;
  readonly category: string;
  readonly serials: readonly string[];
  readonly createdAt: string;
  /** When the units became Retired; null while pending or after a rejection. */
  readonly retiredAt: string | null;
  readonly parts: readonly CreditPart[];
}

export interface CancellationDocument extends RecordDocumentBase<'cancellation', LedgerRecord> {
  readonly cancellationId: string;
  readonly holder: string;
  readonly quantity: number;
  readonly reason: string;
  readonly serials: readonly string[];
  readonly createdAt: string;
  readonly parts: readonly CreditPart[];
}

export interface RegistryDocument extends RecordDocumentBase<'registry', LedgerRecord> {
  readonly governmentCompanyId: string;
  readonly country: string;
}

export type RecordDocument =
  | OrganisationDocument
  | UserDocument
  | ProgrammeDocument
  | MonitoringRoundDocument
  | CreditBlockDocument
  | TransferRequestDocument
  | RetirementDocument
  | CancellationDocument
  | RegistryDocument;

export type RecordType = RecordDocument['type'];

interface EventDocumentBase<T extends string> {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: T;
  readonly txId: string;
  readonly block: number;
  readonly timestamp: string;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly parts: readonly CreditPart[];
  readonly replica: ReplicaStamp;
}

/** `issuance:<txId>`, from a CreditsIssued event. */
export interface IssuanceDocument extends EventDocumentBase<'issuance'> {
  readonly externalId: string;
  readonly programmeId: number;
  readonly round: number;
}

/** `transfer:<txId>`, from a CreditsTransferred event or the approval of a transfer request. */
export interface TransferDocument extends EventDocumentBase<'transfer'> {
  readonly from: string;
  readonly to: string;
  /** The approved transfer request, for transfers made by request; null for a direct send. */
  readonly requestId: string | null;
}

export type EventDocument = IssuanceDocument | TransferDocument;

/** `transaction:<txId>`: every transaction of every block, valid or not, configuration too. */
export interface TransactionDocument {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'transaction';
  readonly txId: string;
  readonly block: number;
  /** Position in its block. */
  readonly index: number;
  /**
   * The ledger's order as one number (block × 10⁶ + index). Lists page on this single field: the
   * embedded pouchdb-server only stops reading an index at the page's limit when the range is on
   * the index's last field alone; over (block, index) it read every transaction for every page.
   */
  readonly position: number;
  readonly timestamp: string | null;
  /** The Fabric header type, e.g. ENDORSER_TRANSACTION or CONFIG. */
  readonly headerType: string;
  readonly mspId: string | null;
  /** The signer: certificate subject and the registry's user id for it (null when not an X.509 identity). */
  readonly creator: { readonly subject: string; readonly userId: string } | null;
  /** `<contract>:<Function>` as invoked; null for configuration transactions. */
  readonly function: string | null;
  readonly event: { readonly name: string; readonly payload: unknown } | null;
  /** MSP ids of the organisations whose peers endorsed it (from replica layout 2). */
  readonly endorsers: readonly string[];
  readonly validationCode: string;
  readonly valid: boolean;
  /** Ids of the documents this transaction wrote (none when it was invalid). */
  readonly records: readonly string[];
}

/** Transactions per block are far fewer than this (a block holds at most BatchSize.MaxMessageCount). */
export const POSITIONS_PER_BLOCK = 1_000_000;

/** `ledgerBlock:<number, 12 digits>`: every block, block 0 too. */
export interface LedgerBlockDocument {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'ledgerBlock';
  readonly number: number;
  /** Hex. */
  readonly dataHash: string;
  /** Hex; empty for block 0. */
  readonly previousHash: string;
  readonly txCount: number;
  /** The first transaction's timestamp (blocks carry none of their own). */
  readonly timestamp: string | null;
  readonly txIds: readonly string[];
}

/** A count per key (year, sector, vintage, state, role); keys whose count is 0 are left out. */
export type Counts = Readonly<Record<string, number>>;

export interface CreditFlow {
  /** Number of acts (issuances, transfers, retirements, cancellations). */
  readonly count: number;
  /** Units (tCO2e). */
  readonly total: number;
  readonly byYear: Counts;
  readonly bySector: Counts;
  readonly byVintage: Counts;
}

/** The registry's statistics: a pure function of the record and event documents (see statistics.ts). */
export interface ReplicaStatistics {
  readonly credits: {
    readonly issued: CreditFlow;
    readonly transferred: CreditFlow;
    readonly retired: CreditFlow;
    readonly cancelled: CreditFlow;
  };
  /** Units of every credit block by its state (Active, Frozen, Retired, ...). */
  readonly unitsByBlockState: Counts;
  readonly programmes: { readonly total: number; readonly byState: Counts; readonly bySector: Counts };
  readonly organisations: { readonly total: number; readonly byRole: Counts; readonly byState: Counts };
}

/** What of a document the statistics count, kept in `replica.previous` of the next version. */
export type StatisticsFacts =
  | { readonly type: 'creditBlock'; readonly state: string; readonly quantity: number }
  | { readonly type: 'programme'; readonly state: string; readonly sector: string }
  | { readonly type: 'organisation'; readonly companyRole: string; readonly state: string }
  | {
      readonly type: 'issuance' | 'transfer' | 'retirement' | 'cancellation';
      /** The year the act took effect; null when it has not (a pending or rejected retirement). */
      readonly year: string | null;
      readonly parts: readonly CreditPart[];
    };

export const CHECKPOINT_ID = 'replica:checkpoint';

/** Written last for each block: the block is replicated once this says so. */
export interface CheckpointDocument {
  readonly _id: typeof CHECKPOINT_ID;
  readonly _rev?: string;
  readonly type: 'checkpoint';
  /** The layout the documents were written in (replica-layout.ts); absent in replicas older than layout 2. */
  readonly layout?: number;
  /** The last block fully replicated; -1 before block 0. */
  readonly blockNumber: number;
  readonly statistics: ReplicaStatistics;
}

export type ReplicaDocument = RecordDocument | EventDocument | TransactionDocument | LedgerBlockDocument;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Document ids, built in one place so the replicator and the read routes agree. */
export const documentId = {
  organisation: (companyId: string) => `organisation:${companyId}`,
  user: (userId: string) => `user:${userId}`,
  programme: (externalId: string) => `programme:${externalId}`,
  monitoringRound: (externalId: string, round: number) => `monitoringRound:${externalId}:${pad(round, 6)}`,
  creditBlock: (programmeId: number, end: number) => `creditBlock:${pad(programmeId, 12)}:${pad(end, 16)}`,
  transferRequest: (requestId: string) => `transferRequest:${requestId}`,
  retirement: (retirementId: string) => `retirement:${retirementId}`,
  cancellation: (cancellationId: string) => `cancellation:${cancellationId}`,
  registry: () => 'registry:registry',
  issuance: (txId: string) => `issuance:${txId}`,
  transfer: (txId: string) => `transfer:${txId}`,
  transaction: (txId: string) => `transaction:${txId}`,
  ledgerBlock: (blockNumber: number) => `ledgerBlock:${pad(blockNumber, 12)}`,
};
