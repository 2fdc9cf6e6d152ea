// The public answers built from replica documents of real chaincode records (made with the
// chaincode's own functions and mapped to documents as the replicator does): which fields they
// show, that no certificate subject or person reaches the public, and their CSV tables.
import { expect } from 'chai';
import { applyToBlock, issueBlock, splitBlock } from '../../../chaincode/src/domain/credit-block.ts';
import type { Retirement } from '../../../chaincode/src/domain/credit-movements.ts';
import { newRound } from '../../../chaincode/src/domain/monitoring.ts';
import { newOrganisation } from '../../../chaincode/src/domain/organisation.ts';
import { authoriseProgramme, newProgramme } from '../../../chaincode/src/domain/programme.ts';
import type { Stamp } from '../../../chaincode/src/domain/stamp.ts';
import { toCsv } from '../../src/http/csv.ts';
import type {
  CreditBlockDocument,
  LedgerRecord,
  RecordDocument,
  MonitoringRoundDocument,
  OrganisationDocument,
  ProgrammeDocument,
  RetirementDocument,
  TransactionDocument,
} from '../../src/replica/documents.ts';
import { recordDocument } from '../../src/replica/record-documents.ts';
import {
  creditBlocksCsv,
  retirementItemOf,
  retirementsCsv,
  unitLookupAnswerOf,
} from '../../src/routes/public/credit-items.ts';
import {
  historyCsv,
  historyItemOf,
  monitoringRoundItemOf,
  programmeDetailOf,
  programmeItemOf,
  programmesCsv,
} from '../../src/routes/public/programme-items.ts';
import { organisationDetailOf, organisationsCsv, transactionItemOf } from '../../src/routes/public/registry-items.ts';
import { creditBlockItemOf } from '../../src/routes/public/credit-items.ts';
import { programmeInput, sha } from '../support/programme-submission.ts';

const PERSON = '/C=KE/O=Developer/OU=client/CN=jane.doe@dev.example';
const stamp = (at: string, txId: string, companyId = 'DEV-1', mspId = 'DeveloperMSP'): Stamp => ({
  at,
  txId,
  by: { mspId, subject: PERSON, companyId },
});

function asDocument<T extends RecordDocument>(type: T['type'], naturalId: string, record: object, block = 7): T {
  const id = `${type}:${naturalId}`;
  const doc = recordDocument(
    id,
    record as LedgerRecord,
    { block, txId: 'tx-last', timestamp: '2024-06-01T00:00:00Z', previous: null },
    () => 'Energy',
  );
  if (!doc) throw new Error(`no document for ${id}`);
  return doc as unknown as T;
}

const input = programmeInput('VCS-1', {
  title: 'Turkana Solar, "phase 1"',
  proponents: [
    { companyId: 'DEV-1', shareBps: 6000 },
    { companyId: 'DEV-2', shareBps: 4000 },
  ],
});

const submitted = newProgramme(input, 'DEV-1', stamp('2024-01-02T00:00:00Z', 'tx-1'));
const authorised = authoriseProgramme(
  { ...submitted, state: 'Validated' },
  { externalId: 'VCS-1', creditIdentifier: 'CA0004', firstTransferringParty: 'XX', article6Authorised: false },
  12,
  'KE',
  stamp('2024-02-01T00:00:00Z', 'tx-2', 'GOV-KE', 'GovernmentMSP'),
);

const noSubjectAnywhere = (value: unknown): void => {
  const text = JSON.stringify(value);
  expect(text).to.not.include('jane.doe');
  expect(text).to.not.include('"subject"');
};

describe('public answers', () => {
  it('show a programme with its documents’ hashes, signers by organisation only', () => {
    const doc = asDocument<ProgrammeDocument>('programme', 'VCS-1', authorised);
    const item = programmeItemOf(doc);
    expect(item).to.deep.include({
      externalId: 'VCS-1',
      programmeId: 12,
      state: 'Authorised',
      proponents: ['DEV-1', 'DEV-2'],
      serialPrefix: 'CA0004-KE-XX-12',
      creditsIssued: 0,
      submittedAt: '2024-01-02T00:00:00Z',
    });
    const detail = programmeDetailOf(doc);
    expect(detail.documents[0]).to.deep.include({
      type: 'ProjectDesignDocument',
      sha256: sha(1),
      addedIn: 'tx-1',
      addedBy: { mspId: 'DeveloperMSP', companyId: 'DEV-1' },
    });
    expect(detail.lastChange).to.deep.equal({ block: 7, txId: 'tx-last', timestamp: '2024-06-01T00:00:00Z' });
    expect((detail.record as { stateHistory: unknown[] }).stateHistory).to.have.length(2);
    noSubjectAnywhere(detail);
    expect(programmeItemOf(asDocument<ProgrammeDocument>('programme', 'VCS-1', submitted))).to.deep.include({
      programmeId: null,
      serialPrefix: null,
    });
  });

  it('show monitoring rounds with claimed, verified and issued quantities', () => {
    const round = newRound(
      authorised,
      {
        externalId: 'VCS-1',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        claimedReductions: 500,
        report: { sha256: sha(3), uri: 'u', version: 1 },
      },
      1,
      undefined,
      stamp('2025-01-05T00:00:00Z', 'tx-3'),
    );
    const item = monitoringRoundItemOf(asDocument<MonitoringRoundDocument>('monitoringRound', 'VCS-1:000001', round));
    expect(item).to.deep.include({
      round: 1,
      vintage: 2024,
      claimedReductions: 500,
      verifiedReductions: null,
      issued: 0,
      state: 'Submitted',
    });
    expect(item.documents.map((d) => d.sha256)).to.deep.equal([sha(3)]);
    noSubjectAnywhere(item);
  });

  it('show a block holding a unit, with its lineage as provenance and whether the serial is exact', () => {
    const issued = issueBlock(
      {
        creditIdentifier: 'CA0004',
        originatingParty: 'KE',
        firstTransferringParty: 'XX',
        programmeId: 12,
        blockStart: 1,
        blockEnd: 3000,
        vintage: 2024,
      },
      'VCS-1',
      'DEV-1',
      stamp('2025-02-01T00:00:00Z', 'tx-4', 'GOV-KE', 'GovernmentMSP'),
      'issuance:tx-4',
    );
    const { moved } = splitBlock(issued, 1000, stamp('2025-03-01T00:00:00Z', 'tx-5'));
    const transferred = applyToBlock(
      moved,
      'transfer',
      { holder: 'DEV-2', state: 'Active' },
      stamp('2025-03-01T00:00:00Z', 'tx-5'),
    );
    const doc = asDocument<CreditBlockDocument>('creditBlock', '000000000012:0000000000003000', transferred);
    const answer = unitLookupAnswerOf(doc, 2001, 'CA0004-KE-XX-12-1-3000-2024');
    expect(answer.exact).to.equal(false);
    expect(answer.block).to.deep.include({ serial: 'CA0004-KE-XX-12-2001-3000-2024', holder: 'DEV-2', quantity: 1000 });
    expect(answer.provenance.map((p) => p.action)).to.deep.equal(['issue', 'split', 'transfer']);
    expect(answer.provenance[0]).to.deep.include({
      reference: 'issuance:tx-4',
      by: { mspId: 'GovernmentMSP', companyId: 'GOV-KE' },
    });
    expect(unitLookupAnswerOf(doc, 2001, 'CA0004-KE-XX-12-2001-3000-2024').exact).to.equal(true);
    noSubjectAnywhere(answer);

    const csv = toCsv(creditBlocksCsv({ items: [creditBlockItemOf(doc)] }));
    expect(csv).to.equal(
      'serial,programmeId,externalId,vintage,start,end,quantity,holder,state,updatedAt\r\n' +
        'CA0004-KE-XX-12-2001-3000-2024,12,VCS-1,2024,2001,3000,1000,DEV-2,Active,2025-03-01T00:00:00Z\r\n',
    );
  });

  it('register retirements with beneficiary, category, quantity, serials and dates', () => {
    const retirement: Retirement = {
      docType: 'retirement',
      retirementId: 'r-1',
      holder: 'DEV-2',
      quantity: 40,
      serials: ['CA0004-KE-XX-12-2001-2040-2024'],
      beneficiary: 'Acme, Inc.',
      category: 'OtherInternationalMitigationPurposes',
      note: '=HYPERLINK("x")',
      useAbroad: { country: 'CH' },
      state: 'Retired',
      stateHistory: [
        { state: 'Pending', action: 'request', at: '2025-04-01T00:00:00Z', txId: 'tx-6', by: stamp('', '').by },
        { state: 'Retired', action: 'approve', at: '2025-04-02T00:00:00Z', txId: 'tx-7', by: stamp('', '').by },
      ],
      created: stamp('2025-04-01T00:00:00Z', 'tx-6'),
      updated: stamp('2025-04-02T00:00:00Z', 'tx-7'),
    };
    const item = retirementItemOf(asDocument<RetirementDocument>('retirement', 'r-1', retirement));
    expect(item).to.deep.equal({
      retirementId: 'r-1',
      holder: 'DEV-2',
      beneficiary: 'Acme, Inc.',
      category: 'OtherInternationalMitigationPurposes',
      note: '=HYPERLINK("x")',
      useAbroad: 'CH',
      quantity: 40,
      serials: ['CA0004-KE-XX-12-2001-2040-2024'],
      state: 'Retired',
      requestedAt: '2025-04-01T00:00:00Z',
      retiredAt: '2025-04-02T00:00:00Z',
    });
    const [header, row] = toCsv(retirementsCsv({ items: [item] })).split('\r\n');
    expect(header).to.equal(
      'retirementId,holder,beneficiary,category,note,useAbroad,quantity,state,requestedAt,retiredAt,serials',
    );
    // Quoted where needed, and a formula neutralised for spreadsheets.
    expect(row).to.equal(
      `r-1,DEV-2,"Acme, Inc.",OtherInternationalMitigationPurposes,"'=HYPERLINK(""x"")",CH,40,Retired,2025-04-01T00:00:00Z,2025-04-02T00:00:00Z,CA0004-KE-XX-12-2001-2040-2024`,
    );
  });

  it('show organisations with their public contact and state history, no people', () => {
    const org = newOrganisation(
      {
        companyId: 'DEV-1',
        name: 'Sun Ltd',
        companyRole: 'ProgrammeDeveloper',
        hostMspId: 'DeveloperMSP',
        country: 'KE',
        contact: { email: 'registry@sun.example', address: '1 Road' },
      },
      'Pending',
      'apply',
      stamp('2024-01-01T00:00:00Z', 'tx-0'),
    );
    const detail = organisationDetailOf(asDocument<OrganisationDocument>('organisation', 'DEV-1', org));
    expect(detail).to.deep.equal({
      companyId: 'DEV-1',
      name: 'Sun Ltd',
      companyRole: 'ProgrammeDeveloper',
      state: 'Pending',
      country: 'KE',
      hostMspId: 'DeveloperMSP',
      contact: { email: 'registry@sun.example', address: '1 Road' },
      registeredAt: '2024-01-01T00:00:00Z',
      stateHistory: [{ state: 'Pending', action: 'apply', at: '2024-01-01T00:00:00Z', txId: 'tx-0' }],
    });
    const csv = toCsv(organisationsCsv({ items: [detail] }));
    expect(csv.split('\r\n')[1]).to.equal(
      'DEV-1,Sun Ltd,ProgrammeDeveloper,Pending,KE,DeveloperMSP,registry@sun.example,,1 Road,2024-01-01T00:00:00Z',
    );
  });

  it('name a transaction’s signer by MSP and user id, never by subject', () => {
    const tx: TransactionDocument = {
      _id: 'transaction:t1',
      type: 'transaction',
      txId: 't1',
      block: 9,
      index: 2,
      position: 9_000_002,
      timestamp: '2025-01-01T00:00:00Z',
      headerType: 'ENDORSER_TRANSACTION',
      mspId: 'DeveloperMSP',
      creator: { subject: PERSON, userId: 'u'.repeat(64) },
      function: 'programme:SubmitProgramme',
      event: {
        name: 'ProgrammeSubmitted',
        payload: { externalId: 'VCS-1', by: { mspId: 'DeveloperMSP', subject: PERSON } },
      },
      endorsers: ['CertifierMSP', 'DeveloperMSP', 'GovernmentMSP'],
      validationCode: 'VALID',
      valid: true,
      records: ['programme:VCS-1'],
    };
    const item = transactionItemOf(tx);
    expect(item).to.deep.include({
      mspId: 'DeveloperMSP',
      userId: 'u'.repeat(64),
      function: 'programme:SubmitProgramme',
    });
    expect(item.endorsers).to.deep.equal(['CertifierMSP', 'DeveloperMSP', 'GovernmentMSP']);
    noSubjectAnywhere(item);
    const history = historyItemOf(tx);
    expect(history).to.deep.equal({
      txId: 't1',
      block: 9,
      index: 2,
      timestamp: '2025-01-01T00:00:00Z',
      function: 'programme:SubmitProgramme',
      mspId: 'DeveloperMSP',
      userId: 'u'.repeat(64),
      event: 'ProgrammeSubmitted',
    });
    expect(toCsv(historyCsv({ items: [history] })).split('\r\n')[0]).to.equal(
      'txId,block,index,timestamp,function,mspId,userId,event',
    );
  });

  it('export programmes with list columns joined by spaces', () => {
    const item = programmeItemOf(asDocument<ProgrammeDocument>('programme', 'VCS-1', authorised));
    const [, row] = toCsv(programmesCsv({ items: [item] })).split('\r\n');
    expect(row).to.equal(
      'VCS-1,12,"Turkana Solar, ""phase 1""",Authorised,Energy,Solar,KE,DEV-1 DEV-2,CERT-1,CA0004-KE-XX-12,0,2024-01-02T00:00:00Z,2024-02-01T00:00:00Z',
    );
  });
});
