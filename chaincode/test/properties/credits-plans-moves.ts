// Plans of the operations that create credits and move them between holders: issuance, sending
// (by quantity, by an explicit serial, by programme or vintage), and requests with their decisions.
// Each says the code a refusal must carry, in the order the registry checks, and what a success
// does to the model.
import { ACTIVE, FROZEN_BY_SUSPENSION, type CreditModel, type ModelProgramme } from './credits-model';
import { HOLDER_ROLES } from './credits-callers';
import { roundId } from './credits-world';
import {
  choose,
  chooseSelection,
  COMPANY_IDS,
  MISSING,
  MISSING_ID,
  quantityFor,
  REASON,
  receiverRefusal,
  selectMode,
  takeRefusal,
  type Builder,
  type Env,
  type SelectMode,
  type Selection,
} from './credits-command';
import { contracts } from '../support/registry-fixture';

const PENDING_TRANSFER = 'PendingTransfer';
const ISSUE_AT_MOST = 5_000;

/** Each proponent's floor of its share, the remainder to the first, as the registry promises. */
function shares(quantity: number, programme: ModelProgramme): { companyId: string; units: number }[] {
  const parts = programme.proponents.map((p) => ({
    companyId: p.companyId,
    units: Math.floor((quantity * p.shareBps) / 10_000),
  }));
  const first = parts[0];
  if (first) first.units += quantity - parts.reduce((sum, p) => sum + p.units, 0);
  return parts;
}

function issueRefusal(model: CreditModel, externalId: string, round: number, quantity: number) {
  const programme = model.programmes.get(externalId);
  const r = model.rounds.get(roundId(externalId, round));
  if (!programme || !r) return 'NOT_FOUND';
  if (r.state !== 'Verified') return 'INVALID_STATE';
  if (quantity > r.verified - r.issued) return 'EXCEEDS_VERIFIED';
  return programme.state === 'Authorised' ? undefined : 'INVALID_STATE';
}

const issue: Builder = (env) => {
  const { model, cmd } = env;
  const rounds = [...model.rounds.values()];
  const open = rounds.filter((r) => r.state === 'Verified' && r.issued < r.verified);
  const ids = (list: typeof rounds) => list.map((r) => [r.externalId, r.round] as const);
  const all = [...ids(rounds), ['P-AUTHORISED', 9] as const, ['P-MISSING', 1] as const];
  const [externalId, round] = choose(env, all, ids(open)) ?? ['P-MISSING', 1];
  const r = model.rounds.get(roundId(externalId, round));
  const room = Math.min(ISSUE_AT_MOST, r ? r.verified - r.issued : 0);
  const quantity = cmd.fitTarget && room > 0 ? 1 + (cmd.amount % room) : 1 + (cmd.amount % 20_000);
  return {
    request: { externalId, round, quantity },
    invalid: { externalId, round: 0, quantity },
    send: (ctx, json) => contracts.issuance.IssueCredits(ctx, json),
    refusal: issueRefusal(model, externalId, round, quantity),
    apply: (m) => {
      const programme = m.programmes.get(externalId);
      const issuedRound = m.rounds.get(roundId(externalId, round));
      if (!programme || !issuedRound) throw new Error(`model: no round ${externalId}#${String(round)}`);
      programme.issued += quantity;
      issuedRound.issued += quantity;
      for (const { companyId, units } of shares(quantity, programme)) {
        const suspended = m.organisations.get(companyId)?.state === 'Suspended';
        m.add(companyId, suspended ? FROZEN_BY_SUSPENSION : ACTIVE, units);
      }
    },
    event: 'CreditsIssued',
  };
};

/** Someone other than `except` who can receive credits, or, unfit, any company id. */
function receiver(env: Env, except: string): string {
  const fitting = COMPANY_IDS.filter((c) => c !== except && receiverRefusal(env.model, c) === undefined);
  return choose(env, COMPANY_IDS, fitting, env.cmd.choice >> 6) ?? MISSING;
}

function sendPlan(mode: SelectMode): Builder {
  return (env) => {
    const from = env.caller.companyId;
    const to = receiver(env, from);
    const select = chooseSelection(env, from, mode);
    const quantity = quantityFor(env, from, select);
    return {
      request: { to, quantity, select },
      invalid: { to, quantity: 0, select },
      send: (ctx, json) => contracts.transfer.SendCredits(ctx, json),
      refusal:
        to === from ? 'INVALID_ARGUMENT' : (receiverRefusal(env.model, to) ?? takeRefusal(env, from, quantity, select)),
      apply: (m) => {
        m.move(from, ACTIVE, ACTIVE, quantity, to);
      },
      event: 'CreditsTransferred',
    };
  };
}

/** Credits are asked of an existing organisation that may hold them (suspended or not). */
function holderRefusal(model: CreditModel, companyId: string): string | undefined {
  const holder = model.organisations.get(companyId);
  if (!holder) return 'NOT_FOUND';
  return HOLDER_ROLES.includes(holder.companyRole) ? undefined : 'INVALID_STATE';
}

interface CreditRequest {
  readonly requester: string;
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly select: Selection;
}

function requestRefusal(env: Env, r: CreditRequest): string | undefined {
  const governs = env.model.organisations.get(r.requester)?.companyRole === 'Government';
  if (r.to !== r.requester && !governs) return 'FORBIDDEN';
  if (r.from === r.to) return 'INVALID_ARGUMENT';
  return (
    receiverRefusal(env.model, r.to) ??
    holderRefusal(env.model, r.from) ??
    takeRefusal(env, r.from, r.quantity, r.select)
  );
}

const requestCredits: Builder = (env) => {
  const { model, cmd } = env;
  const requester = env.caller.companyId;
  const governs = model.organisations.get(requester)?.companyRole === 'Government';
  // Only the government may ask on another's behalf; others try it only when the target is unfit.
  const onBehalf = cmd.choice % 3 === 0 && (governs || !cmd.fitTarget);
  const to = onBehalf ? receiver(env, requester) : requester;
  const holders = COMPANY_IDS.filter((c) => c !== to && model.units(c, ACTIVE) > 0);
  const from = choose(env, COMPANY_IDS, holders) ?? MISSING;
  const select = chooseSelection(env, from, selectMode(cmd.choice));
  const quantity = quantityFor(env, from, select);
  const refusal = requestRefusal(env, { requester, from, to, quantity, select });
  const request = { from, ...(onBehalf ? { to } : {}), quantity, select, note: 'for the national inventory' };
  return {
    request,
    invalid: { ...request, from: '' },
    send: (ctx, json) => contracts.transfer.RequestCredits(ctx, json),
    refusal,
    apply: (m, answer) => {
      m.move(from, ACTIVE, PENDING_TRANSFER, quantity);
      m.requests.set(String(answer.requestId), { from, to, requestedBy: requester, quantity, state: 'Pending' });
    },
    event: 'CreditsRequested',
  };
};

type RequestAction = 'approve' | 'reject' | 'cancel';

const REQUEST_OUTCOMES = {
  approve: { state: 'Approved', event: 'TransferRequestApproved', party: 'from' },
  reject: { state: 'Rejected', event: 'TransferRequestRejected', party: 'from' },
  cancel: { state: 'Cancelled', event: 'TransferRequestCancelled', party: 'requestedBy' },
} as const;

function decideRequestPlan(action: RequestAction): Builder {
  const outcome = REQUEST_OUTCOMES[action];
  return (env) => {
    const own = env.caller.companyId;
    const requests = [...env.model.requests];
    const fitting = requests.filter(([, r]) => r.state === 'Pending' && r[outcome.party] === own).map(([id]) => id);
    const requestId = choose(env, [...requests.map(([id]) => id), MISSING_ID], fitting) ?? MISSING_ID;
    const r = env.model.requests.get(requestId);
    const refusal = !r
      ? 'NOT_FOUND'
      : r[outcome.party] !== own
        ? 'FORBIDDEN'
        : r.state !== 'Pending'
          ? 'INVALID_STATE'
          : action === 'approve'
            ? receiverRefusal(env.model, r.to)
            : undefined;
    const method = {
      approve: 'ApproveTransferRequest',
      reject: 'RejectTransferRequest',
      cancel: 'CancelTransferRequest',
    } as const;
    return {
      request: { requestId, reason: REASON },
      invalid: { requestId: '' },
      send: (ctx, json) => contracts.transfer[method[action]](ctx, json),
      refusal,
      apply: (m) => {
        const decided = m.requests.get(requestId);
        if (!decided) throw new Error(`model: no request ${requestId}`);
        decided.state = outcome.state;
        if (action === 'approve') m.move(decided.from, PENDING_TRANSFER, ACTIVE, decided.quantity, decided.to);
        else m.move(decided.from, PENDING_TRANSFER, m.releasedTally(decided.from), decided.quantity);
      },
      event: outcome.event,
    };
  };
}

export const MOVE_PLANS = {
  issue,
  send: sendPlan('none'),
  sendSerial: sendPlan('serial'),
  sendFiltered: sendPlan('filter'),
  request: requestCredits,
  approveRequest: decideRequestPlan('approve'),
  rejectRequest: decideRequestPlan('reject'),
  cancelRequest: decideRequestPlan('cancel'),
} as const satisfies Readonly<Record<string, Builder>>;
