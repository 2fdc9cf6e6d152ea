// Contract "custody": the government's acts on credits it does not hold — cancellation (legal
// action, buffer, reversal; separate from retirement) and freezing of a block or of all the
// holdings of an organisation.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { applyToBlock } from '../domain/credit-block';
import { cancelRequest, freezeRequest, holdingsFreezeRequest, type Cancellation } from '../domain/credit-movements';
import { ErrorCode, RegistryError } from '../errors';
import { authorise } from '../ledger/access';
import { BlockChanges, blockBySerial } from '../ledger/block-store';
import { takeUnits } from '../ledger/credit-moves';
import { freezeHoldings, releasedState, unfreezeHoldings } from '../ledger/freezes';
import { cancellationKey, saveCancellation } from '../ledger/movement-store';
import { loadOrganisation } from '../ledger/organisation-store';
import { emitEvent, parseInput, readExisting } from '../ledger/transaction';

@Info({ title: 'Custody', description: 'Cancellation and freezing of credits by the government' })
export class CustodyContract extends Contract {
  constructor() {
    super('custody');
  }

  /** {holder, quantity, select?, reason (LegalAction, Buffer, Reversal), note}: Active units, or a Frozen block by serial. */
  @Transaction()
  @Returns('string')
  async CancelCredits(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.cancel');
    const r = parseInput(cancelRequest, requestJson, 'request');
    await loadOrganisation(ctx, r.holder);
    const cancellationId = caller.stamp.txId;
    const changes = new BlockChanges();
    const moved = await takeUnits(ctx, changes, r.holder, r.quantity, r.select, caller.stamp, ['Active', 'Frozen']);
    const serials: string[] = [];
    for (const block of moved) {
      const cancelled = applyToBlock(block, 'cancel', { state: 'Cancelled' }, caller.stamp, cancellationId);
      changes.replace(block, cancelled);
      serials.push(cancelled.serial);
    }
    await changes.commit(ctx);
    const cancellation: Cancellation = {
      docType: 'cancellation',
      cancellationId,
      holder: r.holder,
      quantity: r.quantity,
      serials,
      reason: r.reason,
      note: r.note,
      created: caller.stamp,
    };
    await saveCancellation(ctx, cancellation);
    emitEvent(ctx, 'CreditsCancelled', {
      cancellationId,
      holder: r.holder,
      quantity: r.quantity,
      reason: r.reason,
      serials,
    });
    return JSON.stringify(cancellation);
  }

  /** {serial, reason}: freezes one Active block. */
  @Transaction()
  @Returns('string')
  async FreezeCredits(ctx: Context, requestJson: string): Promise<string> {
    return this.#freezeOne(ctx, requestJson, 'freeze');
  }

  /** {serial, reason}: unfreezes one Frozen block. */
  @Transaction()
  @Returns('string')
  async UnfreezeCredits(ctx: Context, requestJson: string): Promise<string> {
    return this.#freezeOne(ctx, requestJson, 'unfreeze');
  }

  /** {companyId, reason}: freezes every Active block the organisation holds. */
  @Transaction()
  @Returns('string')
  async FreezeHoldings(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.freeze');
    const { companyId } = parseInput(holdingsFreezeRequest, requestJson, 'request');
    await loadOrganisation(ctx, companyId);
    const units = await freezeHoldings(ctx, companyId, 'GovernmentOrder', caller.stamp);
    emitEvent(ctx, 'HoldingsFrozen', { companyId, units });
    return JSON.stringify({ companyId, units });
  }

  /** {companyId, reason}: unfreezes what a government order froze (not a suspension's freeze). */
  @Transaction()
  @Returns('string')
  async UnfreezeHoldings(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.freeze');
    const { companyId } = parseInput(holdingsFreezeRequest, requestJson, 'request');
    await loadOrganisation(ctx, companyId);
    const units = await unfreezeHoldings(ctx, companyId, 'GovernmentOrder', caller.stamp);
    emitEvent(ctx, 'HoldingsUnfrozen', { companyId, units });
    return JSON.stringify({ companyId, units });
  }

  @Transaction(false)
  @Returns('string')
  async GetCancellation(ctx: Context, cancellationId: string): Promise<string> {
    return JSON.stringify(
      await readExisting<Cancellation>(ctx, cancellationKey(ctx, cancellationId), 'cancellation', cancellationId),
    );
  }

  async #freezeOne(ctx: Context, requestJson: string, action: 'freeze' | 'unfreeze'): Promise<string> {
    const caller = await authorise(ctx, 'credits.freeze');
    const { serial, reason } = parseInput(freezeRequest, requestJson, 'request');
    const block = await blockBySerial(ctx, serial);
    const from = action === 'freeze' ? 'Active' : 'Frozen';
    if (action === 'unfreeze' && block.frozenBecause === 'OrganisationSuspended') {
      throw new RegistryError(
        ErrorCode.INVALID_STATE,
        `block ${serial} is frozen because ${block.holder} is suspended; reactivate it instead`,
        {
          serial,
          holder: block.holder,
        },
      );
    }
    if (block.state !== from) {
      throw new RegistryError(ErrorCode.INVALID_STATE, `block ${serial} is ${block.state}, not ${from}`, {
        serial,
        state: block.state,
      });
    }
    const next =
      action === 'freeze'
        ? applyToBlock(block, 'freeze', { state: 'Frozen', frozenBecause: 'GovernmentOrder' }, caller.stamp, reason)
        : applyToBlock(block, 'unfreeze', await releasedState(ctx, block.holder), caller.stamp, reason);
    const changes = new BlockChanges();
    changes.replace(block, next);
    await changes.commit(ctx);
    emitEvent(ctx, action === 'freeze' ? 'CreditsFrozen' : 'CreditsUnfrozen', { serial, holder: block.holder });
    return JSON.stringify(next);
  }
}
