// Every write route against a fake ledger: which chaincode transaction it submits, with which
// request (path and body merged, the chaincode's defaults applied), signed by whom, with what
// status — and that together they cover every registry write that is not an account route.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ApiError } from '../../src/http/api-error.ts';
import { allRoutes } from '../../src/routes/index.ts';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import { programmeInput, programmeSubmission, sha } from '../support/programme-submission.ts';
import { ACTORS, call, fakeGatewayForSuite } from './fake-gateway.ts';

const doc = (n: number) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf` });
const withVersion = (n: number) => ({ ...doc(n), version: 1 });

interface WriteCase {
  readonly as: keyof typeof ACTORS;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: unknown;
  readonly transaction: string;
  readonly request: unknown;
  readonly status?: number;
}

const reason = 'checked on site';

export const WRITES: readonly WriteCase[] = [
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-9/approval',
    body: {},
    transaction: 'organisation:ApproveOrganisation',
    request: { companyId: 'DEV-9' },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-9/rejection',
    body: { reason },
    transaction: 'organisation:RejectOrganisation',
    request: { companyId: 'DEV-9', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-9/suspension',
    body: { reason },
    transaction: 'organisation:SuspendOrganisation',
    request: { companyId: 'DEV-9', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-9/reactivation',
    body: { reason },
    transaction: 'organisation:ReactivateOrganisation',
    request: { companyId: 'DEV-9', reason },
  },
  {
    as: 'developer',
    method: 'PUT',
    path: '/organisations/DEV-1/contact',
    body: { email: 'office@dev-1.example', address: '2 Market Street' },
    transaction: 'organisation:UpdateOrganisationContact',
    request: { companyId: 'DEV-1', contact: { email: 'office@dev-1.example', address: '2 Market Street' } },
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/programmes',
    body: programmeSubmission('P-1'),
    transaction: 'programme:SubmitProgramme',
    request: programmeInput('P-1'),
    status: 201,
  },
  {
    as: 'certifier',
    method: 'POST',
    path: '/programmes/P-1/validation',
    body: { validationReport: doc(2) },
    transaction: 'programme:ValidateProgramme',
    request: { externalId: 'P-1', validationReport: withVersion(2) },
  },
  {
    as: 'certifier',
    method: 'POST',
    path: '/programmes/P-1/rejection',
    body: { reason },
    transaction: 'programme:RejectProgramme',
    request: { externalId: 'P-1', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/programmes/P-1/authorisation',
    body: { creditIdentifier: 'CA0004' },
    transaction: 'programme:AuthoriseProgramme',
    request: { externalId: 'P-1', creditIdentifier: 'CA0004', firstTransferringParty: 'XX', article6Authorised: false },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/programmes/P-1/suspension',
    body: { reason },
    transaction: 'programme:SuspendProgramme',
    request: { externalId: 'P-1', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/programmes/P-1/reinstatement',
    body: { reason },
    transaction: 'programme:ReinstateProgramme',
    request: { externalId: 'P-1', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/programmes/P-1/closure',
    body: { reason },
    transaction: 'programme:CloseProgramme',
    request: { externalId: 'P-1', reason },
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/programmes/P-1/documents',
    body: { type: 'VerificationAgreement', document: { ...doc(5), version: 2 } },
    transaction: 'programme:AddProgrammeDocument',
    request: { externalId: 'P-1', type: 'VerificationAgreement', document: { ...doc(5), version: 2 } },
    status: 201,
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds',
    body: { periodStart: '2024-01-01', periodEnd: '2024-12-31', claimedReductions: 100, report: doc(3) },
    transaction: 'monitoring:SubmitMonitoringReport',
    request: {
      externalId: 'P-1',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      claimedReductions: 100,
      report: withVersion(3),
    },
    status: 201,
  },
  {
    as: 'certifier',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds/2/verification',
    body: { verifiedReductions: 90, verificationReport: doc(4) },
    transaction: 'monitoring:VerifyMonitoringReport',
    request: { externalId: 'P-1', round: 2, verifiedReductions: 90, verificationReport: withVersion(4) },
  },
  {
    as: 'certifier',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds/2/rejection',
    body: { reason },
    transaction: 'monitoring:RejectMonitoringReport',
    request: { externalId: 'P-1', round: 2, reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/programmes/P-1/issuances',
    body: { round: 2, quantity: 90 },
    transaction: 'issuance:IssueCredits',
    request: { externalId: 'P-1', round: 2, quantity: 90 },
    status: 201,
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/transfers',
    body: { to: 'DEV-2', quantity: 5 },
    transaction: 'transfer:SendCredits',
    request: { to: 'DEV-2', quantity: 5, select: {} },
    status: 201,
  },
  {
    as: 'otherDeveloper',
    method: 'POST',
    path: '/transfer-requests',
    body: { from: 'DEV-1', quantity: 5, select: { vintage: 2024 } },
    transaction: 'transfer:RequestCredits',
    request: { from: 'DEV-1', quantity: 5, select: { vintage: 2024 }, note: '' },
    status: 201,
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/transfer-requests/tx-a/approval',
    body: {},
    transaction: 'transfer:ApproveTransferRequest',
    request: { requestId: 'tx-a', reason: '' },
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/transfer-requests/tx-a/rejection',
    body: { reason },
    transaction: 'transfer:RejectTransferRequest',
    request: { requestId: 'tx-a', reason },
  },
  {
    as: 'otherDeveloper',
    method: 'POST',
    path: '/transfer-requests/tx-a/cancellation',
    body: {},
    transaction: 'transfer:CancelTransferRequest',
    request: { requestId: 'tx-a', reason: '' },
  },
  {
    as: 'developer',
    method: 'POST',
    path: '/retirements',
    body: {
      quantity: 3,
      beneficiary: 'Acme Airlines',
      category: 'OtherInternationalMitigationPurposes',
      useAbroad: { country: 'FR' },
    },
    transaction: 'retirement:RetireCredits',
    request: {
      quantity: 3,
      select: {},
      beneficiary: 'Acme Airlines',
      category: 'OtherInternationalMitigationPurposes',
      note: '',
      useAbroad: { country: 'FR' },
    },
    status: 201,
  },
  {
    as: 'government',
    method: 'POST',
    path: '/retirements/r-1/approval',
    body: {},
    transaction: 'retirement:ApproveRetirement',
    request: { retirementId: 'r-1', reason: '' },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/retirements/r-1/rejection',
    body: { reason },
    transaction: 'retirement:RejectRetirement',
    request: { retirementId: 'r-1', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/cancellations',
    body: { holder: 'DEV-1', quantity: 2, reason: 'Buffer', note: 'buffer pool' },
    transaction: 'custody:CancelCredits',
    request: { holder: 'DEV-1', quantity: 2, select: {}, reason: 'Buffer', note: 'buffer pool' },
    status: 201,
  },
  {
    as: 'government',
    method: 'POST',
    path: '/credit-blocks/CA0004-XX-XX-1-1-10-2024/freeze',
    body: { reason },
    transaction: 'custody:FreezeCredits',
    request: { serial: 'CA0004-XX-XX-1-1-10-2024', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/credit-blocks/CA0004-XX-XX-1-1-10-2024/unfreeze',
    body: { reason },
    transaction: 'custody:UnfreezeCredits',
    request: { serial: 'CA0004-XX-XX-1-1-10-2024', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-1/holdings/freeze',
    body: { reason },
    transaction: 'custody:FreezeHoldings',
    request: { companyId: 'DEV-1', reason },
  },
  {
    as: 'government',
    method: 'POST',
    path: '/organisations/DEV-1/holdings/unfreeze',
    body: { reason },
    transaction: 'custody:UnfreezeHoldings',
    request: { companyId: 'DEV-1', reason },
  },
];

/**
 * Writes these routes leave to others: those that create people or accounts (the account routes),
 * and the operators' probe of the endorse–order–commit path, which is no registry operation.
 */
const NOT_HERE = new Set([
  'system:RecordProbe',
  'organisation:BootstrapGovernment',
  'organisation:ApplyForRegistration',
  'organisation:RegisterOrganisation',
  'user:RegisterUser',
  'user:ChangeUserRole',
  'user:SuspendUser',
  'user:ReactivateUser',
]);

/** Every submit (not evaluate) transaction the chaincode's contracts declare, read from their source. */
function chaincodeWrites(): string[] {
  const dir = join(REPO_ROOT, 'chaincode', 'src', 'contracts');
  const names: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-contract.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const contract = /super\('(\w+)'\)/.exec(source)?.[1];
    for (const match of source.matchAll(/@Transaction\(\)\s+(?:@Returns\('\w+'\)\s+)?async (\w+)\(/g)) {
      names.push(`${contract ?? file}:${match[1] ?? ''}`);
    }
  }
  return names.sort();
}

const templateMatches = (template: string, path: string): boolean =>
  new RegExp(`^${template.replace(/:\w+/g, '[^/]+')}$`).test(path);

describe('write routes (fake ledger)', () => {
  const gateway = fakeGatewayForSuite(allRoutes);
  beforeEach(() => {
    gateway.ledger.onSubmit = () => ({ ok: true });
  });

  for (const w of WRITES) {
    it(`${w.method} ${w.path} submits ${w.transaction} signed by the ${w.as}`, async () => {
      const answer = await call(gateway.base, w.method, w.path, { as: w.as, body: w.body });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(w.status ?? 200);
      expect(gateway.ledger.submits()).to.deep.equal([
        { kind: 'submit', signer: ACTORS[w.as]?.userId, transaction: w.transaction, request: w.request },
      ]);
      expect(answer.body).to.deep.equal({
        transactionId: `tx-${String(gateway.ledger.calls.length)}`,
        result: { ok: true },
      });
    });
  }

  it('covers every chaincode write except the account routes’, and each write route once', () => {
    const covered = new Set(WRITES.map((w) => w.transaction));
    const expected = chaincodeWrites().filter((t) => !NOT_HERE.has(t));
    expect(expected.length).to.be.greaterThan(25);
    expect([...covered].sort()).to.deep.equal(expected);
    const writeRoutes = allRoutes.filter((r) => r.method === 'post' || r.method === 'put');
    // An upload stores a file in the gateway and submits nothing to the ledger.
    const ledgerWrites = writeRoutes.filter((r) => !r.path.startsWith('/auth') && !isAccountPath(r.path) && !r.upload);
    for (const r of ledgerWrites) {
      const cases = WRITES.filter((w) => w.method.toLowerCase() === r.method && templateMatches(r.path, w.path));
      expect(cases, `${r.method} ${r.path}`).to.have.length(1);
    }
  });

  it('answers 401 without credentials and submits nothing', async () => {
    for (const w of WRITES) {
      const answer = await call(gateway.base, w.method, w.path, { body: w.body });
      expect(answer.status, `${w.method} ${w.path}`).to.equal(401);
      expect(answer.body.code).to.equal('UNAUTHENTICATED');
    }
    expect(gateway.ledger.calls).to.deep.equal([]);
  });

  it('passes the ledger’s refusal through unchanged', async () => {
    gateway.ledger.onSubmit = () => {
      throw new ApiError(403, 'FORBIDDEN', 'a Manager of a Certifier organisation may not credits.issue', { x: 1 });
    };
    const answer = await call(gateway.base, 'POST', '/programmes/P-1/issuances', {
      as: 'certifier',
      body: { round: 1, quantity: 1 },
    });
    expect(answer).to.deep.equal({
      status: 403,
      body: {
        code: 'FORBIDDEN',
        message: 'a Manager of a Certifier organisation may not credits.issue',
        details: { x: 1 },
      },
    });
  });
});

/** Paths of the account routes (people, log-in, keys), which other tests cover. */
function isAccountPath(path: string): boolean {
  return (
    ['/registry/bootstrap', '/organisations', '/organisations/applications'].includes(path) ||
    /^\/(users|api-keys)/.test(path)
  );
}
