// A small registry history as the chaincode writes it (records built with the chaincode's own
// domain functions, stored as canonical JSON next to their index entries and counters), in
// blocks: two organisations, a programme submitted and authorised, an issuance, a partial
// transfer (beside an invalidated transaction) and a retirement.
import { canonicalJson, type Json } from '../../../chaincode/src/domain/canonical-json.ts';
import { applyToBlock, issueBlock, splitBlock, type CreditBlock } from '../../../chaincode/src/domain/credit-block.ts';
import type { Retirement } from '../../../chaincode/src/domain/credit-movements.ts';
import { newOrganisation, type Organisation } from '../../../chaincode/src/domain/organisation.ts';
import {
  authoriseProgramme,
  newProgramme,
  recordIssuance,
  type Programme,
} from '../../../chaincode/src/domain/programme.ts';
import type { Stamp } from '../../../chaincode/src/domain/stamp.ts';
import { stateChange } from '../../../chaincode/src/domain/stamp.ts';
import { peer } from '@hyperledger/fabric-protos';
import { programmeInput } from '../support/programme-submission.ts';
import { compositeKey, type TxSpec, type TxWrite } from './block-builder.ts';

const json = (record: object): string => canonicalJson(record as Json);
const MARKER = '\u0000';

const stamp = (txId: string, at: string, mspId: string, companyId: string): Stamp => ({
  at,
  txId,
  by: { mspId, subject: `/C=XX/O=${mspId}/CN=${companyId.toLowerCase()}`, companyId },
});

const blockKey = (b: CreditBlock): string =>
  `block/${String(b.programmeId).padStart(12, '0')}/${String(b.end).padStart(16, '0')}`;

function organisation(companyId: string, role: Organisation['companyRole'], mspId: string, s: Stamp): Organisation {
  const contact = { email: `registry@${companyId.toLowerCase()}.example`, address: '1 Road' };
  return newOrganisation(
    { companyId, name: `${companyId} Ltd`, companyRole: role, hostMspId: mspId, country: 'KE', contact },
    'Active',
    'register',
    s,
  );
}

function organisationWrites(org: Organisation): TxWrite[] {
  return [
    { key: compositeKey('organisation', org.companyId), value: json(org) },
    { key: compositeKey('organisation~state', org.state, org.companyId), value: MARKER },
    { key: compositeKey('organisation~role', org.companyRole, org.companyId), value: MARKER },
  ];
}

function sampleProgramme(s: Stamp): Programme {
  const input = programmeInput('VCS-1', { proponents: [{ companyId: 'DEV-A', shareBps: 10000 }] });
  return newProgramme(input, 'DEV-A', s);
}

const holderIndex = (b: CreditBlock): string =>
  compositeKey(
    'block~holder',
    b.holder,
    b.state,
    String(b.vintage),
    String(b.programmeId).padStart(12, '0'),
    String(b.end).padStart(16, '0'),
  );

const blockWrites = (removed: readonly CreditBlock[], written: readonly CreditBlock[]): TxWrite[] => [
  ...removed.map((b) => ({ key: holderIndex(b), isDelete: true })),
  ...written.flatMap((b) => [
    { key: blockKey(b), value: json(b) },
    { key: holderIndex(b), value: MARKER },
  ]),
];

export interface Scenario {
  readonly blocks: TxSpec[][];
  readonly issued: CreditBlock;
  readonly kept: CreditBlock;
  readonly moved: CreditBlock;
  readonly retired: CreditBlock;
}

// Each step is its own function (one transaction's writes), so the history reads top to bottom.
function registration() {
  const devA = organisation(
    'DEV-A',
    'ProgrammeDeveloper',
    'DeveloperMSP',
    stamp('tx-org-a', '2025-01-10T09:00:00.000Z', 'GovernmentMSP', 'GOV'),
  );
  const devB = organisation(
    'DEV-B',
    'ProgrammeDeveloper',
    'DeveloperMSP',
    stamp('tx-org-b', '2025-01-10T09:01:00.000Z', 'GovernmentMSP', 'GOV'),
  );
  const cert = organisation(
    'CERT-1',
    'Certifier',
    'CertifierMSP',
    stamp('tx-org-c', '2025-01-10T09:02:00.000Z', 'GovernmentMSP', 'GOV'),
  );
  return [
    {
      txId: 'tx-org-a',
      function: 'organisation:RegisterOrganisation',
      writes: organisationWrites(devA),
      event: { name: 'OrganisationRegistered', payload: { companyId: 'DEV-A' } },
    },
    { txId: 'tx-org-b', function: 'organisation:RegisterOrganisation', writes: organisationWrites(devB) },
    { txId: 'tx-org-c', function: 'organisation:RegisterOrganisation', writes: organisationWrites(cert) },
  ];
}

function programmeHistory() {
  const submitted = sampleProgramme(stamp('tx-prog', '2025-02-01T10:00:00.000Z', 'DeveloperMSP', 'DEV-A'));
  const validated = { ...submitted, state: 'Validated' as const };
  const auth = stamp('tx-auth', '2025-02-03T10:00:00.000Z', 'GovernmentMSP', 'GOV');
  const authorised = authoriseProgramme(
    validated,
    { externalId: 'VCS-1', creditIdentifier: 'CA0004', firstTransferringParty: 'XX', article6Authorised: false },
    1,
    'KE',
    auth,
  );
  const programmeKey = compositeKey('programme', 'VCS-1');
  const submit = {
    txId: 'tx-prog',
    function: 'programme:SubmitProgramme',
    mspId: 'DeveloperMSP',
    timestamp: '2025-02-01T10:00:00.000Z',
    writes: [
      { key: programmeKey, value: json(submitted) },
      { key: compositeKey('programme~state', 'Submitted', 'VCS-1'), value: MARKER },
    ],
  };
  const authorise = {
    txId: 'tx-auth',
    function: 'programme:AuthoriseProgramme',
    timestamp: '2025-02-03T10:00:00.000Z',
    writes: [
      { key: compositeKey('counter', 'programmeId'), value: json({ next: 2 }) },
      { key: programmeKey, value: json(authorised) },
      { key: compositeKey('programme~state', 'Submitted', 'VCS-1'), isDelete: true },
      { key: compositeKey('programme~state', 'Authorised', 'VCS-1'), value: MARKER },
      { key: compositeKey('programme~number', '000000000001'), value: json({ externalId: 'VCS-1' }) },
    ],
  };
  return { authorised, submit, authorise };
}

export function registryScenario(): Scenario {
  const { authorised, submit, authorise } = programmeHistory();
  const issue = stamp('tx-issue', '2025-03-01T12:00:00.000Z', 'GovernmentMSP', 'GOV');
  const serialNumber = {
    creditIdentifier: 'CA0004',
    originatingParty: 'KE',
    firstTransferringParty: 'XX',
    programmeId: 1,
    blockStart: 1,
    blockEnd: 1000,
    vintage: 2024,
  };
  const issued = issueBlock(serialNumber, 'VCS-1', 'DEV-A', issue, 'issuance:tx-issue');
  const afterIssuance = recordIssuance(authorised, 1000, issue).programme;

  const send = stamp('tx-send', '2025-04-01T12:00:00.000Z', 'DeveloperMSP', 'DEV-A');
  const split = splitBlock(issued, 300, send);
  const kept = split.kept as CreditBlock;
  const moved = applyToBlock(split.moved, 'transfer', { holder: 'DEV-B', state: 'Active' }, send, 'transfer:tx-send');

  const retire = stamp('tx-retire', '2026-01-15T12:00:00.000Z', 'DeveloperMSP', 'DEV-B');
  const retireSplit = splitBlock(moved, 100, retire);
  const keptByB = retireSplit.kept as CreditBlock;
  const retired = applyToBlock(retireSplit.moved, 'retire', { state: 'Retired' }, retire, 'tx-retire');
  const retirement: Retirement = {
    docType: 'retirement',
    retirementId: 'tx-retire',
    holder: 'DEV-B',
    quantity: 100,
    serials: [retired.serial],
    beneficiary: 'Republic of Kenya',
    category: 'NationallyDeterminedContribution',
    note: '',
    state: 'Retired',
    stateHistory: [stateChange('Retired', 'retire', retire)],
    created: retire,
    updated: retire,
  };

  const blocks: TxSpec[][] = [
    registration(),
    [submit],
    [authorise],
    [
      {
        txId: 'tx-issue',
        function: 'issuance:IssueCredits',
        timestamp: issue.at,
        writes: [...blockWrites([], [issued]), { key: compositeKey('programme', 'VCS-1'), value: json(afterIssuance) }],
        event: {
          name: 'CreditsIssued',
          payload: { externalId: 'VCS-1', programmeId: 1, round: 1, quantity: 1000, serials: [issued.serial] },
        },
      },
    ],
    [
      {
        txId: 'tx-send',
        function: 'transfer:SendCredits',
        mspId: 'DeveloperMSP',
        timestamp: send.at,
        writes: blockWrites([issued], [kept, moved]),
        event: {
          name: 'CreditsTransferred',
          payload: { from: 'DEV-A', to: 'DEV-B', quantity: 300, serials: [moved.serial] },
        },
      },
      {
        txId: 'tx-conflict',
        function: 'transfer:SendCredits',
        mspId: 'DeveloperMSP',
        timestamp: send.at,
        validationCode: peer.TxValidationCode.MVCC_READ_CONFLICT,
        writes: blockWrites([issued], [{ ...issued, holder: 'DEV-C' }]),
        event: {
          name: 'CreditsTransferred',
          payload: { from: 'DEV-A', to: 'DEV-C', quantity: 1000, serials: [issued.serial] },
        },
      },
    ],
    [
      {
        txId: 'tx-retire',
        function: 'retirement:RetireCredits',
        mspId: 'DeveloperMSP',
        timestamp: retire.at,
        writes: [
          ...blockWrites([moved], [keptByB, retired]),
          { key: compositeKey('retirement', 'tx-retire'), value: json(retirement) },
          { key: compositeKey('retirement~state', 'Retired', 'tx-retire'), value: MARKER },
        ],
        event: {
          name: 'CreditsRetired',
          payload: { retirementId: 'tx-retire', holder: 'DEV-B', quantity: 100, state: 'Retired' },
        },
      },
    ],
  ];
  return { blocks, issued, kept, moved, retired };
}
