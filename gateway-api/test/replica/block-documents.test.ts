import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { decodeBlock } from '../../src/replica/block-decoder.ts';
import { blockChanges, type DocumentChange } from '../../src/replica/block-documents.ts';
import type {
  CreditBlockDocument,
  IssuanceDocument,
  ProgrammeDocument,
  ReplicaDocument,
  RetirementDocument,
  TransactionDocument,
  TransferDocument,
} from '../../src/replica/documents.ts';
import { documentIdOfKey } from '../../src/replica/record-documents.ts';
import { buildBlock, CHAINCODE, compositeKey, testCertificate } from './block-builder.ts';
import { registryScenario } from './registry-fixtures.ts';

const scenario = registryScenario();
const sectors = (id: number): string | undefined => (id === 1 ? 'Energy' : undefined);

function changesOf(index: number, lookup = sectors): readonly DocumentChange[] {
  const txs = scenario.blocks[index] ?? [];
  return blockChanges(decodeBlock(buildBlock(index + 1, txs), CHAINCODE), lookup).changes;
}

function doc(changes: readonly DocumentChange[], id: string): ReplicaDocument {
  const change = changes.find((c) => c.kind === 'put' && c.doc._id === id);
  if (change?.kind !== 'put') throw new Error(`no document ${id}`);
  return change.doc;
}

const ids = (changes: readonly DocumentChange[]): string[] =>
  changes.map((c) => (c.kind === 'put' ? c.doc._id : `-${c.id}`));

describe('replica document mapping', () => {
  it('names a document for each record key and none for index entries, counters or probes', () => {
    expect(documentIdOfKey(compositeKey('organisation', 'DEV-A'))).to.equal('organisation:DEV-A');
    expect(documentIdOfKey(compositeKey('monitoringRound', 'VCS-1', '000002'))).to.equal(
      'monitoringRound:VCS-1:000002',
    );
    expect(documentIdOfKey(compositeKey('registry', 'national'))).to.equal('registry:registry');
    expect(documentIdOfKey('block/000000000001/0000000000001000')).to.equal(
      'creditBlock:000000000001:0000000000001000',
    );
    expect(documentIdOfKey(compositeKey('programme~state', 'Submitted', 'VCS-1'))).to.equal(undefined);
    expect(documentIdOfKey(compositeKey('programme~number', '000000000001'))).to.equal(undefined);
    expect(documentIdOfKey(compositeKey('counter', 'programmeId'))).to.equal(undefined);
    expect(documentIdOfKey(compositeKey('probe', 'p1'))).to.equal(undefined);
  });

  it('keeps the record as written, with its query fields at top level and where it came from', () => {
    const changes = changesOf(2);
    const programme = doc(changes, 'programme:VCS-1') as ProgrammeDocument;
    expect(programme).to.include({
      type: 'programme',
      externalId: 'VCS-1',
      programmeId: 1,
      state: 'Authorised',
      sector: 'Energy',
      title: 'Turkana Solar Mini-grids',
      titleLower: 'turkana solar mini-grids',
      submittedAt: '2025-02-01T10:00:00.000Z',
    });
    expect(programme.proponents).to.deep.equal(['DEV-A']);
    expect(programme.record).to.include({ docType: 'programme', state: 'Authorised' });
    expect(programme.replica).to.deep.equal({
      block: 3,
      txId: 'tx-auth',
      timestamp: '2025-02-03T10:00:00.000Z',
      previous: null,
    });
    // The counter, the number pointer and the index entries have no documents.
    expect(ids(changes)).to.deep.equal(['programme:VCS-1', 'transaction:tx-auth', 'ledgerBlock:000000000003']);
  });

  it('writes an issuance document with its parts by programme, vintage and sector', () => {
    const changes = changesOf(3);
    const issuance = doc(changes, 'issuance:tx-issue') as IssuanceDocument;
    expect(issuance).to.include({ type: 'issuance', externalId: 'VCS-1', programmeId: 1, quantity: 1000, block: 4 });
    expect(issuance.parts).to.deep.equal([{ programmeId: 1, vintage: 2024, quantity: 1000, sector: 'Energy' }]);
    const block = doc(changes, 'creditBlock:000000000001:0000000000001000') as CreditBlockDocument;
    expect(block).to.include({ holder: 'DEV-A', state: 'Active', start: 1, end: 1000, quantity: 1000, vintage: 2024 });
  });

  it('maps a transfer: both halves of the split block, a transfer document, and nothing of an invalid transaction', () => {
    const changes = changesOf(4);
    expect(ids(changes)).to.deep.equal([
      'creditBlock:000000000001:0000000000000700',
      'creditBlock:000000000001:0000000000001000',
      'transfer:tx-send',
      'transaction:tx-send',
      'transaction:tx-conflict',
      'ledgerBlock:000000000005',
    ]);
    expect(doc(changes, 'creditBlock:000000000001:0000000000001000')).to.include({
      holder: 'DEV-B',
      start: 701,
    });
    const transfer = doc(changes, 'transfer:tx-send') as TransferDocument;
    expect(transfer).to.include({ from: 'DEV-A', to: 'DEV-B', quantity: 300, requestId: null });
    const conflict = doc(changes, 'transaction:tx-conflict') as TransactionDocument;
    expect(conflict).to.include({ valid: false, validationCode: 'MVCC_READ_CONFLICT', event: null });
    expect(conflict.records).to.deep.equal([]);
    const sent = doc(changes, 'transaction:tx-send') as TransactionDocument;
    expect(sent.records).to.deep.equal([
      'creditBlock:000000000001:0000000000000700',
      'creditBlock:000000000001:0000000000001000',
      'transfer:tx-send',
    ]);
    expect(sent.event?.name).to.equal('CreditsTransferred');
  });

  it('dates a retirement and splits it by sector; an unknown programme is reported for lookup', () => {
    const retirement = doc(changesOf(5), 'retirement:tx-retire') as RetirementDocument;
    expect(retirement).to.include({
      state: 'Retired',
      retiredAt: '2026-01-15T12:00:00.000Z',
      beneficiary: 'Republic of Kenya',
    });
    expect(retirement.parts).to.deep.equal([{ programmeId: 1, vintage: 2024, quantity: 100, sector: 'Energy' }]);
    const txs = scenario.blocks[5] ?? [];
    const unknown = blockChanges(decodeBlock(buildBlock(6, txs), CHAINCODE), () => undefined);
    expect(unknown.unknownProgrammes).to.deep.equal([1]);
  });

  it('learns the sector of a programme authorised earlier in the same block', () => {
    const txs = [...(scenario.blocks[2] ?? []), ...(scenario.blocks[3] ?? [])];
    const changes = blockChanges(decodeBlock(buildBlock(9, txs), CHAINCODE), () => undefined);
    expect(changes.unknownProgrammes).to.deep.equal([]);
    expect((doc(changes.changes, 'issuance:tx-issue') as IssuanceDocument).parts[0]?.sector).to.equal('Energy');
  });

  it('writes a transfer for an approved transfer request, with the serials the request locked', () => {
    const serial = 'CA0004-KE-XX-1-701-1000-2024';
    const request = {
      docType: 'transferRequest',
      requestId: 'tx-req',
      from: 'DEV-A',
      to: 'DEV-B',
      requestedBy: 'DEV-B',
    };
    const approved = {
      ...request,
      quantity: 300,
      lockedSerials: [serial],
      state: 'Approved',
      created: { at: 'x' },
      updated: { at: 'y' },
    };
    const block = buildBlock(11, [
      {
        txId: 'tx-approve',
        function: 'transfer:ApproveTransferRequest',
        writes: [{ key: compositeKey('transferRequest', 'tx-req'), value: JSON.stringify(approved) }],
        event: {
          name: 'TransferRequestApproved',
          payload: { requestId: 'tx-req', from: 'DEV-A', to: 'DEV-B', quantity: 300, state: 'Approved' },
        },
      },
    ]);
    const changes = blockChanges(decodeBlock(block, CHAINCODE), sectors).changes;
    const transfer = doc(changes, 'transfer:tx-approve') as TransferDocument;
    expect(transfer).to.include({ from: 'DEV-A', to: 'DEV-B', quantity: 300, requestId: 'tx-req' });
    expect(transfer.serials).to.deep.equal([serial]);
    expect(transfer.parts).to.deep.equal([{ programmeId: 1, vintage: 2024, quantity: 300, sector: 'Energy' }]);
    expect(doc(changes, 'transferRequest:tx-req')).to.include({ state: 'Approved', requestedBy: 'DEV-B' });
  });

  it('turns a deleted record key into a delete of its document', () => {
    const block = buildBlock(8, [{ txId: 'tx-del', writes: [{ key: compositeKey('user', 'u1'), isDelete: true }] }]);
    const changes = blockChanges(decodeBlock(block, CHAINCODE), sectors).changes;
    expect(changes[0]).to.deep.include({ kind: 'delete', id: 'user:u1' });
    expect((doc(changes, 'transaction:tx-del') as TransactionDocument).records).to.deep.equal(['user:u1']);
  });

  it("names the signer by subject and the registry's user id", async () => {
    const certificate = await testCertificate('C=XX, O=Developer, OU=client, CN=dev-a-manager');
    const block = buildBlock(10, [{ txId: 'tx-who', mspId: 'DeveloperMSP', certificate }]);
    const tx = doc(
      blockChanges(decodeBlock(block, CHAINCODE), sectors).changes,
      'transaction:tx-who',
    ) as TransactionDocument;
    const subject = '/C=XX/O=Developer/OU=client/CN=dev-a-manager';
    const userId = createHash('sha256').update(`DeveloperMSP\n${subject}\n${subject}`).digest('hex');
    expect(tx.creator).to.deep.equal({ subject, userId });
    expect(tx).to.include({ mspId: 'DeveloperMSP', function: 'system:RecordProbe', block: 10, index: 0 });
  });
});
