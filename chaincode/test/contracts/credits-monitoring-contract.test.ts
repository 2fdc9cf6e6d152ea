// Contract "monitoring": submitting, verifying and rejecting monitoring reports, reading rounds, and the refusals that depend on the programme and the round.
import { expect } from 'chai';
import type { MonitoringRound } from '../../src/domain/monitoring';
import { contracts } from '../support/registry-fixture';
import { json, query, refused, registerCompany, REASON, write, type Call } from './contract-kit';
import { doc, expectReconciled, freshWorld, storedRound, submitRound, type World } from './credits-contract-kit';

const { monitoring } = contracts;
const P = 'P-AUTHORISED';
const report = doc(50);

const submit =
  (request: object): Call =>
  (ctx) =>
    monitoring.SubmitMonitoringReport(ctx, json({ externalId: P, claimedReductions: 800, report, ...request }));
const verify =
  (round: number, verifiedReductions: number): Call =>
  (ctx) =>
    monitoring.VerifyMonitoringReport(
      ctx,
      json({ externalId: P, round, verifiedReductions, verificationReport: doc(51) }),
    );
const reject =
  (round: number): Call =>
  (ctx) =>
    monitoring.RejectMonitoringReport(ctx, json({ externalId: P, round, reason: REASON }));

describe('credits: monitoring contract', () => {
  let w: World;
  beforeEach(async () => {
    w = await freshWorld();
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('SubmitMonitoringReport', () => {
    it('opens the next round after the last one, with the vintage of the year the period ends', async () => {
      const { result, event } = await write<MonitoringRound>(
        w.ledger,
        w.dev,
        submit({ periodStart: '2025-07-01', periodEnd: '2026-03-31' }),
      );
      expect(result).to.include({
        externalId: P,
        programmeId: 1,
        round: 4,
        periodStart: '2025-07-01',
        periodEnd: '2026-03-31',
        vintage: 2026,
        claimedReductions: 800,
        issued: 0,
        state: 'Submitted',
      });
      expect(result.verifiedReductions).to.equal(undefined);
      expect(result.documents.map((d) => [d.type, d.sha256])).to.deep.equal([['MonitoringReport', report.sha256]]);
      expect(result.stateHistory.map((s) => [s.state, s.action, s.txId])).to.deep.equal([
        ['Submitted', 'submit', event.txId],
      ]);
      expect(storedRound(w.ledger, P, 4)).to.deep.equal(result);
      expect(event).to.deep.include({
        name: 'MonitoringReportSubmitted',
        payload: { externalId: P, round: 4, state: 'Submitted' },
      });
    });

    it('refuses a developer that is not a proponent of the programme', async () => {
      const outsider = w.fixture.applicants['DEV-ACTIVE'];
      if (!outsider) throw new Error('fixture: DEV-ACTIVE has an Admin');
      const body = await refused(
        w.ledger,
        outsider,
        submit({ periodStart: '2025-07-01', periodEnd: '2025-12-31' }),
        'FORBIDDEN',
      );
      expect(body.message).to.contain('not a proponent');
    });

    // Round 3 ends 2025-06-30: a period may not claim any day of it again.
    for (const [periodStart, periodEnd] of [
      ['2025-06-30', '2025-12-31'],
      ['2024-03-01', '2024-05-31'],
    ] as const) {
      it(`refuses a period ${periodStart}…${periodEnd} that is not after the previous round`, async () => {
        const body = await refused(w.ledger, w.dev, submit({ periodStart, periodEnd }), 'INVALID_ARGUMENT');
        expect(body.details).to.deep.equal({ previousPeriodEnd: '2025-06-30' });
      });
    }

    // The crediting period is 2024-01-01…2030-12-31.
    for (const [periodStart, periodEnd] of [
      ['2023-12-01', '2024-02-28'],
      ['2030-07-01', '2031-01-31'],
    ] as const) {
      it(`refuses a period ${periodStart}…${periodEnd} outside the crediting period`, async () => {
        const body = await refused(w.ledger, w.dev, submit({ periodStart, periodEnd }), 'INVALID_ARGUMENT');
        expect(body.message).to.contain('crediting period');
      });
    }

    it('refuses a period that ends before it starts', async () => {
      const body = await refused(
        w.ledger,
        w.dev,
        submit({ periodStart: '2025-12-31', periodEnd: '2025-07-01' }),
        'INVALID_ARGUMENT',
      );
      expect(body.message).to.contain('periodEnd');
    });

    for (const externalId of ['P-SUBMITTED', 'P-VALIDATED', 'P-SUSPENDED']) {
      it(`refuses monitoring of ${externalId}, which is not Authorised`, async () => {
        const call = submit({ externalId, periodStart: '2024-01-01', periodEnd: '2024-06-30' });
        const body = await refused(w.ledger, w.dev, call, 'INVALID_STATE');
        expect(body.details).to.have.property('state').that.not.equals('Authorised');
      });
    }

    it('refuses an unknown programme', async () => {
      const call = submit({ externalId: 'P-NOWHERE', periodStart: '2024-01-01', periodEnd: '2024-06-30' });
      await refused(w.ledger, w.dev, call, 'NOT_FOUND');
    });
  });

  describe('VerifyMonitoringReport and RejectMonitoringReport', () => {
    it('verifies a submitted round with at most what was claimed, adding the verification report', async () => {
      const { result, event } = await write<MonitoringRound>(w.ledger, w.cert, verify(3, 500));
      expect(result).to.include({ round: 3, state: 'Verified', verifiedReductions: 500, claimedReductions: 500 });
      expect(result.documents.map((d) => d.type)).to.deep.equal(['MonitoringReport', 'VerificationReport']);
      expect(result.stateHistory.map((s) => s.state)).to.deep.equal(['Submitted', 'Verified']);
      expect(storedRound(w.ledger, P, 3)).to.deep.equal(result);
      expect(event).to.deep.include({
        name: 'MonitoringReportVerified',
        payload: { externalId: P, round: 3, state: 'Verified' },
      });
    });

    it('refuses to verify more than was claimed', async () => {
      const body = await refused(w.ledger, w.cert, verify(3, 501), 'INVALID_ARGUMENT');
      expect(body.details).to.deep.equal({ claimed: 500 });
    });

    it('rejects a submitted round with the reason in its history', async () => {
      const { result, event } = await write<MonitoringRound>(w.ledger, w.cert, reject(3));
      expect(result.state).to.equal('Rejected');
      expect(result.stateHistory[1]).to.include({ state: 'Rejected', action: 'reject', reason: REASON });
      expect(storedRound(w.ledger, P, 3)).to.deep.equal(result);
      expect(event).to.deep.include({
        name: 'MonitoringReportRejected',
        payload: { externalId: P, round: 3, state: 'Rejected' },
      });
    });

    it('decides a round only once', async () => {
      await refused(w.ledger, w.cert, verify(1, 10), 'INVALID_STATE');
      await refused(w.ledger, w.cert, reject(2), 'INVALID_STATE');
      await write(w.ledger, w.cert, reject(3));
      await refused(w.ledger, w.cert, verify(3, 10), 'INVALID_STATE');
      await refused(w.ledger, w.cert, reject(3), 'INVALID_STATE');
    });

    it('refuses a round that was never submitted', async () => {
      await refused(w.ledger, w.cert, verify(4, 10), 'NOT_FOUND');
      await refused(w.ledger, w.cert, reject(4), 'NOT_FOUND');
    });

    it('refuses a certifier that is not assigned to the programme', async () => {
      const other = await registerCompany(w.ledger, w.gov, 'CERT-TWO', 'Certifier', 'CertifierMSP');
      for (const call of [verify(3, 100), reject(3)]) {
        const body = await refused(w.ledger, other, call, 'FORBIDDEN');
        expect(body.message).to.contain('CERT-TWO is not a certifier');
      }
      expect(storedRound(w.ledger, P, 3).state).to.equal('Submitted');
    });

    it('lets a new round follow a verified one', async () => {
      await write(w.ledger, w.cert, verify(3, 0));
      expect(await submitRound(w, '2025-07-01', '2025-12-31', 10)).to.equal(4);
    });
  });

  describe('GetMonitoringRound and ListMonitoringRounds', () => {
    it('reads one round and every round in order', async () => {
      const round = await query<MonitoringRound>(w.ledger, w.gov, (ctx) => monitoring.GetMonitoringRound(ctx, P, '2'));
      expect(round).to.include({ round: 2, state: 'Verified', verifiedReductions: 1000, issued: 0, vintage: 2024 });
      const rounds = await query<MonitoringRound[]>(w.ledger, w.gov, (ctx) => monitoring.ListMonitoringRounds(ctx, P));
      expect(rounds.map((r) => [r.round, r.state, r.issued])).to.deep.equal([
        [1, 'Verified', 6000],
        [2, 'Verified', 0],
        [3, 'Submitted', 0],
      ]);
      const none = await query<MonitoringRound[]>(w.ledger, w.gov, (ctx) =>
        monitoring.ListMonitoringRounds(ctx, 'P-VALIDATED'),
      );
      expect(none).to.deep.equal([]);
    });

    it('refuses a malformed round, a missing round and an unknown programme', async () => {
      for (const bad of ['0', '-1', 'one', '1.5']) {
        await refused(w.ledger, w.gov, (ctx) => monitoring.GetMonitoringRound(ctx, P, bad), 'INVALID_ARGUMENT');
      }
      await refused(w.ledger, w.gov, (ctx) => monitoring.GetMonitoringRound(ctx, P, '4'), 'NOT_FOUND');
      await refused(w.ledger, w.gov, (ctx) => monitoring.ListMonitoringRounds(ctx, 'P-NOWHERE'), 'NOT_FOUND');
    });
  });
});
