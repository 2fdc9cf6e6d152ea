// Decodes a full ledger block (common.Block) into what the replica needs: the block header, and per
// transaction its id, time, signer, invoked function, validation code, and — for the registry's
// chaincode — its world-state writes and its event. Pure: bytes in, plain data out.
import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';

export interface DecodedWrite {
  readonly key: string;
  readonly isDelete: boolean;
  /** The value as text (the registry writes JSON records and one-byte index markers). */
  readonly value: string;
}

export interface DecodedEvent {
  readonly name: string;
  readonly payload: string;
}

export interface DecodedTransaction {
  readonly index: number;
  readonly txId: string;
  /** HeaderType name, e.g. ENDORSER_TRANSACTION or CONFIG. */
  readonly headerType: string;
  readonly timestamp: string | null;
  readonly mspId: string | null;
  /** The signer's certificate (PEM); null when the creator is not an X.509 identity. */
  readonly creatorCertificate: string | null;
  /** args[0] of the invocation, e.g. `programme:SubmitProgramme`. */
  readonly function: string | null;
  /** MSP ids of the peers that endorsed it, sorted, each once (empty for configuration transactions). */
  readonly endorsers: readonly string[];
  readonly validationCode: number;
  readonly validationCodeName: string;
  readonly valid: boolean;
  /** Writes to the registry chaincode's namespace, in the order of the read-write set. */
  readonly writes: readonly DecodedWrite[];
  /** The registry chaincode's event, if it set one. */
  readonly event: DecodedEvent | null;
}

export interface DecodedBlock {
  readonly number: number;
  readonly dataHash: string;
  readonly previousHash: string;
  /** The first transaction's timestamp. */
  readonly timestamp: string | null;
  readonly transactions: readonly DecodedTransaction[];
}

const text = new TextDecoder();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// The protos' enums are objects mapping each name to its number.
const nameOf = (values: object, code: number): string =>
  Object.entries(values as Record<string, number>).find(([, v]) => v === code)?.[0] ?? `CODE_${String(code)}`;

export const validationCodeName = (code: number): string => nameOf(peer.TxValidationCode, code);

/** google.protobuf.Timestamp, whose type declarations this project does not load. */
interface ProtoTimestamp {
  getSeconds(): number;
  getNanos(): number;
}

function isoTime(timestamp: ProtoTimestamp | undefined): string | null {
  if (!timestamp) return null;
  // As the chaincode's getDateTimestamp() computes it, so stamps in records and here agree.
  return new Date(timestamp.getSeconds() * 1000 + timestamp.getNanos() / 1_000_000).toISOString();
}

interface ChaincodeOutput {
  function: string | null;
  writes: DecodedWrite[];
  event: DecodedEvent | null;
  endorsers: string[];
}

function writesOf(results: Uint8Array, chaincode: string): DecodedWrite[] {
  if (results.length === 0) return [];
  const writes: DecodedWrite[] = [];
  for (const ns of ledger.rwset.TxReadWriteSet.deserializeBinary(results).getNsRwsetList()) {
    if (ns.getNamespace() !== chaincode) continue;
    for (const w of ledger.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8()).getWritesList()) {
      writes.push({ key: w.getKey(), isDelete: w.getIsDelete(), value: text.decode(w.getValue_asU8()) });
    }
  }
  return writes;
}

function eventOf(events: Uint8Array, chaincode: string): DecodedEvent | null {
  if (events.length === 0) return null;
  const event = peer.ChaincodeEvent.deserializeBinary(events);
  if (event.getEventName() === '' || event.getChaincodeId() !== chaincode) return null;
  return { name: event.getEventName(), payload: text.decode(event.getPayload_asU8()) };
}

function functionOf(actionPayload: peer.ChaincodeActionPayload): string | null {
  const proposal = peer.ChaincodeProposalPayload.deserializeBinary(actionPayload.getChaincodeProposalPayload_asU8());
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(proposal.getInput_asU8()).getChaincodeSpec();
  const first = spec?.getInput()?.getArgsList_asU8()[0];
  return first === undefined ? null : text.decode(first);
}

function endorserOutput(transactionBytes: Uint8Array, chaincode: string): ChaincodeOutput {
  const output: ChaincodeOutput = { function: null, writes: [], event: null, endorsers: [] };
  const endorsers = new Set<string>();
  for (const action of peer.Transaction.deserializeBinary(transactionBytes).getActionsList()) {
    const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
    output.function ??= functionOf(actionPayload);
    const endorsed = actionPayload.getAction();
    if (!endorsed) continue;
    const response = peer.ProposalResponsePayload.deserializeBinary(endorsed.getProposalResponsePayload_asU8());
    const chaincodeAction = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
    output.writes.push(...writesOf(chaincodeAction.getResults_asU8(), chaincode));
    output.event ??= eventOf(chaincodeAction.getEvents_asU8(), chaincode);
    for (const endorsement of endorsed.getEndorsementsList()) {
      const mspId = msp.SerializedIdentity.deserializeBinary(endorsement.getEndorser_asU8()).getMspid();
      if (mspId) endorsers.add(mspId);
    }
  }
  output.endorsers = [...endorsers].sort();
  return output;
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function creatorOf(signatureHeaderBytes: Uint8Array): { mspId: string | null; certificate: string | null } {
  if (signatureHeaderBytes.length === 0) return { mspId: null, certificate: null };
  const creator = common.SignatureHeader.deserializeBinary(signatureHeaderBytes).getCreator_asU8();
  if (creator.length === 0) return { mspId: null, certificate: null };
  const identity = msp.SerializedIdentity.deserializeBinary(creator);
  const pem = PEM.exec(text.decode(identity.getIdBytes_asU8()))?.[0] ?? null;
  return { mspId: identity.getMspid() || null, certificate: pem };
}

function decodeTransaction(
  envelopeBytes: Uint8Array,
  index: number,
  code: number,
  chaincode: string,
): DecodedTransaction {
  const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8());
  const header = payload.getHeader();
  const channelHeader = common.ChannelHeader.deserializeBinary(header?.getChannelHeader_asU8() ?? new Uint8Array());
  const type = channelHeader.getType();
  const creator = creatorOf(header?.getSignatureHeader_asU8() ?? new Uint8Array());
  const valid = code === peer.TxValidationCode.VALID;
  const output: ChaincodeOutput =
    type === common.HeaderType.ENDORSER_TRANSACTION
      ? endorserOutput(payload.getData_asU8(), chaincode)
      : { function: null, writes: [], event: null, endorsers: [] };
  return {
    index,
    txId: channelHeader.getTxId(),
    headerType: nameOf(common.HeaderType, type),
    timestamp: isoTime(channelHeader.getTimestamp() as ProtoTimestamp | undefined),
    mspId: creator.mspId,
    creatorCertificate: creator.certificate,
    function: output.function,
    endorsers: output.endorsers,
    validationCode: code,
    validationCodeName: validationCodeName(code),
    valid,
    writes: output.writes,
    event: output.event,
  };
}

/** Decodes a block; `chaincode` names the namespace whose writes and events are kept. */
export function decodeBlock(block: common.Block, chaincode: string): DecodedBlock {
  const header = block.getHeader();
  if (!header) throw new Error('a block without a header');
  const envelopes = block.getData()?.getDataList_asU8() ?? [];
  const filter = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER];
  const transactions = envelopes.map((bytes, i) => {
    // A block without a filter (the genesis block) holds only valid configuration.
    const code = filter?.[i] ?? peer.TxValidationCode.VALID;
    return decodeTransaction(bytes, i, code, chaincode);
  });
  return {
    number: header.getNumber(),
    dataHash: hex(header.getDataHash_asU8()),
    previousHash: hex(header.getPreviousHash_asU8()),
    timestamp: transactions[0]?.timestamp ?? null,
    transactions,
  };
}
