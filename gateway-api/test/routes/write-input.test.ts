// Bad input never reaches the ledger: wrong types, missing fields, negative or fractional
// quantities, unknown fields, malformed path ids, invalid JSON and oversized bodies are answered
// with a 4xx and a machine-readable code before anything is signed. And an API key limited to a
// programme reaches only that programme.
import { expect } from 'chai';
import { allRoutes } from '../../src/routes/index.ts';
import { call, fakeGatewayForSuite } from './fake-gateway.ts';

interface BadCase {
  readonly what: string;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly status: number;
  readonly code: string;
}

const doc = { sha256: 'a'.repeat(64), uri: 'https://docs.example.org/x.pdf' };

const BAD: readonly BadCase[] = [
  {
    what: 'a negative quantity',
    method: 'POST',
    path: '/transfers',
    body: { to: 'DEV-2', quantity: -5 },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional quantity',
    method: 'POST',
    path: '/transfers',
    body: { to: 'DEV-2', quantity: 2.5 },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a quantity as a string',
    method: 'POST',
    path: '/transfers',
    body: { to: 'DEV-2', quantity: '5' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'zero credits',
    method: 'POST',
    path: '/retirements',
    body: { quantity: 0, beneficiary: 'A', category: 'VoluntaryCancellation' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a missing receiver',
    method: 'POST',
    path: '/transfers',
    body: { quantity: 5 },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'an unknown field',
    method: 'POST',
    path: '/transfers',
    body: { to: 'DEV-2', quantity: 5, from: 'DEV-3' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a body that is an array',
    method: 'POST',
    path: '/transfers',
    body: [1, 2],
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a fractional issuance',
    method: 'POST',
    path: '/programmes/P-1/issuances',
    body: { round: 1, quantity: 0.5 },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a round that is not a number',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds/first/rejection',
    body: { reason: 'not good enough' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'round 0',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds/0/verification',
    body: { verifiedReductions: 1, verificationReport: doc },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a negative verification',
    method: 'POST',
    path: '/programmes/P-1/monitoring-rounds/1/verification',
    body: { verifiedReductions: -1, verificationReport: doc },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a malformed company id in the path',
    method: 'POST',
    path: '/organisations/a!b/suspension',
    body: { reason: 'fraud found' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a reason too short to say why',
    method: 'POST',
    path: '/programmes/P-1/suspension',
    body: { reason: 'x' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a rejection of a retirement without a reason',
    method: 'POST',
    path: '/retirements/r-1/rejection',
    body: {},
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'a document without its hash',
    method: 'POST',
    path: '/programmes/P-1/documents',
    body: { type: 'MonitoringReport', document: { uri: 'x' } },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'an unknown document type',
    method: 'POST',
    path: '/programmes/P-1/documents',
    body: { type: 'Selfie', document: doc },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  {
    what: 'an unknown cancellation reason',
    method: 'POST',
    path: '/cancellations',
    body: { holder: 'DEV-1', quantity: 1, reason: 'Whim', note: 'because' },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  { what: 'an empty programme', method: 'POST', path: '/programmes', body: {}, status: 400, code: 'INVALID_ARGUMENT' },
  {
    what: 'invalid JSON',
    method: 'POST',
    path: '/transfers',
    body: '{"to": "DEV-2", "quantity": ',
    status: 400,
    code: 'INVALID_JSON',
  },
  {
    what: 'a body over the limit',
    method: 'POST',
    path: '/transfers',
    body: JSON.stringify({ to: 'DEV-2', quantity: 1, pad: 'x'.repeat(20_000) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

describe('write routes refuse bad input before the ledger', () => {
  const gateway = fakeGatewayForSuite(allRoutes);

  for (const bad of BAD) {
    it(`${bad.what} → ${String(bad.status)} ${bad.code}`, async () => {
      const answer = await call(gateway.base, bad.method, bad.path, { as: 'developer', body: bad.body });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(bad.status);
      expect(answer.body.code).to.equal(bad.code);
      expect(answer.body.message).to.be.a('string').and.not.equal('');
      expect(answer.body.details).to.be.an('object');
      expect(gateway.ledger.calls).to.deep.equal([]);
    });
  }

  it('names the offending field', async () => {
    const answer = await call(gateway.base, 'POST', '/transfers', {
      as: 'developer',
      body: { to: 'DEV-2', quantity: 2.5 },
    });
    const issues = (answer.body.details as { issues: { path: string[] }[] }).issues;
    expect(issues.map((i) => i.path.join('.'))).to.deep.equal(['quantity']);
  });

  describe('an API key limited to programme P-1', () => {
    const report = { periodStart: '2024-01-01', periodEnd: '2024-12-31', claimedReductions: 10, report: doc };

    it('reports monitoring of P-1, as the person who made the key', async () => {
      const answer = await call(gateway.base, 'POST', '/programmes/P-1/monitoring-rounds', {
        as: 'key:key-p1',
        body: report,
      });
      expect(answer.status).to.equal(201);
      expect(gateway.ledger.submits().map((c) => c.transaction)).to.deep.equal(['monitoring:SubmitMonitoringReport']);
    });

    it('is refused for another programme, with nothing submitted', async () => {
      const answer = await call(gateway.base, 'POST', '/programmes/P-2/monitoring-rounds', {
        as: 'key:key-p1',
        body: report,
      });
      expect(answer.status).to.equal(403);
      expect(answer.body.code).to.equal('FORBIDDEN');
      expect(gateway.ledger.calls).to.deep.equal([]);
    });

    it('an unscoped key reaches any programme', async () => {
      const answer = await call(gateway.base, 'POST', '/programmes/P-2/monitoring-rounds', {
        as: 'key:key-any',
        body: report,
      });
      expect(answer.status).to.equal(201);
    });
  });
});
