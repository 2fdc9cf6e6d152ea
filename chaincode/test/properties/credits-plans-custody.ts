// Plans of the government's acts on credits it does not hold: cancellation (of Active units, or of
// a frozen block named by serial), freezing and unfreezing one block or all of an organisation's
// holdings, and suspending and reactivating DEV-ACTIVE, which freezes and thaws its credits.
import { ACTIVE, FROZEN_BY_ORDER, FROZEN_BY_SUSPENSION } from './credits-model';
import {
  choose,
  chooseSelection,
  COMPANY_IDS,
  MISSING,
  pick,
  quantityFor,
  REASON,
  selectMode,
  takenTally,
  takeRefusal,
  type Builder,
} from './credits-command';
import { contracts } from '../support/registry-fixture';

const NO_SUCH_SERIAL = 'CA0004-KE-XX-1-1-1-2024';

const cancelCredits: Builder = (env) => {
  const { model, cmd } = env;
  const holding = (c: string) => [ACTIVE, FROZEN_BY_ORDER, FROZEN_BY_SUSPENSION].some((t) => model.units(c, t) > 0);
  const holder = choose(env, COMPANY_IDS, COMPANY_IDS.filter(holding), cmd.choice >> 6) ?? MISSING;
  const select = chooseSelection(env, holder, selectMode(cmd.choice), true);
  const quantity = quantityFor(env, holder, select);
  const from = takenTally(env, select);
  const request = { holder, quantity, select, reason: 'Reversal', note: REASON };
  return {
    request,
    invalid: { ...request, reason: 'Whim' },
    send: (ctx, json) => contracts.custody.CancelCredits(ctx, json),
    refusal: model.organisations.has(holder) ? takeRefusal(env, holder, quantity, select, true) : 'NOT_FOUND',
    apply: (m) => {
      m.move(holder, from, 'Cancelled', quantity);
    },
    event: 'CreditsCancelled',
  };
};

function freezeBlockPlan(action: 'freeze' | 'unfreeze'): Builder {
  const required = action === 'freeze' ? 'Active' : 'Frozen';
  return (env) => {
    const blocks = [...env.world.bySerial.values()];
    const all = [...blocks.map((b) => b.serial), ...env.staleSerials];
    const fitting = blocks
      .filter((b) => b.state === required && b.frozenBecause !== 'OrganisationSuspended')
      .map((b) => b.serial);
    const serial = choose(env, all, fitting) ?? NO_SUCH_SERIAL;
    const block = env.world.bySerial.get(serial);
    return {
      request: { serial, reason: REASON },
      invalid: { serial, reason: 'x' },
      send: (ctx, json) =>
        action === 'freeze' ? contracts.custody.FreezeCredits(ctx, json) : contracts.custody.UnfreezeCredits(ctx, json),
      // A suspension's freeze is undone only by reactivating the holder.
      refusal: !block
        ? 'NOT_FOUND'
        : block.state !== required || block.frozenBecause === 'OrganisationSuspended'
          ? 'INVALID_STATE'
          : undefined,
      apply: (m) => {
        if (!block) throw new Error(`model: no block ${serial}`);
        // Lifting an order while the holder is suspended leaves the units frozen by the suspension.
        const [from, to] =
          action === 'freeze' ? [ACTIVE, FROZEN_BY_ORDER] : [FROZEN_BY_ORDER, m.releasedTally(block.holder)];
        m.move(block.holder, from, to, block.quantity);
      },
      event: action === 'freeze' ? 'CreditsFrozen' : 'CreditsUnfrozen',
    };
  };
}

function holdingsPlan(action: 'freeze' | 'unfreeze'): Builder {
  // Unfreezing holdings undoes only the government's orders, never a suspension's freeze.
  const [from, to] = action === 'freeze' ? [ACTIVE, FROZEN_BY_ORDER] : [FROZEN_BY_ORDER, ACTIVE];
  return (env) => {
    const fitting = COMPANY_IDS.filter((c) => env.model.units(c, from) > 0);
    const companyId = choose(env, COMPANY_IDS, fitting) ?? MISSING;
    return {
      request: { companyId, reason: REASON },
      invalid: { companyId, reason: '' },
      send: (ctx, json) =>
        action === 'freeze'
          ? contracts.custody.FreezeHoldings(ctx, json)
          : contracts.custody.UnfreezeHoldings(ctx, json),
      refusal: env.model.organisations.has(companyId) ? undefined : 'NOT_FOUND',
      apply: (m) => {
        m.moveAll(companyId, from, action === 'freeze' ? to : m.releasedTally(companyId));
      },
      event: action === 'freeze' ? 'HoldingsFrozen' : 'HoldingsUnfrozen',
    };
  };
}

function organisationPlan(action: 'suspend' | 'reactivate'): Builder {
  const [required, next] = action === 'suspend' ? ['Active', 'Suspended'] : ['Suspended', 'Active'];
  const [from, to] = action === 'suspend' ? [ACTIVE, FROZEN_BY_SUSPENSION] : [FROZEN_BY_SUSPENSION, ACTIVE];
  return (env) => {
    // The government itself is never decided on; that is the unfit target.
    const companyId = env.cmd.fitTarget ? 'DEV-ACTIVE' : (pick(['DEV-ACTIVE', 'GOV'], env.cmd.target) ?? 'GOV');
    const state = env.model.organisations.get(companyId)?.state;
    return {
      request: { companyId, reason: REASON },
      invalid: { companyId, reason: ' ' },
      send: (ctx, json) =>
        action === 'suspend'
          ? contracts.organisation.SuspendOrganisation(ctx, json)
          : contracts.organisation.ReactivateOrganisation(ctx, json),
      refusal: companyId === 'GOV' ? 'FORBIDDEN' : state !== required ? 'INVALID_STATE' : undefined,
      apply: (m) => {
        const org = m.organisations.get(companyId);
        if (!org) throw new Error(`model: no organisation ${companyId}`);
        org.state = next;
        m.moveAll(companyId, from, to);
      },
      event: 'OrganisationStateChanged',
    };
  };
}

export const CUSTODY_PLANS = {
  cancelCredits,
  freezeBlock: freezeBlockPlan('freeze'),
  unfreezeBlock: freezeBlockPlan('unfreeze'),
  freezeHoldings: holdingsPlan('freeze'),
  unfreezeHoldings: holdingsPlan('unfreeze'),
  suspend: organisationPlan('suspend'),
  reactivate: organisationPlan('reactivate'),
} as const satisfies Readonly<Record<string, Builder>>;
