// Bad input through the API on the real network: missing fields, wrong types, negative and
// fractional quantities, huge bodies, invalid JSON, unknown ids, other organisations' resources,
// and requests the registry's rules refuse — each answered with a 4xx and a machine-readable code,
// and the records it aimed at read the same afterwards.
import { expect } from 'chai';
import { sharedGateway } from '../src/api-gateway.ts';
import { ApiScenario, monitoringReport, type Organisation, type Person } from '../src/api-scenario.ts';
import { LedgerReader } from '../src/ledger-reader.ts';
import { sha } from '../src/registry-setup.ts';

interface World {
  readonly s: ApiScenario;
  readonly government: Person;
  readonly developer: Organisation;
  readonly devManager: Person;
  readonly other: Organisation;
  readonly certManager: Person;
  readonly strangerCertifier: Person;
  readonly submitted: string;
  readonly authorised: string;
  readonly programmeId: number;
  readonly round: number;
  readonly requestId: string;
  /** The gateway's REQUEST_BODY_LIMIT in bytes. */
  readonly bodyLimit: number;
}

interface BadCase {
  readonly what: string;
  readonly as: (w: World) => Person;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: (w: World) => string;
  readonly body?: (w: World) => unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly status: number;
  readonly code: string;
}

const reason = 'checked by the bad-input suite';
const doc = { sha256: sha(5), uri: 'https://docs.example.org/x.pdf' };
const devManager = (w: World) => w.devManager;
const government = (w: World) => w.government;
const otherAdmin = (w: World) => w.other.admin;

const CASES: readonly BadCase[] = [
  // Missing fields and wrong types: refused by the gateway's schemas.
  {
    what: 'a programme without fields',
    as: devManager,
    method: 'POST',
    path: () => '/programmes',
    body: () => ({}),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a transfer without a receiver',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: () => ({ quantity: 1 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a retirement without a beneficiary',
    as: devManager,
    method: 'POST',
    path: () => '/retirements',
    body: () => ({ quantity: 1, category: 'VoluntaryCancellation' }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a receiver that is a number',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: () => ({ to: 42, quantity: 1 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a quantity as a string',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.other.companyId, quantity: '10' }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a round that is not a number',
    as: government,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/issuances`,
    body: () => ({ round: 'one', quantity: 1 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'an unknown field',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.other.companyId, quantity: 1, from: 'SOMEONE' }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a body that is not JSON (text/plain)',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: () => 'to=X&quantity=1',
    headers: { 'content-type': 'text/plain' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  // Negative, zero, fractional and oversized quantities.
  {
    what: 'a negative transfer',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.other.companyId, quantity: -1 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional transfer',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.other.companyId, quantity: 1.5 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a negative issuance',
    as: government,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/issuances`,
    body: (w) => ({ round: w.round, quantity: -5 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional issuance',
    as: government,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/issuances`,
    body: (w) => ({ round: w.round, quantity: 0.5 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a zero retirement',
    as: devManager,
    method: 'POST',
    path: () => '/retirements',
    body: () => ({ quantity: 0, beneficiary: 'A', category: 'VoluntaryCancellation' }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional cancellation',
    as: government,
    method: 'POST',
    path: () => '/cancellations',
    body: (w) => ({ holder: w.developer.companyId, quantity: 2.5, reason: 'Buffer', note: reason }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional verification',
    as: (w) => w.certManager,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/monitoring-rounds/1/verification`,
    body: () => ({ verifiedReductions: 10.5, verificationReport: doc }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a claim beyond any programme',
    as: devManager,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/monitoring-rounds`,
    body: () => monitoringReport(1e15, 2025),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  // Bodies that cannot be read.
  {
    what: 'invalid JSON',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: () => '{"to": "X", "quantity": ',
    status: 400,
    code: 'INVALID_JSON',
  },
  {
    what: 'a body over REQUEST_BODY_LIMIT',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => JSON.stringify({ to: w.other.companyId, quantity: 1, note: 'x'.repeat(w.bodyLimit + 1) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  // Unknown ids: the chaincode's NOT_FOUND.
  {
    what: 'an unknown programme',
    as: (w) => w.certManager,
    method: 'POST',
    path: (w) => `/programmes/NOPE-${w.s.run}/validation`,
    body: () => ({ validationReport: doc }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown monitoring round',
    as: (w) => w.certManager,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/monitoring-rounds/99/verification`,
    body: () => ({ verifiedReductions: 1, verificationReport: doc }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown transfer request',
    as: devManager,
    method: 'POST',
    path: (w) => `/transfer-requests/nope-${w.s.run}/approval`,
    body: () => ({}),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown retirement',
    as: government,
    method: 'POST',
    path: (w) => `/retirements/nope-${w.s.run}/approval`,
    body: () => ({}),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown organisation',
    as: government,
    method: 'POST',
    path: (w) => `/organisations/NOPE-${w.s.run}/suspension`,
    body: () => ({ reason }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown receiver',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: `NOPE-${w.s.run}`, quantity: 1 }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'an unknown credit block',
    as: government,
    method: 'POST',
    path: (w) => `/credit-blocks/CA0004-${w.s.country}-XX-${String(w.programmeId)}-900001-900010-2024/freeze`,
    body: () => ({ reason }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    what: 'a malformed serial',
    as: government,
    method: 'POST',
    path: () => '/credit-blocks/not-a-serial/freeze',
    body: () => ({ reason }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'reading an unknown transfer request',
    as: devManager,
    method: 'GET',
    path: (w) => `/transfer-requests/nope-${w.s.run}`,
    status: 404,
    code: 'NOT_FOUND',
  },
  // Another organisation's resources.
  {
    what: 'monitoring another company’s programme',
    as: otherAdmin,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/monitoring-rounds`,
    body: () => monitoringReport(10, 2025),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'a document on another company’s programme',
    as: otherAdmin,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/documents`,
    body: () => ({ type: 'TransferAgreement', document: doc }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'another company’s contact details',
    as: otherAdmin,
    method: 'PUT',
    path: (w) => `/organisations/${w.developer.companyId}/contact`,
    body: () => ({ email: 'x@example.org', address: 'Elsewhere' }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'deciding a request another company holds',
    as: otherAdmin,
    method: 'POST',
    path: (w) => `/transfer-requests/${w.requestId}/approval`,
    body: () => ({}),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'validating as a certifier not assigned',
    as: (w) => w.strangerCertifier,
    method: 'POST',
    path: (w) => `/programmes/${w.submitted}/validation`,
    body: () => ({ validationReport: doc }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'listing another company’s transfer requests',
    as: (w) => w.strangerCertifier,
    method: 'GET',
    path: (w) => `/transfer-requests?companyId=${w.developer.companyId}`,
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    what: 'reading a transfer request of others',
    as: (w) => w.strangerCertifier,
    method: 'GET',
    path: (w) => `/transfer-requests/${w.requestId}`,
    status: 404,
    code: 'NOT_FOUND',
  },
  // Well-formed requests the registry's rules refuse.
  {
    what: 'sending more credits than held',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.other.companyId, quantity: 1_000_000 }),
    status: 422,
    code: 'INSUFFICIENT_CREDITS',
  },
  {
    what: 'issuing more than verified',
    as: government,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/issuances`,
    body: (w) => ({ round: w.round, quantity: 1_000_000 }),
    status: 422,
    code: 'EXCEEDS_VERIFIED',
  },
  {
    what: 'verifying more than claimed',
    as: (w) => w.certManager,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/monitoring-rounds/${String(w.round + 1)}/verification`,
    body: () => ({ verifiedReductions: 1_000_000, verificationReport: doc }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'validating an authorised programme again',
    as: (w) => w.certManager,
    method: 'POST',
    path: (w) => `/programmes/${w.authorised}/validation`,
    body: () => ({ validationReport: doc }),
    status: 409,
    code: 'INVALID_STATE',
  },
  {
    what: 'sending credits to oneself',
    as: devManager,
    method: 'POST',
    path: () => '/transfers',
    body: (w) => ({ to: w.developer.companyId, quantity: 1 }),
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
];

describe('API: bad input → 4xx with a code, and no change on the ledger', function () {
  this.timeout(10 * 60_000);
  let w: World;
  let ledger: LedgerReader;
  let watched: () => Promise<unknown>;

  before(async () => {
    ledger = new LedgerReader();
    w = await buildWorld();
    const reads: [string, ...string[]][] = [
      ['programme:GetProgramme', w.submitted],
      ['programme:GetProgramme', w.authorised],
      ['monitoring:ListMonitoringRounds', w.authorised],
      ['credit:ListBlocks', JSON.stringify({ programmeId: w.programmeId })],
      ['transfer:GetTransferRequest', w.requestId],
      ['organisation:GetOrganisation', w.developer.companyId],
      ['organisation:GetOrganisation', w.other.companyId],
    ];
    watched = async () => Promise.all(reads.map(([name, ...args]) => ledger.record(name, ...args)));
  });

  after(() => {
    ledger.close();
  });

  for (const bad of CASES) {
    it(`${bad.what} → ${String(bad.status)} ${bad.code}`, async () => {
      const before = await watched();
      const answer = await bad
        .as(w)
        .client.request<{ code: string; message: string; details: unknown }>(
          bad.method,
          bad.path(w),
          bad.body?.(w),
          bad.headers,
        );
      expect([answer.status, answer.body.code], JSON.stringify(answer.body).slice(0, 500)).to.deep.equal([
        bad.status,
        bad.code,
      ]);
      expect(answer.body.message).to.be.a('string').and.not.equal('');
      expect(answer.body.details).to.be.an('object');
      expect(await watched()).to.deep.equal(before);
    });
  }
});

/** Two developers, an assigned and a stranger certifier, a submitted and an authorised programme with credits, a pending request. */
async function buildWorld(): Promise<World> {
  const s = await ApiScenario.open();
  const certifier = await s.registered('Certifier', s.companyId('BIC'));
  const stranger = await s.registered('Certifier', s.companyId('BIS'));
  const developer = await s.developer(s.companyId('BID'));
  const other = await s.developer(s.companyId('BIO'));
  const devManager = await s.person(developer, 'Manager');
  const certManager = await s.person(certifier, 'Manager');
  const submitted = `BI-SUB-${s.run}`;
  await s.submittedProgramme(submitted, devManager, certifier.companyId);
  const authorised = `BI-AUT-${s.run}`;
  const programmeId = await s.authorisedProgramme(authorised, devManager, certManager);
  const round = await s.verifiedRound(authorised, devManager, certManager, 100);
  await s.government.admin.client.write('POST', `/programmes/${authorised}/issuances`, { round, quantity: 100 }, true);
  // A second round, reported and not yet verified.
  await devManager.client.write(
    'POST',
    `/programmes/${authorised}/monitoring-rounds`,
    monitoringReport(50, 2025),
    true,
  );
  const request = await other.admin.client.write<{ requestId: string }>(
    'POST',
    '/transfer-requests',
    { from: developer.companyId, quantity: 10 },
    true,
  );
  return {
    s,
    government: s.government.admin,
    developer,
    devManager,
    other,
    certManager,
    strangerCertifier: stranger.admin,
    submitted,
    authorised,
    programmeId,
    round,
    requestId: request.result.requestId,
    bodyLimit: bytes((await sharedGateway()).services.config.REQUEST_BODY_LIMIT),
  };
}

/** A size as the configuration writes it ("256kb") in bytes. */
function bytes(size: string): number {
  const [, amount = '0', unit = 'b'] = /^(\d+)(b|kb|mb)$/.exec(size) ?? [];
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit as 'b' | 'kb' | 'mb'];
}
