// Builds ledger blocks as a peer delivers them (common.Block with envelopes, read-write sets,
// chaincode events and the transaction filter), so the decoder and the mapping are tested on the
// same bytes the replicator receives.
// @peculiar/x509 needs the Reflect metadata API loaded before it.
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';
import * as x509 from '@peculiar/x509';
import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';

interface ProtoTimestamp {
  setSeconds(seconds: number): void;
  setNanos(nanos: number): void;
}

// google-protobuf ships no types here; only its Timestamp constructor is needed.
const { Timestamp } = createRequire(import.meta.url)('google-protobuf/google/protobuf/timestamp_pb.js') as {
  Timestamp: new () => ProtoTimestamp;
};

export const CHAINCODE = 'carbon';

export interface TxWrite {
  readonly key: string;
  readonly value?: string;
  readonly isDelete?: boolean;
}

export interface TxSpec {
  readonly txId: string;
  readonly function?: string;
  readonly mspId?: string;
  readonly certificate?: string;
  readonly timestamp?: string;
  readonly writes?: readonly TxWrite[];
  /** Writes to another namespace (e.g. _lifecycle), which the replica must ignore. */
  readonly otherNamespaceWrites?: readonly TxWrite[];
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly validationCode?: number;
  readonly headerType?: number;
  /** MSP ids of the endorsing peers (one endorsement each). */
  readonly endorsers?: readonly string[];
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The world-state key the chaincode's createCompositeKey builds. */
export const compositeKey = (type: string, ...attributes: string[]): string =>
  `\u0000${[type, ...attributes].join('\u0000')}\u0000`;

function nsRwset(namespace: string, writes: readonly TxWrite[]): ledger.rwset.NsReadWriteSet {
  const kv = new ledger.rwset.kvrwset.KVRWSet();
  kv.setWritesList(
    writes.map((w) => {
      const write = new ledger.rwset.kvrwset.KVWrite();
      write.setKey(w.key);
      write.setIsDelete(w.isDelete === true);
      write.setValue(utf8(w.value ?? ''));
      return write;
    }),
  );
  const ns = new ledger.rwset.NsReadWriteSet();
  ns.setNamespace(namespace);
  ns.setRwset(kv.serializeBinary());
  return ns;
}

function chaincodeAction(spec: TxSpec): peer.ChaincodeAction {
  const rwset = new ledger.rwset.TxReadWriteSet();
  rwset.setDataModel(ledger.rwset.TxReadWriteSet.DataModel.KV);
  rwset.setNsRwsetList([nsRwset('_lifecycle', spec.otherNamespaceWrites ?? []), nsRwset(CHAINCODE, spec.writes ?? [])]);
  const action = new peer.ChaincodeAction();
  action.setResults(rwset.serializeBinary());
  if (spec.event) {
    const event = new peer.ChaincodeEvent();
    event.setChaincodeId(CHAINCODE);
    event.setTxId(spec.txId);
    event.setEventName(spec.event.name);
    event.setPayload(utf8(JSON.stringify(spec.event.payload)));
    action.setEvents(event.serializeBinary());
  }
  return action;
}

function transactionBytes(spec: TxSpec): Uint8Array {
  const input = new peer.ChaincodeInput();
  input.setArgsList([utf8(spec.function ?? 'system:RecordProbe'), utf8('{}')]);
  const chaincodeSpec = new peer.ChaincodeSpec();
  chaincodeSpec.setInput(input);
  const invocation = new peer.ChaincodeInvocationSpec();
  invocation.setChaincodeSpec(chaincodeSpec);
  const proposalPayload = new peer.ChaincodeProposalPayload();
  proposalPayload.setInput(invocation.serializeBinary());

  const responsePayload = new peer.ProposalResponsePayload();
  responsePayload.setExtension$(chaincodeAction(spec).serializeBinary());
  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(responsePayload.serializeBinary());
  endorsed.setEndorsementsList(
    (spec.endorsers ?? []).map((mspId) => {
      const identity = new msp.SerializedIdentity();
      identity.setMspid(mspId);
      const endorsement = new peer.Endorsement();
      endorsement.setEndorser(identity.serializeBinary());
      endorsement.setSignature(utf8('signature'));
      return endorsement;
    }),
  );

  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setChaincodeProposalPayload(proposalPayload.serializeBinary());
  actionPayload.setAction(endorsed);
  const action = new peer.TransactionAction();
  action.setPayload(actionPayload.serializeBinary());
  const transaction = new peer.Transaction();
  transaction.setActionsList([action]);
  return transaction.serializeBinary();
}

function envelopeBytes(spec: TxSpec): Uint8Array {
  const millis = Date.parse(spec.timestamp ?? '2025-03-01T10:00:00.000Z');
  const timestamp = new Timestamp();
  timestamp.setSeconds(Math.floor(millis / 1000));
  timestamp.setNanos((millis % 1000) * 1_000_000);
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(spec.headerType ?? common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setChannelId('carbon-registry');
  channelHeader.setTxId(spec.txId);
  channelHeader.setTimestamp(timestamp);
  const creator = new msp.SerializedIdentity();
  creator.setMspid(spec.mspId ?? 'GovernmentMSP');
  creator.setIdBytes(utf8(spec.certificate ?? ''));
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(creator.serializeBinary());
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  const endorser =
    (spec.headerType ?? common.HeaderType.ENDORSER_TRANSACTION) === common.HeaderType.ENDORSER_TRANSACTION;
  payload.setData(endorser ? transactionBytes(spec) : new Uint8Array([1, 2, 3]));
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return envelope.serializeBinary();
}

export function buildBlock(
  number: number,
  transactions: readonly TxSpec[],
  previousHash = new Uint8Array(32),
): common.Block {
  const data = transactions.map(envelopeBytes);
  const header = new common.BlockHeader();
  header.setNumber(number);
  header.setPreviousHash(previousHash);
  header.setDataHash(createHash('sha256').update(Buffer.concat(data)).digest());
  const blockData = new common.BlockData();
  blockData.setDataList(data);
  const metadata = new common.BlockMetadata();
  const filter = Uint8Array.from(transactions.map((t) => t.validationCode ?? peer.TxValidationCode.VALID));
  metadata.setMetadataList([new Uint8Array(), new Uint8Array(), filter, new Uint8Array(), new Uint8Array()]);
  const block = new common.Block();
  block.setHeader(header);
  block.setData(blockData);
  block.setMetadata(metadata);
  return block;
}

/** A self-signed ECDSA certificate with Fabric-style subject fields. */
export async function testCertificate(name: string): Promise<string> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2035-01-01T00:00:00Z'),
      signingAlgorithm: algorithm,
      keys,
    },
    webcrypto,
  );
  return certificate.toString('pem');
}
