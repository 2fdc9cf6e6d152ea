// Contract "retirement": a holder retires credits for a named beneficiary and reason; retired
// units never move again and are public. A retirement for use abroad waits for the government:
// its units are locked (PendingRetirement) until approved (Retired) or rejected (Active again).
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { applyToBlock } from '../domain/credit-block';
import {
  decideRetirement,
  retirementDecisionRequest,
  retireRequest,
  type Retirement,
} from '../domain/credit-movements';
import { stateChange } from '../domain/stamp';
import { ErrorCode, RegistryError } from '../errors';
import { authorise } from '../ledger/access';
import { BlockChanges } from '../ledger/block-store';
import { takeUnits } from '../ledger/credit-moves';
import { releasedState } from '../ledger/freezes';
import { pageByIndex } from '../ledger/indexes';
import { KeyPrefix } from '../ledger/keys';
import { loadRetirement, lockedBlocks, retirementKey, saveRetirement } from '../ledger/movement-store';
import { listRetirementsRequest } from '../domain/requests';
import { emitEvent, parseInput } from '../ledger/transaction';

@Info({ title: 'Retirements', description: 'Retirement of credits, and the government approval of use abroad' })
export class RetirementContract extends Contract {
  constructor() {
    super('retirement');
  }

  /** {quantity, select?, beneficiary, category, note?, useAbroad?: {country}} from the caller's own account. */
  @Transaction()
  @Returns('string')
  async RetireCredits(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.retire');
    const r = parseInput(retireRequest, requestJson, 'request');
    const holder = caller.organisation.companyId;
    const retirementId = caller.stamp.txId;
    const pending = r.useAbroad !== undefined;
    const changes = new BlockChanges();
    const moved = await takeUnits(ctx, changes, holder, r.quantity, r.select, caller.stamp);
    const serials: string[] = [];
    for (const block of moved) {
      const next = pending
        ? applyToBlock(
            block,
            'retire-request',
            { state: 'PendingRetirement', pendingReference: retirementId },
            caller.stamp,
            retirementId,
          )
        : applyToBlock(block, 'retire', { state: 'Retired' }, caller.stamp, retirementId);
      changes.replace(block, next);
      serials.push(next.serial);
    }
    await changes.commit(ctx);
    const state = pending ? 'Pending' : 'Retired';
    const retirement: Retirement = {
      docType: 'retirement',
      retirementId,
      holder,
      quantity: r.quantity,
      serials,
      beneficiary: r.beneficiary,
      category: r.category,
      note: r.note,
      ...(r.useAbroad ? { useAbroad: r.useAbroad } : {}),
      state,
      stateHistory: [stateChange(state, 'retire', caller.stamp)],
      created: caller.stamp,
      updated: caller.stamp,
    };
    await saveRetirement(ctx, retirement);
    return done(ctx, pending ? 'RetirementRequested' : 'CreditsRetired', retirement);
  }

  /** {retirementId, reason?}: the government allows the use abroad; the units are retired. */
  @Transaction()
  @Returns('string')
  async ApproveRetirement(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, requestJson, 'approve');
  }

  /** {retirementId, reason}: the government refuses; the units return to the holder's account. */
  @Transaction()
  @Returns('string')
  async RejectRetirement(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, requestJson, 'reject');
  }

  @Transaction(false)
  @Returns('string')
  async GetRetirement(ctx: Context, retirementId: string): Promise<string> {
    return JSON.stringify(await loadRetirement(ctx, retirementId));
  }

  /** {state? | holder?, pageSize?, bookmark?}: the public register of retirements. */
  @Transaction(false)
  @Returns('string')
  async ListRetirements(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listRetirementsRequest, requestJson, 'request');
    const [prefix, partial] =
      r.holder !== undefined
        ? [KeyPrefix.RETIREMENT_BY_HOLDER, [r.holder]]
        : [KeyPrefix.RETIREMENT_BY_STATE, r.state !== undefined ? [r.state] : []];
    const page = await pageByIndex<Retirement>(ctx, prefix, partial, r.pageSize, r.bookmark, (id) =>
      retirementKey(ctx, id),
    );
    return JSON.stringify(page);
  }

  async #decide(ctx: Context, requestJson: string, action: 'approve' | 'reject'): Promise<string> {
    const caller = await authorise(ctx, 'credits.decideRetirement');
    const { retirementId, reason } = parseInput(retirementDecisionRequest, requestJson, 'request');
    if (action === 'reject' && reason.trim().length < 3) {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'reason: say why (at least 3 characters)');
    }
    const before = await loadRetirement(ctx, retirementId);
    const after = decideRetirement(before, action, reason, caller.stamp);
    const released = await releasedState(ctx, before.holder);
    const changes = new BlockChanges();
    for (const block of await lockedBlocks(ctx, before.serials, retirementId)) {
      const next =
        action === 'approve'
          ? applyToBlock(block, 'retire', { state: 'Retired' }, caller.stamp, retirementId)
          : applyToBlock(block, 'unlock', released, caller.stamp, retirementId);
      changes.replace(block, next);
    }
    await changes.commit(ctx);
    await saveRetirement(ctx, after, before);
    return done(ctx, action === 'approve' ? 'RetirementApproved' : 'RetirementRejected', after);
  }
}

function done(ctx: Context, event: string, retirement: Retirement): string {
  emitEvent(ctx, event, {
    retirementId: retirement.retirementId,
    holder: retirement.holder,
    quantity: retirement.quantity,
    state: retirement.state,
  });
  return JSON.stringify(retirement);
}
