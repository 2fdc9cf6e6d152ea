// Freezing and unfreezing a holder's blocks: by government order, or because the holder's
// organisation was suspended — unfreezing after a reactivation undoes only the latter.
import type { Context } from 'fabric-contract-api';
import { applyToBlock, type CreditBlock } from '../domain/credit-block';
import type { Organisation } from '../domain/organisation';
import type { Stamp } from '../domain/stamp';
import { organisationKey } from './access';
import { readRecord } from './transaction';
import { BlockChanges, holderBlocks } from './block-store';

export function freezeHoldings(
  ctx: Context,
  holder: string,
  because: NonNullable<CreditBlock['frozenBecause']>,
  stamp: Stamp,
): Promise<number> {
  return changeHoldings(
    ctx,
    holder,
    'Active',
    () => true,
    (b) => applyToBlock(b, 'freeze', { state: 'Frozen', frozenBecause: because }, stamp),
  );
}

/**
 * Thaws only what was frozen for `because`: a government order and a suspension are undone
 * separately. Lifting an order while the holder is suspended leaves the units frozen by the
 * suspension. (Reactivation calls this in the same transaction that makes the holder Active,
 * which that transaction cannot read back, so a suspension's freeze always thaws to Active.)
 */
export async function unfreezeHoldings(
  ctx: Context,
  holder: string,
  because: NonNullable<CreditBlock['frozenBecause']>,
  stamp: Stamp,
): Promise<number> {
  const thawed = because === 'GovernmentOrder' ? await releasedState(ctx, holder) : ({ state: 'Active' } as const);
  return changeHoldings(
    ctx,
    holder,
    'Frozen',
    (b) => b.frozenBecause === because,
    (b) => applyToBlock(b, 'unfreeze', thawed, stamp),
  );
}

/** Applies `change` to each of the holder's blocks in `state` that `which` selects; returns the units changed. */
async function changeHoldings(
  ctx: Context,
  holder: string,
  state: 'Active' | 'Frozen',
  which: (b: CreditBlock) => boolean,
  change: (b: CreditBlock) => CreditBlock,
): Promise<number> {
  const changes = new BlockChanges();
  let units = 0;
  for (const block of (await holderBlocks(ctx, holder, state, {})).filter(which)) {
    changes.replace(block, change(block));
    units += block.quantity;
  }
  await changes.commit(ctx);
  return units;
}

/**
 * The state units return to when a lock is released: Active, unless their holder is suspended, in
 * which case they join the rest of its frozen holdings.
 */
export async function releasedState(
  ctx: Context,
  holder: string,
): Promise<{ state: 'Active' } | { state: 'Frozen'; frozenBecause: 'OrganisationSuspended' }> {
  const org = await readRecord<Organisation>(ctx, organisationKey(ctx, holder));
  return org?.state === 'Suspended' ? { state: 'Frozen', frozenBecause: 'OrganisationSuspended' } : { state: 'Active' };
}
