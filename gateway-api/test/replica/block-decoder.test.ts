import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { common, peer } from '@hyperledger/fabric-protos';
import { decodeBlock } from '../../src/replica/block-decoder.ts';
import { buildBlock, CHAINCODE, compositeKey, testCertificate } from './block-builder.ts';

describe('replica block decoder', () => {
  let certificate: string;
  before(async () => {
    certificate = await testCertificate('C=XX, O=Government, OU=client, CN=user1');
  });

  it('reads the header, each transaction and its validation code', () => {
    const previous = Uint8Array.from({ length: 32 }, (_, i) => i);
    const block = buildBlock(
      7,
      [
        {
          txId: 'tx-a',
          function: 'programme:SubmitProgramme',
          mspId: 'DeveloperMSP',
          certificate,
          timestamp: '2025-04-02T08:30:00.123Z',
          endorsers: ['GovernmentMSP', 'CertifierMSP', 'GovernmentMSP'],
        },
        { txId: 'tx-b', function: 'transfer:SendCredits', validationCode: peer.TxValidationCode.MVCC_READ_CONFLICT },
      ],
      previous,
    );
    const decoded = decodeBlock(block, CHAINCODE);
    expect(decoded.number).to.equal(7);
    expect(decoded.previousHash).to.equal(Buffer.from(previous).toString('hex'));
    const dataHash = createHash('sha256')
      .update(Buffer.concat(block.getData()?.getDataList_asU8() ?? []))
      .digest('hex');
    expect(decoded.dataHash).to.equal(dataHash);
    expect(decoded.timestamp).to.equal('2025-04-02T08:30:00.123Z');
    expect(decoded.transactions.map((t) => [t.index, t.txId, t.function, t.valid, t.validationCodeName])).to.deep.equal(
      [
        [0, 'tx-a', 'programme:SubmitProgramme', true, 'VALID'],
        [1, 'tx-b', 'transfer:SendCredits', false, 'MVCC_READ_CONFLICT'],
      ],
    );
    expect(decoded.transactions[0]).to.include({ headerType: 'ENDORSER_TRANSACTION', mspId: 'DeveloperMSP' });
    expect(decoded.transactions[0]?.creatorCertificate).to.equal(certificate.trim());
    expect(decoded.transactions[0]?.endorsers).to.deep.equal(['CertifierMSP', 'GovernmentMSP']);
    expect(decoded.transactions[1]?.endorsers).to.deep.equal([]);
  });

  it("keeps only the registry chaincode's writes, with deletes and index markers as written", () => {
    const programme = compositeKey('programme', 'VCS-1');
    const index = compositeKey('programme~state', 'Submitted', 'VCS-1');
    const block = buildBlock(3, [
      {
        txId: 'tx-w',
        writes: [
          { key: programme, value: '{"docType":"programme"}' },
          { key: index, value: '\u0000' },
          { key: compositeKey('programme~state', 'Draft', 'VCS-1'), isDelete: true },
        ],
        otherNamespaceWrites: [{ key: 'namespaces/fields/carbon/Sequence', value: 'x' }],
      },
    ]);
    const [tx] = decodeBlock(block, CHAINCODE).transactions;
    expect(tx?.writes).to.deep.equal([
      { key: programme, isDelete: false, value: '{"docType":"programme"}' },
      { key: index, isDelete: false, value: '\u0000' },
      { key: compositeKey('programme~state', 'Draft', 'VCS-1'), isDelete: true, value: '' },
    ]);
  });

  it("reads the chaincode's event", () => {
    const payload = { externalId: 'VCS-1', programmeId: 4, round: 1, quantity: 10, serials: ['S'] };
    const block = buildBlock(4, [{ txId: 'tx-e', event: { name: 'CreditsIssued', payload } }, { txId: 'tx-n' }]);
    const [withEvent, without] = decodeBlock(block, CHAINCODE).transactions;
    expect(withEvent?.event?.name).to.equal('CreditsIssued');
    expect(JSON.parse(withEvent?.event?.payload ?? '')).to.deep.equal(payload);
    expect(without?.event).to.equal(null);
  });

  it('decodes a configuration transaction without a chaincode action, and a block without a filter as valid', () => {
    const block = buildBlock(0, [{ txId: '', headerType: common.HeaderType.CONFIG }]);
    block.getMetadata()?.setMetadataList([]);
    const [tx] = decodeBlock(block, CHAINCODE).transactions;
    expect(tx).to.include({ headerType: 'CONFIG', function: null, valid: true, event: null });
    expect(tx?.writes).to.deep.equal([]);
    expect(tx?.creatorCertificate).to.equal(null);
    expect(tx?.endorsers).to.deep.equal([]);
  });
});
