// The chaincode's role × operation matrix, repeated at the API: for every write endpoint, a person
// of each (organisation role, user role) the permission table does not allow gets 403 FORBIDDEN,
// and the records the endpoint would change read the same afterwards. The table is the chaincode's
// own (chaincode/src/domain/permissions.ts). Partner registries are left out: the network has no
// MSP that may host one (they come with Article 6).
import { expect } from 'chai';
import { OPERATIONS, isAllowed, type Operation } from '../../../chaincode/src/domain/permissions.ts';
import { allRoutes } from '../../../gateway-api/src/routes/index.ts';
import {
  ApiScenario,
  monitoringReport,
  type CompanyRole,
  type Organisation,
  type Person,
  type UserRole,
} from '../src/api-scenario.ts';
import { LedgerReader } from '../src/ledger-reader.ts';
import { sha } from '../src/registry-setup.ts';

const COMPANY_ROLES: readonly CompanyRole[] = ['Government', 'Certifier', 'ProgrammeDeveloper', 'MRV'];
const USER_ROLES: readonly UserRole[] = ['Admin', 'Manager', 'ViewOnly'];
/** Operations of the account routes (registering organisations and people), which their own suite covers. */
const ACCOUNT_OPERATIONS: readonly Operation[] = [
  'organisation.register',
  'user.register',
  'user.changeRole',
  'user.suspend',
  'user.reactivate',
];

interface Fixture {
  readonly s: ApiScenario;
  readonly people: ReadonlyMap<string, Person>;
  readonly developer: Organisation;
  readonly buyer: Organisation;
  readonly pending: string;
  readonly submitted: string;
  readonly authorised: string;
  readonly programmeId: number;
  readonly verifiedRound: number;
  readonly submittedRound: number;
  readonly serial: string;
  readonly requestId: string;
  readonly retirementId: string;
}

type Read = readonly [transaction: string, ...args: string[]];

interface Endpoint {
  readonly operation: Operation;
  /** The route as declared, e.g. "post /programmes/:externalId/validation". */
  readonly route: string;
  readonly path: (f: Fixture, caller: Person) => string;
  readonly body: (f: Fixture, caller: Person) => unknown;
  /** Ledger reads that must answer the same after the refusals. */
  readonly watch: (f: Fixture, caller: Person) => readonly Read[];
}

const reason = 'refused by the role matrix';
const doc = (n: number) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf` });
const credits = (f: Fixture): Read[] => [
  ['credit:ListBlocks', JSON.stringify({ programmeId: f.programmeId, pageSize: 200 })],
  ['transfer:GetTransferRequest', f.requestId],
  ['retirement:GetRetirement', f.retirementId],
];
const organisation = (companyId: string): Read => ['organisation:GetOrganisation', companyId];
const programme = (externalId: string): Read => ['programme:GetProgramme', externalId];
const rounds = (f: Fixture): Read => ['monitoring:ListMonitoringRounds', f.authorised];

function endpoint(
  operation: Operation,
  route: string,
  path: Endpoint['path'],
  body: Endpoint['body'],
  watch: Endpoint['watch'],
): Endpoint {
  return { operation, route, path, body, watch };
}

const ENDPOINTS: readonly Endpoint[] = [
  ...(['approval', 'rejection'] as const).map((segment) =>
    endpoint(
      segment === 'approval' ? 'organisation.approve' : 'organisation.reject',
      `post /organisations/:companyId/${segment}`,
      (f) => `/organisations/${f.pending}/${segment}`,
      () => ({ reason }),
      (f) => [organisation(f.pending)],
    ),
  ),
  ...(['suspension', 'reactivation'] as const).map((segment) =>
    endpoint(
      segment === 'suspension' ? 'organisation.suspend' : 'organisation.reactivate',
      `post /organisations/:companyId/${segment}`,
      (f) => `/organisations/${f.developer.companyId}/${segment}`,
      () => ({ reason }),
      (f) => [organisation(f.developer.companyId), ...credits(f)],
    ),
  ),
  endpoint(
    'organisation.updateContact',
    'put /organisations/:companyId/contact',
    (_f, caller) => `/organisations/${caller.user.companyId}/contact`,
    () => ({ email: 'changed@example.org', address: 'Nowhere 1' }),
    (_f, caller) => [organisation(caller.user.companyId)],
  ),
  endpoint(
    'programme.submit',
    'post /programmes',
    () => '/programmes',
    (f) => f.s.programmeInput(`${f.submitted}-NEW`, f.developer.companyId, certifierOf(f)),
    (f) => [programme(`${f.submitted}-NEW`)],
  ),
  endpoint(
    'programme.validate',
    'post /programmes/:externalId/validation',
    (f) => `/programmes/${f.submitted}/validation`,
    () => ({ validationReport: doc(2) }),
    (f) => [programme(f.submitted)],
  ),
  endpoint(
    'programme.reject',
    'post /programmes/:externalId/rejection',
    (f) => `/programmes/${f.submitted}/rejection`,
    () => ({ reason }),
    (f) => [programme(f.submitted)],
  ),
  endpoint(
    'programme.authorise',
    'post /programmes/:externalId/authorisation',
    (f) => `/programmes/${f.submitted}/authorisation`,
    () => ({ creditIdentifier: 'CA0004' }),
    (f) => [programme(f.submitted)],
  ),
  ...(
    [
      ['suspension', 'programme.suspend'],
      ['reinstatement', 'programme.reinstate'],
      ['closure', 'programme.close'],
    ] as const
  ).map(([segment, operation]) =>
    endpoint(
      operation,
      `post /programmes/:externalId/${segment}`,
      (f) => `/programmes/${f.authorised}/${segment}`,
      () => ({ reason }),
      (f) => [programme(f.authorised)],
    ),
  ),
  endpoint(
    'programme.addDocument',
    'post /programmes/:externalId/documents',
    (f) => `/programmes/${f.authorised}/documents`,
    () => ({ type: 'TransferAgreement', document: doc(9) }),
    (f) => [programme(f.authorised)],
  ),
  endpoint(
    'monitoring.submit',
    'post /programmes/:externalId/monitoring-rounds',
    (f) => `/programmes/${f.authorised}/monitoring-rounds`,
    () => monitoringReport(10, 2026),
    (f) => [rounds(f)],
  ),
  endpoint(
    'monitoring.verify',
    'post /programmes/:externalId/monitoring-rounds/:round/verification',
    (f) => `/programmes/${f.authorised}/monitoring-rounds/${String(f.submittedRound)}/verification`,
    () => ({ verifiedReductions: 10, verificationReport: doc(4) }),
    (f) => [rounds(f)],
  ),
  endpoint(
    'monitoring.reject',
    'post /programmes/:externalId/monitoring-rounds/:round/rejection',
    (f) => `/programmes/${f.authorised}/monitoring-rounds/${String(f.submittedRound)}/rejection`,
    () => ({ reason }),
    (f) => [rounds(f)],
  ),
  endpoint(
    'credits.issue',
    'post /programmes/:externalId/issuances',
    (f) => `/programmes/${f.authorised}/issuances`,
    (f) => ({ round: f.verifiedRound, quantity: 1 }),
    (f) => [rounds(f), programme(f.authorised), ...credits(f)],
  ),
  endpoint(
    'credits.send',
    'post /transfers',
    () => '/transfers',
    (f) => ({ to: f.buyer.companyId, quantity: 1 }),
    credits,
  ),
  endpoint(
    'credits.request',
    'post /transfer-requests',
    () => '/transfer-requests',
    (f) => ({ from: f.developer.companyId, quantity: 1 }),
    (f) => [...credits(f), ['transfer:ListTransferRequests', JSON.stringify({ companyId: f.developer.companyId })]],
  ),
  ...(
    [
      ['approval', 'credits.decideRequest'],
      ['rejection', 'credits.decideRequest'],
      ['cancellation', 'credits.cancelRequest'],
    ] as const
  ).map(([segment, operation]) =>
    endpoint(
      operation,
      `post /transfer-requests/:requestId/${segment}`,
      (f) => `/transfer-requests/${f.requestId}/${segment}`,
      () => ({ reason }),
      credits,
    ),
  ),
  endpoint(
    'credits.retire',
    'post /retirements',
    () => '/retirements',
    () => ({ quantity: 1, beneficiary: 'Nobody', category: 'VoluntaryCancellation' }),
    credits,
  ),
  ...(['approval', 'rejection'] as const).map((segment) =>
    endpoint(
      'credits.decideRetirement',
      `post /retirements/:retirementId/${segment}`,
      (f) => `/retirements/${f.retirementId}/${segment}`,
      () => ({ reason }),
      credits,
    ),
  ),
  endpoint(
    'credits.cancel',
    'post /cancellations',
    () => '/cancellations',
    (f) => ({ holder: f.developer.companyId, quantity: 1, reason: 'LegalAction', note: reason }),
    credits,
  ),
  ...(['freeze', 'unfreeze'] as const).flatMap((action) => [
    endpoint(
      'credits.freeze',
      `post /credit-blocks/:serial/${action}`,
      (f) => `/credit-blocks/${f.serial}/${action}`,
      () => ({ reason }),
      credits,
    ),
    endpoint(
      'credits.freeze',
      `post /organisations/:companyId/holdings/${action}`,
      (f) => `/organisations/${f.developer.companyId}/holdings/${action}`,
      () => ({ reason }),
      credits,
    ),
  ]),
];

const certifierOf = (f: Fixture): string => f.people.get('Certifier/Admin')?.user.companyId ?? '';

/** Every (organisation role, user role) this network can have that the table forbids `operation`. */
const forbiddenCallers = (operation: Operation): string[] =>
  COMPANY_ROLES.flatMap((c) => USER_ROLES.filter((u) => !isAllowed(c, u, operation)).map((u) => `${c}/${u}`));

const isAccountRoute = (path: string): boolean =>
  ['/registry/bootstrap', '/organisations', '/organisations/applications'].includes(path) ||
  /^\/(auth|users|api-keys)(\/|$)/.test(path);

describe('API: role × operation matrix (403 and no change for every forbidden caller)', function () {
  this.timeout(10 * 60_000);
  let f: Fixture;
  let ledger: LedgerReader;

  before(async () => {
    ledger = new LedgerReader();
    f = await buildFixture(ledger);
  });

  after(() => {
    ledger.close();
  });

  it('covers every write route and every operation of the table but the account ones', () => {
    const writeRoutes = allRoutes
      .filter((r) => (r.method === 'post' || r.method === 'put') && !isAccountRoute(r.path) && !r.upload)
      .map((r) => `${r.method} ${r.path}`);
    expect(ENDPOINTS.map((e) => e.route).sort()).to.deep.equal(writeRoutes.sort());
    const operations = new Set(ENDPOINTS.map((e) => e.operation));
    expect(OPERATIONS.filter((o) => !operations.has(o))).to.deep.equal(ACCOUNT_OPERATIONS);
  });

  for (const e of ENDPOINTS) {
    const callers = forbiddenCallers(e.operation);
    it(`${e.route} (${e.operation}): ${String(callers.length)} forbidden callers → 403, nothing changed`, async () => {
      const people = callers.map((key) => {
        const person = f.people.get(key);
        if (!person) throw new Error(`no ${key} in the fixture`);
        return person;
      });
      const reads = uniqueReads(people.flatMap((p) => e.watch(f, p)));
      const before = await snapshot(ledger, reads);
      for (const [i, person] of people.entries()) {
        const refused = await person.client.request<{ code: string }>(
          e.route.startsWith('put') ? 'PUT' : 'POST',
          e.path(f, person),
          e.body(f, person),
        );
        expect(
          [refused.status, refused.body.code],
          `${callers[i] ?? ''} ${JSON.stringify(refused.body)}`,
        ).to.deep.equal([403, 'FORBIDDEN']);
      }
      expect(await snapshot(ledger, reads)).to.deep.equal(before);
    });
  }
});

function uniqueReads(reads: readonly Read[]): Read[] {
  const byKey = new Map(reads.map((r) => [JSON.stringify(r), r]));
  return [...byKey.values()];
}

async function snapshot(ledger: LedgerReader, reads: readonly Read[]): Promise<Record<string, unknown>> {
  const entries: [string, unknown][] = [];
  for (const [transaction, ...args] of reads) {
    entries.push([`${transaction}(${args.join(',')})`, await ledger.record(transaction, ...args)]);
  }
  return Object.fromEntries(entries);
}

/** The parties, a person of every role in each, and records in every state the endpoints act on. */
async function buildFixture(ledger: LedgerReader): Promise<Fixture> {
  const s = await ApiScenario.open();
  const government = s.government;
  const certifier = await s.registered('Certifier', s.companyId('MXC'));
  const developer = await s.developer(s.companyId('MXD'));
  const mrv = await s.registered('MRV', s.companyId('MXM'));
  const buyer = await s.developer(s.companyId('MXB'));
  const pending = (await s.applicant(s.companyId('MXP'))).companyId;

  const people = new Map<string, Person>();
  for (const org of [government, certifier, developer, mrv]) {
    people.set(`${org.companyRole}/Admin`, org.admin);
    for (const role of ['Manager', 'ViewOnly'] as const)
      people.set(`${org.companyRole}/${role}`, await s.person(org, role));
  }
  const devManager = people.get('ProgrammeDeveloper/Manager') ?? developer.admin;
  const certManager = people.get('Certifier/Manager') ?? certifier.admin;

  const submitted = `MX-SUB-${s.run}`;
  await s.submittedProgramme(submitted, devManager, certifier.companyId);
  const authorised = `MX-AUT-${s.run}`;
  const programmeId = await s.authorisedProgramme(authorised, devManager, certManager);
  const verifiedRound = await s.verifiedRound(authorised, devManager, certManager, 1000);
  await government.admin.client.write(
    'POST',
    `/programmes/${authorised}/issuances`,
    { round: verifiedRound, quantity: 500 },
    true,
  );
  const reported = await devManager.client.write<{ round: number }>(
    'POST',
    `/programmes/${authorised}/monitoring-rounds`,
    monitoringReport(100, 2025),
    true,
  );
  const request = await buyer.admin.client.write<{ requestId: string }>(
    'POST',
    '/transfer-requests',
    { from: developer.companyId, quantity: 10 },
    true,
  );
  const retirement = await devManager.client.write<{ retirementId: string }>(
    'POST',
    '/retirements',
    {
      quantity: 10,
      beneficiary: 'Acme',
      category: 'OtherInternationalMitigationPurposes',
      useAbroad: { country: 'FR' },
    },
    true,
  );
  const blocks = await ledger.record<{ records: { serial: string }[] }>(
    'credit:ListBlocks',
    JSON.stringify({ holder: developer.companyId, state: 'Active' }),
  );
  return {
    s,
    people,
    developer,
    buyer,
    pending,
    submitted,
    authorised,
    programmeId,
    verifiedRound,
    submittedRound: reported.result.round,
    serial: blocks?.records[0]?.serial ?? '',
    requestId: request.result.requestId,
    retirementId: retirement.result.retirementId,
  };
}
