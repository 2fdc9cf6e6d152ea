// Moving credits: request schemas, planTake, and every (state × action) pair of transfer requests and retirements.
import { expect } from 'chai';
import {
  CANCELLATION_REASONS,
  cancelRequest,
  creditRequestRequest,
  decideRequest,
  decideRetirement,
  freezeRequest,
  holdingsFreezeRequest,
  planTake,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  requestDecisionRequest,
  RETIREMENT_CATEGORIES,
  RETIREMENT_STATES,
  RETIREMENT_TRANSITIONS,
  retirementDecisionRequest,
  retireRequest,
  sendRequest,
  unitSelectionSchema,
  type RequestState,
  type Retirement,
  type RetirementState,
  type TransferRequest,
} from '../../src/domain/credit-movements';
import { validate } from '../../src/domain/validation';
import { CHANGED, CREATED, deepFreeze, registryErrorOf } from './domain-fixtures';

const SERIAL = 'CA0004-VU-CH-356-2501-3000-2023';

/** The problems of an input the schema must refuse (an accepted input fails the test). */
function problemsOf(schema: Parameters<typeof validate>[0], input: unknown): string[] {
  const result = validate(schema, input);
  if (result.ok) expect.fail(`accepted ${JSON.stringify(input)}`);
  return result.problems;
}

function refusesAt(schema: Parameters<typeof validate>[0], input: unknown, field: string): void {
  const problems = problemsOf(schema, input);
  expect(problems, JSON.stringify(problems)).to.have.length(1);
  expect(problems[0]).to.match(new RegExp(`^${field.replace('.', '\\.')}: `));
}

describe('credit movement schemas', () => {
  describe('unitSelectionSchema', () => {
    it('takes nothing, a serial, a programme or a vintage from 1990 to 2200', () => {
      for (const selection of [
        {},
        { serial: SERIAL },
        { programmeId: 1 },
        { vintage: 1990 },
        { programmeId: 356, vintage: 2200 },
      ]) {
        expect(validate(unitSelectionSchema, selection)).to.deep.equal({ ok: true, value: selection });
      }
    });

    it('refuses an empty or overlong serial, a programme id below 1 and vintages out of range', () => {
      refusesAt(unitSelectionSchema, { serial: '' }, 'serial');
      refusesAt(unitSelectionSchema, { serial: 'X'.repeat(121) }, 'serial');
      refusesAt(unitSelectionSchema, { programmeId: 0 }, 'programmeId');
      refusesAt(unitSelectionSchema, { programmeId: 1.5 }, 'programmeId');
      refusesAt(unitSelectionSchema, { vintage: 1989 }, 'vintage');
      refusesAt(unitSelectionSchema, { vintage: 2201 }, 'vintage');
      expect(problemsOf(unitSelectionSchema, { holder: 'DEV' })).to.deep.equal(['Unrecognized key: "holder"']);
    });
  });

  describe('sendRequest', () => {
    it('defaults to any units', () => {
      expect(validate(sendRequest, { to: 'DEV2', quantity: 5 })).to.deep.equal({
        ok: true,
        value: { to: 'DEV2', quantity: 5, select: {} },
      });
      expect(
        validate(sendRequest, { to: 'DEV2', quantity: 100_000_000_000, select: { serial: SERIAL } }),
      ).to.deep.equal({ ok: true, value: { to: 'DEV2', quantity: 100_000_000_000, select: { serial: SERIAL } } });
    });

    it('refuses quantities that are not 1 to 100,000,000,000 whole credits', () => {
      expect(problemsOf(sendRequest, { to: 'DEV2', quantity: 0 })).to.deep.equal(['quantity: at least 1']);
      expect(problemsOf(sendRequest, { to: 'DEV2', quantity: 1.5 })).to.deep.equal([
        'quantity: a whole number of tCO2e',
      ]);
      refusesAt(sendRequest, { to: 'DEV2', quantity: 100_000_000_001 }, 'quantity');
      refusesAt(sendRequest, { to: 'DEV2', quantity: '5' }, 'quantity');
    });

    it('refuses a malformed recipient, a bad selection and unknown fields', () => {
      refusesAt(sendRequest, { to: 'D', quantity: 5 }, 'to');
      refusesAt(sendRequest, { to: 'has space', quantity: 5 }, 'to');
      refusesAt(sendRequest, { to: 'DEV2', quantity: 5, select: { vintage: 1900 } }, 'select.vintage');
      expect(problemsOf(sendRequest, { to: 'DEV2', quantity: 5, from: 'DEV' })).to.deep.equal([
        'Unrecognized key: "from"',
      ]);
    });
  });

  describe('creditRequestRequest', () => {
    it('defaults the recipient to none given, any units and an empty note', () => {
      expect(validate(creditRequestRequest, { from: 'DEV', quantity: 10 })).to.deep.equal({
        ok: true,
        value: { from: 'DEV', quantity: 10, select: {}, note: '' },
      });
      const forAnother = { from: 'DEV', to: 'DEV2', quantity: 10, select: { vintage: 2023 }, note: 'for the NDC' };
      expect(validate(creditRequestRequest, forAnother)).to.deep.equal({ ok: true, value: forAnother });
    });

    it('refuses a missing holder, a bad quantity and an overlong note', () => {
      refusesAt(creditRequestRequest, { quantity: 10 }, 'from');
      refusesAt(creditRequestRequest, { from: 'DEV', quantity: -10 }, 'quantity');
      refusesAt(creditRequestRequest, { from: 'DEV', quantity: 10, note: 'x'.repeat(2001) }, 'note');
      expect(validate(creditRequestRequest, { from: 'DEV', quantity: 10, note: 'x'.repeat(2000) }).ok).to.equal(true);
    });
  });

  describe('decision requests', () => {
    it('default the reason to empty and bound the ids', () => {
      expect(validate(requestDecisionRequest, { requestId: 'R1' })).to.deep.equal({
        ok: true,
        value: { requestId: 'R1', reason: '' },
      });
      expect(validate(retirementDecisionRequest, { retirementId: 'T1', reason: 'approved abroad' })).to.deep.equal({
        ok: true,
        value: { retirementId: 'T1', reason: 'approved abroad' },
      });
      refusesAt(requestDecisionRequest, { requestId: '' }, 'requestId');
      refusesAt(requestDecisionRequest, { requestId: 'r'.repeat(129) }, 'requestId');
      expect(validate(requestDecisionRequest, { requestId: 'r'.repeat(128) }).ok).to.equal(true);
      refusesAt(retirementDecisionRequest, { retirementId: '' }, 'retirementId');
      refusesAt(retirementDecisionRequest, { retirementId: 'T1', reason: 'x'.repeat(2001) }, 'reason');
    });
  });

  describe('retireRequest', () => {
    const retirement = { quantity: 10, beneficiary: 'Acme Ltd', category: 'VoluntaryCancellation' };

    it('trims the beneficiary and defaults to any units, no note and use at home', () => {
      expect(validate(retireRequest, { ...retirement, beneficiary: '  Acme Ltd ' })).to.deep.equal({
        ok: true,
        value: { ...retirement, select: {}, note: '' },
      });
    });

    it('takes each of the three categories, and use abroad in a named country', () => {
      expect([...RETIREMENT_CATEGORIES]).to.deep.equal([
        'VoluntaryCancellation',
        'NationallyDeterminedContribution',
        'OtherInternationalMitigationPurposes',
      ]);
      for (const category of RETIREMENT_CATEGORIES) {
        expect(validate(retireRequest, { ...retirement, category }).ok).to.equal(true);
      }
      const abroad = { ...retirement, category: 'OtherInternationalMitigationPurposes', useAbroad: { country: 'CH' } };
      expect(validate(retireRequest, abroad)).to.deep.equal({ ok: true, value: { ...abroad, select: {}, note: '' } });
    });

    it('refuses a blank beneficiary, an unknown category and a country that is not two capitals', () => {
      refusesAt(retireRequest, { ...retirement, beneficiary: '   ' }, 'beneficiary');
      refusesAt(retireRequest, { ...retirement, beneficiary: 'b'.repeat(201) }, 'beneficiary');
      refusesAt(retireRequest, { ...retirement, category: 'Offsetting' }, 'category');
      for (const country of ['ch', 'CHE', 'C']) {
        expect(problemsOf(retireRequest, { ...retirement, useAbroad: { country } })).to.deep.equal([
          'useAbroad.country: an ISO 3166-1 alpha-2 country code',
        ]);
      }
      refusesAt(retireRequest, { ...retirement, quantity: 0 }, 'quantity');
    });
  });

  describe('cancelRequest', () => {
    const cancellation = { holder: 'DEV', quantity: 5, reason: 'Reversal', note: 'wildfire in plot 4' };

    it('takes each of the three reasons, with a note that says why', () => {
      expect([...CANCELLATION_REASONS]).to.deep.equal(['LegalAction', 'Buffer', 'Reversal']);
      for (const reason of CANCELLATION_REASONS) {
        expect(validate(cancelRequest, { ...cancellation, reason })).to.deep.equal({
          ok: true,
          value: { ...cancellation, reason, select: {} },
        });
      }
    });

    it('refuses an unknown reason, a note under 3 characters and a malformed holder', () => {
      refusesAt(cancelRequest, { ...cancellation, reason: 'Fraud' }, 'reason');
      expect(problemsOf(cancelRequest, { ...cancellation, note: ' ok ' })).to.deep.equal([
        'note: say why (at least 3 characters)',
      ]);
      refusesAt(cancelRequest, { ...cancellation, holder: 'D' }, 'holder');
      refusesAt(cancelRequest, { holder: 'DEV', quantity: 5, reason: 'Buffer' }, 'note');
    });
  });

  describe('freeze requests', () => {
    it('name a serial or a company and say why', () => {
      expect(validate(freezeRequest, { serial: SERIAL, reason: ' court order 12 ' })).to.deep.equal({
        ok: true,
        value: { serial: SERIAL, reason: 'court order 12' },
      });
      expect(validate(holdingsFreezeRequest, { companyId: 'DEV', reason: 'court order 12' })).to.deep.equal({
        ok: true,
        value: { companyId: 'DEV', reason: 'court order 12' },
      });
      refusesAt(freezeRequest, { serial: '', reason: 'court order 12' }, 'serial');
      refusesAt(freezeRequest, { serial: SERIAL, reason: 'no' }, 'reason');
      refusesAt(holdingsFreezeRequest, { companyId: 'has space', reason: 'court order 12' }, 'companyId');
    });
  });
});

describe('planTake', () => {
  const a = { id: 'a', quantity: 100 };
  const b = { id: 'b', quantity: 200 };
  const c = { id: 'c', quantity: 50 };
  const blocks = deepFreeze([a, b, c]);

  it('takes a whole first block that fits exactly', () => {
    expect(planTake(blocks, 100)).to.deep.equal([{ block: a, take: 100 }]);
  });

  it('takes whole blocks that add up exactly', () => {
    expect(planTake(blocks, 300)).to.deep.equal([
      { block: a, take: 100 },
      { block: b, take: 200 },
    ]);
    expect(planTake(blocks, 350)).to.deep.equal([
      { block: a, take: 100 },
      { block: b, take: 200 },
      { block: c, take: 50 },
    ]);
  });

  it('takes part of the last block it needs, and no further block', () => {
    expect(planTake(blocks, 1)).to.deep.equal([{ block: a, take: 1 }]);
    expect(planTake(blocks, 150)).to.deep.equal([
      { block: a, take: 100 },
      { block: b, take: 50 },
    ]);
    expect(planTake(blocks, 349)).to.deep.equal([
      { block: a, take: 100 },
      { block: b, take: 200 },
      { block: c, take: 49 },
    ]);
  });

  it('takes from the blocks in the order given, handing back the blocks themselves', () => {
    const plan = planTake([c, a], 60);
    expect(plan).to.deep.equal([
      { block: c, take: 50 },
      { block: a, take: 10 },
    ]);
    expect(plan?.[0]?.block).to.equal(c);
  });

  it('gives no plan when the blocks hold too few units', () => {
    expect(planTake(blocks, 351)).to.equal(undefined);
    expect(planTake(blocks, 1_000_000)).to.equal(undefined);
    expect(planTake([], 1)).to.equal(undefined);
  });

  it('needs no block for nothing', () => {
    expect(planTake(blocks, 0)).to.deep.equal([]);
    expect(planTake([], 0)).to.deep.equal([]);
  });
});

const REASON = 'the units are needed elsewhere';

function transferRequestIn(state: RequestState): TransferRequest {
  return deepFreeze({
    docType: 'transferRequest',
    requestId: 'R1',
    from: 'DEV',
    to: 'DEV2',
    requestedBy: 'DEV2',
    quantity: 500,
    note: '',
    lockedSerials: [SERIAL],
    state,
    stateHistory: [{ state: 'Pending', action: 'request', at: CREATED.at, txId: CREATED.txId, by: CREATED.by }],
    created: CREATED,
    updated: CREATED,
  });
}

function retirementIn(state: RetirementState): Retirement {
  return deepFreeze({
    docType: 'retirement',
    retirementId: 'T1',
    holder: 'DEV',
    quantity: 500,
    serials: [SERIAL],
    beneficiary: 'Acme Ltd',
    category: 'OtherInternationalMitigationPurposes',
    note: '',
    useAbroad: { country: 'CH' },
    state,
    stateHistory: [{ state: 'Pending', action: 'retire', at: CREATED.at, txId: CREATED.txId, by: CREATED.by }],
    created: CREATED,
    updated: CREATED,
  });
}

function change(state: string, action: string, reason?: string) {
  const entry = { state, action, at: CHANGED.at, txId: CHANGED.txId, by: CHANGED.by };
  return reason === undefined ? entry : { ...entry, reason };
}

describe('decideRequest', () => {
  // Written out rather than read from REQUEST_TRANSITIONS, so a changed rule shows up here.
  const EXPECTED: Record<'approve' | 'reject' | 'cancel', Partial<Record<RequestState, RequestState>>> = {
    approve: { Pending: 'Approved' },
    reject: { Pending: 'Rejected' },
    cancel: { Pending: 'Cancelled' },
  };

  it('has the four states of the table', () => {
    expect([...REQUEST_STATES]).to.deep.equal(['Pending', 'Approved', 'Rejected', 'Cancelled']);
    expect(Object.keys(REQUEST_TRANSITIONS)).to.have.members(['approve', 'reject', 'cancel']);
  });

  for (const state of REQUEST_STATES) {
    for (const action of ['approve', 'reject', 'cancel'] as const) {
      const next = EXPECTED[action][state];
      if (next) {
        it(`${action} turns a ${state} transfer request ${next}`, () => {
          const request = transferRequestIn(state);
          const before = JSON.stringify(request);
          expect(decideRequest(request, action, REASON, CHANGED)).to.deep.equal({
            ...request,
            state: next,
            stateHistory: [...request.stateHistory, change(next, action, REASON)],
            updated: CHANGED,
          });
          expect(JSON.stringify(request)).to.equal(before);
        });
      } else {
        it(`refuses to ${action} a ${state} transfer request`, () => {
          const error = registryErrorOf(() => decideRequest(transferRequestIn(state), action, REASON, CHANGED));
          expect(error).to.deep.equal({
            code: 'INVALID_STATE',
            message: `cannot ${action} a transfer request that is ${state}`,
            details: { action, state, allowedFrom: ['Pending'] },
          });
        });
      }
    }
  }

  it('records no reason when none is given', () => {
    const approved = decideRequest(transferRequestIn('Pending'), 'approve', '', CHANGED);
    expect(approved.stateHistory.at(-1)).to.deep.equal(change('Approved', 'approve'));
  });
});

describe('decideRetirement', () => {
  const EXPECTED: Record<'approve' | 'reject', Partial<Record<RetirementState, RetirementState>>> = {
    approve: { Pending: 'Retired' },
    reject: { Pending: 'Rejected' },
  };

  it('has the three states of the table', () => {
    expect([...RETIREMENT_STATES]).to.deep.equal(['Pending', 'Retired', 'Rejected']);
    expect(Object.keys(RETIREMENT_TRANSITIONS)).to.have.members(['approve', 'reject']);
  });

  for (const state of RETIREMENT_STATES) {
    for (const action of ['approve', 'reject'] as const) {
      const next = EXPECTED[action][state];
      if (next) {
        it(`${action} turns a ${state} retirement ${next}`, () => {
          const retirement = retirementIn(state);
          const before = JSON.stringify(retirement);
          expect(decideRetirement(retirement, action, REASON, CHANGED)).to.deep.equal({
            ...retirement,
            state: next,
            stateHistory: [...retirement.stateHistory, change(next, action, REASON)],
            updated: CHANGED,
          });
          expect(JSON.stringify(retirement)).to.equal(before);
        });
      } else {
        it(`refuses to ${action} a ${state} retirement`, () => {
          const error = registryErrorOf(() => decideRetirement(retirementIn(state), action, REASON, CHANGED));
          expect(error).to.deep.equal({
            code: 'INVALID_STATE',
            message: `cannot ${action} a retirement that is ${state}`,
            details: { action, state, allowedFrom: ['Pending'] },
          });
        });
      }
    }
  }

  it('records no reason when none is given', () => {
    const retired = decideRetirement(retirementIn('Pending'), 'approve', '', CHANGED);
    expect(retired.stateHistory.at(-1)).to.deep.equal(change('Retired', 'approve'));
  });
});
