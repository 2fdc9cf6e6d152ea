// Freezing and unfreezing a holder's blocks: by government order, or because the holder's
// organisation was suspended — unfreezing after a reactivation undoes only the latter.
import type { Context } from 'fabric-contract-api';
import { applyToBlock, type CreditBlock } from '../domain/credit-block';
import type { Organisation } from '../domain/organisation';
import type { Stamp } from '../domain/stamp';
import { organisationKey } from './access';
import { readRecord } from './transaction';
import { BlockChanges, holderBlocks } from './block-store';

export async function freezeHoldings(
  ctx: Context,
  holder: string,
  because: NonNullable<CreditBlock['frozenBecause']>,
  stamp: Stamp,
): Promise<number> {
  const changes = new BlockChanges();
  let units = 0;
  for (const block of await holderBlocks(ctx, holder, 'Active', {})) {
    changes.replace(block, applyToBlock(block, 'freeze', { state: 'Frozen', frozenBecause: because }, stamp));
    units += block.quantity;
  }
  await changes.commit(ctx);
  return units;
}

export async function unfreezeHoldings(
  ctx: Context,
  holder: string,
  because: NonNullable<CreditBlock['frozenBecause']>,
  stamp: Stamp,
): Promise<number> {
  const changes = new BlockChanges();
  let units = 0;
  for (const block of await holderBlocks(ctx, holder, 'Frozen', {})) {
    if (block.frozenBecause !== because) continue;
    changes.replace(block, applyToBlock(block, 'unfreeze', { state: 'Active' }, stamp));
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
