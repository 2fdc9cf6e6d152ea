// Plans of retirements: at home (final at once) or for use abroad (locked as PendingRetirement
// until the government approves, which retires the units, or rejects, which returns them to the
// holder's account, frozen with the rest if the holder is suspended meanwhile).
import { ACTIVE } from './credits-model';
import {
  choose,
  chooseSelection,
  MISSING_ID,
  pick,
  quantityFor,
  REASON,
  selectMode,
  takeRefusal,
  type Builder,
} from './credits-command';
import { contracts } from '../support/registry-fixture';

const PENDING_RETIREMENT = 'PendingRetirement';

function retirePlan(abroad: boolean): Builder {
  return (env) => {
    const holder = env.caller.companyId;
    const select = chooseSelection(env, holder, selectMode(env.cmd.choice));
    const quantity = quantityFor(env, holder, select);
    const category = abroad ? 'OtherInternationalMitigationPurposes' : 'VoluntaryCancellation';
    const request = {
      quantity,
      select,
      beneficiary: 'Kenya Airways',
      category,
      ...(abroad ? { useAbroad: { country: 'CH' } } : {}),
    };
    return {
      request,
      invalid: { ...request, beneficiary: ' ' },
      send: (ctx, json) => contracts.retirement.RetireCredits(ctx, json),
      refusal: takeRefusal(env, holder, quantity, select),
      apply: (m, answer) => {
        m.move(holder, ACTIVE, abroad ? PENDING_RETIREMENT : 'Retired', quantity);
        m.retirements.set(String(answer.retirementId), { holder, quantity, state: abroad ? 'Pending' : 'Retired' });
      },
      event: abroad ? 'RetirementRequested' : 'CreditsRetired',
    };
  };
}

function decideRetirementPlan(action: 'approve' | 'reject'): Builder {
  return (env) => {
    const retirements = [...env.model.retirements];
    const fitting = retirements.filter(([, r]) => r.state === 'Pending').map(([id]) => id);
    const retirementId = choose(env, [...retirements.map(([id]) => id), MISSING_ID], fitting) ?? MISSING_ID;
    const r = env.model.retirements.get(retirementId);
    // A rejection must say why; an approval may say nothing.
    const reason = pick([REASON, action === 'reject' ? 'no' : ''], env.cmd.choice % 5) ?? REASON;
    const refusal =
      reason.length < 3 && action === 'reject'
        ? 'INVALID_ARGUMENT'
        : !r
          ? 'NOT_FOUND'
          : r.state !== 'Pending'
            ? 'INVALID_STATE'
            : undefined;
    return {
      request: { retirementId, reason },
      invalid: { retirementId, reason: 7 },
      send: (ctx, json) =>
        action === 'approve'
          ? contracts.retirement.ApproveRetirement(ctx, json)
          : contracts.retirement.RejectRetirement(ctx, json),
      refusal,
      apply: (m) => {
        const decided = m.retirements.get(retirementId);
        if (!decided) throw new Error(`model: no retirement ${retirementId}`);
        decided.state = action === 'approve' ? 'Retired' : 'Rejected';
        const to = action === 'approve' ? 'Retired' : m.releasedTally(decided.holder);
        m.move(decided.holder, PENDING_RETIREMENT, to, decided.quantity);
      },
      event: action === 'approve' ? 'RetirementApproved' : 'RetirementRejected',
    };
  };
}

export const RETIREMENT_PLANS = {
  retire: retirePlan(false),
  retireAbroad: retirePlan(true),
  approveRetirement: decideRetirementPlan('approve'),
  rejectRetirement: decideRetirementPlan('reject'),
} as const satisfies Readonly<Record<string, Builder>>;
