// Unit lookups (serial or programme and unit, read with the chaincode's parser), the public view's
// removal of certificate subjects, and the verification answer's verdict.
import { expect } from 'chai';
import { ApiError } from '../../src/http/api-error.ts';
import type { BlockChainCheck } from '../../src/fabric/block-hash.ts';
import type { LedgerBlockDocument } from '../../src/replica/documents.ts';
import { withoutSubjects } from '../../src/replica/public-view.ts';
import { verificationOf } from '../../src/routes/public/chain-views.ts';
import { answersLookup, unitLookupQuery, unitTarget } from '../../src/routes/public/unit-lookup.ts';

const serialNumber = {
  creditIdentifier: 'CA0004',
  originatingParty: 'VU',
  firstTransferringParty: 'CH',
  programmeId: 356,
  blockStart: 1,
  blockEnd: 3000,
  vintage: 2023,
};

describe('unit lookups', () => {
  it('take a serial’s first unit, or a programme and unit', () => {
    const bySerial = unitTarget(unitLookupQuery.parse({ serial: 'CA0004-VU-CH-356-1001-3000-2023' }));
    expect(bySerial).to.deep.include({ programmeId: 356, unit: 1001 });
    expect(bySerial.serial?.parsed.vintage).to.equal(2023);
    expect(unitTarget(unitLookupQuery.parse({ programmeId: '356', unit: '42' }))).to.deep.equal({
      programmeId: 356,
      unit: 42,
    });
  });

  it('refuse a malformed serial, and a query with both forms or neither', () => {
    try {
      unitTarget(unitLookupQuery.parse({ serial: 'CA0004-VU-CH-356-3000-1-2023' }));
      expect.fail('accepted a serial ending before it starts');
    } catch (err) {
      expect(err).to.be.instanceOf(ApiError);
      expect((err as ApiError).status).to.equal(400);
      expect((err as ApiError).code).to.equal('INVALID_ARGUMENT');
    }
    for (const query of [
      {},
      { programmeId: '1' },
      { serial: 'CA0004-VU-CH-356-1-3000-2023', unit: '4' },
      { programmeId: '0', unit: '1' },
    ]) {
      expect(unitLookupQuery.safeParse(query).success, JSON.stringify(query)).to.equal(false);
    }
  });

  it('accept the block found only when it holds the unit and, for a serial, has its prefix and vintage', () => {
    const target = unitTarget(unitLookupQuery.parse({ serial: 'CA0004-VU-CH-356-1001-3000-2023' }));
    const block = { start: 1001, end: 1500, serialNumber: { ...serialNumber, blockStart: 1001, blockEnd: 1500 } };
    expect(answersLookup(block, target)).to.equal(true);
    expect(answersLookup({ ...block, start: 1002 }, target)).to.equal(false);
    expect(answersLookup({ ...block, serialNumber: { ...block.serialNumber, vintage: 2024 } }, target)).to.equal(false);
    expect(
      answersLookup({ ...block, serialNumber: { ...block.serialNumber, firstTransferringParty: 'XX' } }, target),
    ).to.equal(false);
    expect(
      answersLookup(
        { ...block, serialNumber: { ...block.serialNumber, vintage: 2024 } },
        { programmeId: 356, unit: 1200 },
      ),
    ).to.equal(true);
  });
});

describe('public view of records', () => {
  it('drops the certificate subject (and issuer) of every signer, nothing else', () => {
    const record = {
      title: 'T',
      subject: 'a programme field named subject stays',
      created: { at: 'x', txId: 't', by: { mspId: 'M', subject: '/CN=jane@x', companyId: 'C' } },
      documents: [{ signatures: [{ mspId: 'M', subject: '/CN=joe', issuer: '/CN=ca', signature: 's' }] }],
    };
    expect(withoutSubjects(record)).to.deep.equal({
      title: 'T',
      subject: 'a programme field named subject stays',
      created: { at: 'x', txId: 't', by: { mspId: 'M', companyId: 'C' } },
      documents: [{ signatures: [{ mspId: 'M', signature: 's' }] }],
    });
    expect(record.created.by.subject).to.equal('/CN=jane@x');
  });
});

describe('block verification verdict', () => {
  const chain: BlockChainCheck = {
    number: 4,
    dataHash: { stored: 'aa', computed: 'aa', matches: true },
    previousHash: { stored: 'bb', computedFromPrevious: 'bb', matches: true },
  };
  const replicated = { dataHash: 'aa', previousHash: 'bb' } as LedgerBlockDocument;

  it('is verified when the hashes hold and the replica agrees or has not replicated the block yet', () => {
    expect(verificationOf(chain, replicated)).to.deep.include({ replica: { matches: true }, verified: true });
    expect(verificationOf(chain, undefined)).to.deep.include({ replica: { matches: null }, verified: true });
  });

  it('is not verified when a hash fails or the replica holds other hashes', () => {
    expect(
      verificationOf({ ...chain, dataHash: { stored: 'aa', computed: 'ab', matches: false } }, replicated).verified,
    ).to.equal(false);
    expect(
      verificationOf(
        { ...chain, previousHash: { stored: 'bb', computedFromPrevious: 'bc', matches: false } },
        replicated,
      ).verified,
    ).to.equal(false);
    expect(verificationOf(chain, { ...replicated, previousHash: 'cc' })).to.deep.include({
      replica: { matches: false },
      verified: false,
    });
  });
});
