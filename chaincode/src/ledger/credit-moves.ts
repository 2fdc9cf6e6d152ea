// Taking units out of a holder's account for a transfer, lock, retirement or cancellation: an
// explicit block, or the holder's Active blocks oldest vintage and lowest serial first, the last
// one split so that exactly the asked quantity moves (the holder keeps the low range).
import type { Context } from 'fabric-contract-api';
import { assertMovable, splitBlock, type BlockState, type CreditBlock } from '../domain/credit-block';
import { planTake, type UnitSelection } from '../domain/credit-movements';
import type { Stamp } from '../domain/stamp';
import { ErrorCode, RegistryError } from '../errors';
import { blockBySerial, holderBlocks, type BlockChanges } from './block-store';

function insufficient(holder: string, available: number, requested: number): never {
  throw new RegistryError(
    ErrorCode.INSUFFICIENT_CREDITS,
    `${holder} has ${String(available)} such units, not ${String(requested)}`,
    {
      holder,
      available,
      requested,
    },
  );
}

async function candidates(
  ctx: Context,
  holder: string,
  quantity: number,
  select: UnitSelection,
  allowed: readonly BlockState[],
): Promise<CreditBlock[]> {
  if (select.serial === undefined) {
    return holderBlocks(ctx, holder, 'Active', { programmeId: select.programmeId, vintage: select.vintage }, quantity);
  }
  const block = await blockBySerial(ctx, select.serial);
  if (block.holder !== holder) {
    throw new RegistryError(ErrorCode.FORBIDDEN, `block ${block.serial} is not held by ${holder}`, {
      serial: block.serial,
    });
  }
  if (!allowed.includes(block.state)) assertMovable(block);
  return [block];
}

/**
 * Splits off `quantity` units of `holder` and returns the parts that move, still in their
 * current state; the kept parts are already recorded in `changes`.
 */
export async function takeUnits(
  ctx: Context,
  changes: BlockChanges,
  holder: string,
  quantity: number,
  select: UnitSelection,
  stamp: Stamp,
  allowed: readonly BlockState[] = ['Active'],
): Promise<CreditBlock[]> {
  const blocks = await candidates(ctx, holder, quantity, select, allowed);
  const plan = planTake(blocks, quantity);
  if (!plan)
    insufficient(
      holder,
      blocks.reduce((sum, b) => sum + b.quantity, 0),
      quantity,
    );
  const moved: CreditBlock[] = [];
  for (const { block, take } of plan) {
    const split = splitBlock(block, take, stamp);
    changes.replace(block, ...(split.kept ? [split.kept, split.moved] : [split.moved]));
    moved.push(split.moved);
  }
  return moved;
}
