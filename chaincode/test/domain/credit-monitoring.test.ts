// Monitoring rounds: request schemas, opening (newRound), verifying, rejecting, and issuing up to the verified amount.
import { expect } from 'chai';
import {
  issuanceRequest,
  issueFromRound,
  MAX_CREDITS_PER_ACT,
  monitoringReportRequest,
  newRound,
  rejectRound,
  ROUND_STATES,
  ROUND_TRANSITIONS,
  roundRejectionRequest,
  verificationRequest,
  verifyRound,
  type MonitoringReportRequest,
  type MonitoringRound,
  type RoundState,
} from '../../src/domain/monitoring';
import { authoriseProgramme, PROGRAMME_STATES, type Programme } from '../../src/domain/programme';
import type { Stamp } from '../../src/domain/stamp';
import { validate } from '../../src/domain/validation';
import { sha } from '../support/inputs';
import { CHANGED, CREATED, deepFreeze, programmeIn, registryErrorOf, stampOf } from './domain-fixtures';

// The fixture programme's crediting period runs from 2024-01-01 to 2030-12-31.
const PROGRAMME: Programme = deepFreeze(
  authoriseProgramme(
    programmeIn('Validated'),
    { externalId: 'P-1', creditIdentifier: 'CA0004', firstTransferringParty: 'CH', article6Authorised: false },
    356,
    'VU',
    CREATED,
  ),
);

const MONITORING = { sha256: sha(20), uri: 'https://docs.example.org/monitoring-2024.pdf', version: 1 };
const VERIFICATION = { sha256: sha(21), uri: 'https://docs.example.org/verification-2024.pdf', version: 1 };
const SUBMITTED = stampOf('tx10');
const VERIFIED = stampOf('tx11');

function report(periodStart: string, periodEnd: string, claimedReductions = 1000): MonitoringReportRequest {
  return { externalId: 'P-1', periodStart, periodEnd, claimedReductions, report: MONITORING };
}

function history(state: RoundState, action: string, stamp: Stamp, reason?: string) {
  const entry = { state, action, at: stamp.at, txId: stamp.txId, by: stamp.by };
  return reason === undefined ? entry : { ...entry, reason };
}

function document(type: 'MonitoringReport' | 'VerificationReport', input: typeof MONITORING, stamp: Stamp) {
  return { type, sha256: input.sha256, uri: input.uri, version: input.version, added: stamp, signatures: [] };
}

/** Round 1 over 2024, claiming 1000, in the given state (verified at `verified` when Verified). */
function roundIn(state: RoundState, verified = 1000): MonitoringRound {
  const submitted = newRound(PROGRAMME, report('2024-01-01', '2024-12-31'), 1, undefined, SUBMITTED);
  if (state === 'Verified') return deepFreeze(verifyRound(submitted, verified, VERIFICATION, VERIFIED));
  if (state === 'Rejected') return deepFreeze(rejectRound(submitted, 'the report is incomplete', VERIFIED));
  return deepFreeze(submitted);
}

describe('monitoring request schemas', () => {
  it('accept a monitoring report, defaulting the document version to 1', () => {
    const input = { ...report('2024-01-01', '2024-12-31'), report: { sha256: sha(20), uri: MONITORING.uri } };
    expect(validate(monitoringReportRequest, input)).to.deep.equal({
      ok: true,
      value: report('2024-01-01', '2024-12-31'),
    });
  });

  it('take claims from 1 to MAX_CREDITS_PER_ACT whole tonnes', () => {
    expect(MAX_CREDITS_PER_ACT).to.equal(100_000_000_000);
    for (const claimed of [1, 100_000_000_000]) {
      expect(validate(monitoringReportRequest, report('2024-01-01', '2024-12-31', claimed)).ok).to.equal(true);
    }
    const problems = (claimed: number) => {
      const result = validate(monitoringReportRequest, report('2024-01-01', '2024-12-31', claimed));
      return result.ok ? [] : result.problems;
    };
    expect(problems(0)).to.deep.equal(['claimedReductions: at least 1']);
    expect(problems(-5)).to.deep.equal(['claimedReductions: at least 1']);
    expect(problems(1.5)).to.deep.equal(['claimedReductions: a whole number of tCO2e']);
    const tooMany = problems(100_000_000_001);
    expect(tooMany).to.have.length(1);
    expect(tooMany[0]).to.match(/^claimedReductions: /);
  });

  it('refuse dates that do not exist, a missing report and unknown fields', () => {
    expect(validate(monitoringReportRequest, report('2024-02-30', '2024-12-31'))).to.deep.equal({
      ok: false,
      problems: ['periodStart: a date as YYYY-MM-DD'],
    });
    expect(validate(monitoringReportRequest, report('2024-01-01', '31/12/2024'))).to.deep.equal({
      ok: false,
      problems: ['periodEnd: a date as YYYY-MM-DD'],
    });
    const { report: _r, ...withoutReport } = report('2024-01-01', '2024-12-31');
    expect(validate(monitoringReportRequest, withoutReport).ok).to.equal(false);
    expect(validate(monitoringReportRequest, { ...report('2024-01-01', '2024-12-31'), vintage: 2024 })).to.deep.equal({
      ok: false,
      problems: ['Unrecognized key: "vintage"'],
    });
  });

  it('take a verification of 0 up to MAX_CREDITS_PER_ACT, and refuse fractions, negatives and round 0', () => {
    const verification = (verifiedReductions: number, round = 1) =>
      validate(verificationRequest, { externalId: 'P-1', round, verifiedReductions, verificationReport: VERIFICATION });
    for (const verified of [0, 1, 100_000_000_000]) expect(verification(verified).ok).to.equal(true);
    expect(verification(-1)).to.deep.equal({
      ok: false,
      problems: ['verifiedReductions: Too small: expected number to be >=0'],
    });
    expect(verification(2.5)).to.deep.equal({ ok: false, problems: ['verifiedReductions: a whole number of tCO2e'] });
    expect(verification(100_000_000_001).ok).to.equal(false);
    expect(verification(10, 0).ok).to.equal(false);
  });

  it('require a reason of at least 3 characters to reject a round', () => {
    const rejection = (reason: string) => validate(roundRejectionRequest, { externalId: 'P-1', round: 1, reason });
    expect(rejection('  incomplete  ')).to.deep.equal({
      ok: true,
      value: { externalId: 'P-1', round: 1, reason: 'incomplete' },
    });
    expect(rejection(' no ')).to.deep.equal({ ok: false, problems: ['reason: say why (at least 3 characters)'] });
  });

  it('take an issuance of 1 to MAX_CREDITS_PER_ACT whole credits', () => {
    const issuance = (quantity: number) => validate(issuanceRequest, { externalId: 'P-1', round: 2, quantity });
    expect(issuance(1)).to.deep.equal({ ok: true, value: { externalId: 'P-1', round: 2, quantity: 1 } });
    expect(issuance(100_000_000_000).ok).to.equal(true);
    expect(issuance(0)).to.deep.equal({ ok: false, problems: ['quantity: at least 1'] });
    expect(issuance(0.5)).to.deep.equal({ ok: false, problems: ['quantity: a whole number of tCO2e'] });
    expect(issuance(100_000_000_001).ok).to.equal(false);
    expect(validate(issuanceRequest, { externalId: '', round: 2, quantity: 1 }).ok).to.equal(false);
  });
});

describe('round lifecycle table', () => {
  it('has three states and two decisions, both only from Submitted', () => {
    expect([...ROUND_STATES]).to.deep.equal(['Submitted', 'Verified', 'Rejected']);
    expect(ROUND_TRANSITIONS).to.deep.equal({
      verify: { from: ['Submitted'], to: 'Verified' },
      reject: { from: ['Submitted'], to: 'Rejected' },
    });
  });
});

describe('newRound', () => {
  it('opens a Submitted round with the monitoring report, its vintage the year the period ends', () => {
    const request = deepFreeze(report('2024-01-01', '2024-12-31'));
    expect(newRound(PROGRAMME, request, 1, undefined, SUBMITTED)).to.deep.equal({
      docType: 'monitoringRound',
      externalId: 'P-1',
      programmeId: 356,
      round: 1,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      vintage: 2024,
      claimedReductions: 1000,
      issued: 0,
      state: 'Submitted',
      stateHistory: [history('Submitted', 'submit', SUBMITTED)],
      documents: [document('MonitoringReport', MONITORING, SUBMITTED)],
      created: SUBMITTED,
      updated: SUBMITTED,
    });
  });

  it('takes the vintage from the end of a period that spans two years', () => {
    const round = newRound(PROGRAMME, report('2024-07-01', '2025-06-30'), 1, undefined, SUBMITTED);
    expect(round.vintage).to.equal(2025);
  });

  it('accepts a period that fills the whole crediting period', () => {
    const round = newRound(PROGRAMME, report('2024-01-01', '2030-12-31'), 1, undefined, SUBMITTED);
    expect([round.periodStart, round.periodEnd, round.vintage]).to.deep.equal(['2024-01-01', '2030-12-31', 2030]);
  });

  for (const state of PROGRAMME_STATES.filter((s) => s !== 'Authorised')) {
    it(`refuses a round for a ${state} programme`, () => {
      const error = registryErrorOf(() =>
        newRound({ ...PROGRAMME, state }, report('2024-01-01', '2024-12-31'), 1, undefined, SUBMITTED),
      );
      expect(error).to.deep.equal({ code: 'INVALID_STATE', message: `programme P-1 is ${state}`, details: { state } });
    });
  }

  it('refuses an Authorised programme with no authorisation record', () => {
    const error = registryErrorOf(() =>
      newRound(programmeIn('Authorised'), report('2024-01-01', '2024-12-31'), 1, undefined, SUBMITTED),
    );
    expect(error.code).to.equal('INVALID_STATE');
  });

  for (const [periodStart, periodEnd] of [
    ['2024-06-01', '2024-06-01'],
    ['2024-06-02', '2024-06-01'],
    ['2025-01-01', '2024-01-01'],
  ] as const) {
    it(`refuses a period from ${periodStart} to ${periodEnd}`, () => {
      const error = registryErrorOf(() => newRound(PROGRAMME, report(periodStart, periodEnd), 1, undefined, SUBMITTED));
      expect(error).to.deep.equal({
        code: 'INVALID_ARGUMENT',
        message: 'periodEnd: must be after periodStart',
        details: {},
      });
    });
  }

  for (const [periodStart, periodEnd] of [
    ['2023-12-31', '2024-06-30'],
    ['2030-07-01', '2031-01-01'],
    ['2023-01-01', '2031-12-31'],
    ['2031-01-01', '2031-12-31'],
  ] as const) {
    it(`refuses a period from ${periodStart} to ${periodEnd}, outside the crediting period`, () => {
      const error = registryErrorOf(() => newRound(PROGRAMME, report(periodStart, periodEnd), 1, undefined, SUBMITTED));
      expect(error).to.deep.equal({
        code: 'INVALID_ARGUMENT',
        message: 'period: must lie within the crediting period 2024-01-01…2030-12-31',
        details: {},
      });
    });
  }

  describe('after a previous round ending 2024-12-31', () => {
    const previous = roundIn('Verified');

    for (const periodStart of ['2024-12-31', '2024-06-01', '2024-01-01']) {
      it(`refuses a round starting ${periodStart}`, () => {
        const error = registryErrorOf(() =>
          newRound(PROGRAMME, report(periodStart, '2025-12-31'), 2, previous, CHANGED),
        );
        expect(error).to.deep.equal({
          code: 'INVALID_ARGUMENT',
          message: 'periodStart: must be after 2024-12-31, the end of round 1',
          details: { previousPeriodEnd: '2024-12-31' },
        });
      });
    }

    it('accepts a round starting the next day, or later', () => {
      for (const periodStart of ['2025-01-01', '2025-03-01']) {
        const round = newRound(PROGRAMME, report(periodStart, '2025-12-31', 800), 2, previous, CHANGED);
        expect([round.round, round.periodStart, round.vintage, round.state]).to.deep.equal([
          2,
          periodStart,
          2025,
          'Submitted',
        ]);
      }
    });
  });
});

describe('verifyRound', () => {
  it('verifies a Submitted round, adding the verification report', () => {
    const round = roundIn('Submitted');
    const before = JSON.stringify(round);
    expect(verifyRound(round, 900, VERIFICATION, VERIFIED)).to.deep.equal({
      ...round,
      state: 'Verified',
      verifiedReductions: 900,
      stateHistory: [history('Submitted', 'submit', SUBMITTED), history('Verified', 'verify', VERIFIED)],
      documents: [
        document('MonitoringReport', MONITORING, SUBMITTED),
        document('VerificationReport', VERIFICATION, VERIFIED),
      ],
      updated: VERIFIED,
    });
    expect(JSON.stringify(round)).to.equal(before);
  });

  it('verifies anything from 0 up to exactly the amount claimed', () => {
    for (const verified of [0, 1, 999, 1000]) {
      expect(verifyRound(roundIn('Submitted'), verified, VERIFICATION, VERIFIED).verifiedReductions).to.equal(verified);
    }
  });

  it('refuses to verify more than was claimed', () => {
    for (const verified of [1001, 5000]) {
      const error = registryErrorOf(() => verifyRound(roundIn('Submitted'), verified, VERIFICATION, VERIFIED));
      expect(error).to.deep.equal({
        code: 'INVALID_ARGUMENT',
        message: 'verifiedReductions: cannot exceed the 1000 claimed',
        details: { claimed: 1000 },
      });
    }
  });

  for (const state of ['Verified', 'Rejected'] as const) {
    it(`refuses to verify a ${state} round, whatever the amount`, () => {
      for (const verified of [500, 5000]) {
        const error = registryErrorOf(() => verifyRound(roundIn(state), verified, VERIFICATION, CHANGED));
        expect(error).to.deep.equal({
          code: 'INVALID_STATE',
          message: `cannot verify a monitoring round that is ${state}`,
          details: { action: 'verify', state, allowedFrom: ['Submitted'] },
        });
      }
    });
  }
});

describe('rejectRound', () => {
  it('rejects a Submitted round with its reason', () => {
    const round = roundIn('Submitted');
    expect(rejectRound(round, 'the report is incomplete', CHANGED)).to.deep.equal({
      ...round,
      state: 'Rejected',
      stateHistory: [...round.stateHistory, history('Rejected', 'reject', CHANGED, 'the report is incomplete')],
      updated: CHANGED,
    });
  });

  for (const state of ['Verified', 'Rejected'] as const) {
    it(`refuses to reject a ${state} round`, () => {
      const error = registryErrorOf(() => rejectRound(roundIn(state), 'too late', CHANGED));
      expect(error).to.deep.equal({
        code: 'INVALID_STATE',
        message: `cannot reject a monitoring round that is ${state}`,
        details: { action: 'reject', state, allowedFrom: ['Submitted'] },
      });
    });
  }
});

describe('issueFromRound', () => {
  for (const state of ['Submitted', 'Rejected'] as const) {
    it(`refuses to issue from a ${state} round`, () => {
      const error = registryErrorOf(() => issueFromRound(roundIn(state), 1, CHANGED));
      expect(error).to.deep.equal({
        code: 'INVALID_STATE',
        message: `round 1 is ${state}, not Verified`,
        details: { state },
      });
    });
  }

  it('records an issuance against a Verified round, leaving the round as it was', () => {
    const round = roundIn('Verified');
    const before = JSON.stringify(round);
    expect(issueFromRound(round, 400, CHANGED)).to.deep.equal({ ...round, issued: 400, updated: CHANGED });
    expect(JSON.stringify(round)).to.equal(before);
  });

  it('issues in several parts up to exactly the verified amount, and not one credit more', () => {
    let round = roundIn('Verified');
    for (const [quantity, issued] of [
      [400, 400],
      [350, 750],
      [249, 999],
      [1, 1000],
    ] as const) {
      round = deepFreeze(issueFromRound(round, quantity, CHANGED));
      expect([round.issued, round.state, round.verifiedReductions]).to.deep.equal([issued, 'Verified', 1000]);
    }
    const error = registryErrorOf(() => issueFromRound(round, 1, CHANGED));
    expect(error).to.deep.equal({
      code: 'EXCEEDS_VERIFIED',
      message: 'only 0 verified credits of round 1 are not yet issued',
      details: { available: 0, requested: 1 },
    });
  });

  it('refuses more than what is verified and not yet issued, but takes exactly that', () => {
    expect(registryErrorOf(() => issueFromRound(roundIn('Verified'), 1001, CHANGED))).to.deep.equal({
      code: 'EXCEEDS_VERIFIED',
      message: 'only 1000 verified credits of round 1 are not yet issued',
      details: { available: 1000, requested: 1001 },
    });
    const part = deepFreeze(issueFromRound(roundIn('Verified'), 400, CHANGED));
    expect(registryErrorOf(() => issueFromRound(part, 601, CHANGED)).details).to.deep.equal({
      available: 600,
      requested: 601,
    });
    expect(issueFromRound(part, 600, CHANGED).issued).to.equal(1000);
  });

  it('issues nothing from a round verified at 0', () => {
    expect(registryErrorOf(() => issueFromRound(roundIn('Verified', 0), 1, CHANGED))).to.deep.equal({
      code: 'EXCEEDS_VERIFIED',
      message: 'only 0 verified credits of round 1 are not yet issued',
      details: { available: 0, requested: 1 },
    });
  });

  it('limits a round verified below its claim to the verified amount', () => {
    const round = roundIn('Verified', 700);
    expect(issueFromRound(round, 700, CHANGED).issued).to.equal(700);
    expect(registryErrorOf(() => issueFromRound(round, 701, CHANGED)).code).to.equal('EXCEEDS_VERIFIED');
  });
});
