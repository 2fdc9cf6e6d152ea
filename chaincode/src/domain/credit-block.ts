// Credit blocks: a contiguous range of unit numbers of one programme and one vintage, held by one
// organisation, in one state. Moving part of a block splits it: the holder keeps the low range,
// the moved part takes the high range. Each block carries its lineage (issuance, splits,
// transfers, …), copied into both halves of a split, so its provenance is one read away.
import { ErrorCode, RegistryError } from '../errors';
import { formatSerial, withRange, type SerialNumber } from './serial-number';
import type { Stamp } from './stamp';

export const BLOCK_STATES = [
  'Active',
  'Frozen',
  'PendingTransfer',
  'PendingRetirement',
  'Retired',
  'Cancelled',
  'TransferredOut',
] as const;
export type BlockState = (typeof BLOCK_STATES)[number];

/** States whose units can never move again. */
export const FINAL_STATES: readonly BlockState[] = ['Retired', 'Cancelled', 'TransferredOut'];

export type LineageAction =
  'issue' | 'split' | 'transfer' | 'lock' | 'unlock' | 'retire-request' | 'retire' | 'cancel' | 'freeze' | 'unfreeze';

export interface LineageEntry {
  readonly action: LineageAction;
  readonly serial: string;
  readonly holder: string;
  readonly state: BlockState;
  readonly txId: string;
  readonly at: string;
  readonly by: Stamp['by'];
  /** A transfer request, retirement or cancellation this step belongs to. */
  readonly reference?: string;
}

export interface CreditBlock {
  readonly docType: 'creditBlock';
  readonly serial: string;
  readonly serialNumber: SerialNumber;
  readonly programmeId: number;
  readonly externalId: string;
  readonly vintage: number;
  readonly start: number;
  readonly end: number;
  readonly quantity: number;
  readonly holder: string;
  readonly state: BlockState;
  /** Why it is frozen, so unfreezing after an organisation's reactivation only undoes that freeze. */
  readonly frozenBecause?: 'OrganisationSuspended' | 'GovernmentOrder';
  /** The transfer request or retirement that locked it. */
  readonly pendingReference?: string;
  readonly lineage: readonly LineageEntry[];
  readonly updated: Stamp;
}

function entry(block: CreditBlock, action: LineageAction, stamp: Stamp, reference?: string): LineageEntry {
  const base = {
    action,
    serial: block.serial,
    holder: block.holder,
    state: block.state,
    txId: stamp.txId,
    at: stamp.at,
    by: stamp.by,
  };
  return reference === undefined ? base : { ...base, reference };
}

export function issueBlock(
  serialNumber: SerialNumber,
  externalId: string,
  holder: string,
  stamp: Stamp,
  reference: string,
): CreditBlock {
  const block: CreditBlock = {
    docType: 'creditBlock',
    serial: formatSerial(serialNumber),
    serialNumber,
    programmeId: serialNumber.programmeId,
    externalId,
    vintage: serialNumber.vintage,
    start: serialNumber.blockStart,
    end: serialNumber.blockEnd,
    quantity: serialNumber.blockEnd - serialNumber.blockStart + 1,
    holder,
    state: 'Active',
    lineage: [],
    updated: stamp,
  };
  return { ...block, lineage: [entry(block, 'issue', stamp, reference)] };
}

function withUnits(block: CreditBlock, start: number, end: number): CreditBlock {
  const serialNumber = withRange(block.serialNumber, start, end);
  return { ...block, serialNumber, serial: formatSerial(serialNumber), start, end, quantity: end - start + 1 };
}

/** Refuses to move units that are not Active, with the code that says why. */
export function assertMovable(block: CreditBlock): void {
  if (block.state === 'Active') return;
  if (block.state === 'Frozen') {
    throw new RegistryError(ErrorCode.FROZEN, `block ${block.serial} is frozen`, { serial: block.serial });
  }
  if (FINAL_STATES.includes(block.state)) {
    throw new RegistryError(
      ErrorCode.ALREADY_RETIRED,
      `block ${block.serial} is ${block.state} and never moves again`,
      {
        serial: block.serial,
        state: block.state,
      },
    );
  }
  throw new RegistryError(ErrorCode.INVALID_STATE, `block ${block.serial} is ${block.state}`, {
    serial: block.serial,
    state: block.state,
  });
}

export interface Split {
  /** The low range the holder keeps; absent when the whole block moves. */
  readonly kept?: CreditBlock;
  /** The high range that moves on. */
  readonly moved: CreditBlock;
}

/**
 * Splits `quantity` units off the top of a block. The moved part records the split in its lineage;
 * the kept part keeps its lineage as it was — its units did not move, and a holder selling from one
 * block many times must not carry an ever longer record.
 */
export function splitBlock(block: CreditBlock, quantity: number, stamp: Stamp): Split {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'quantity: a whole number of at least 1', { quantity });
  }
  if (quantity > block.quantity) {
    throw new RegistryError(
      ErrorCode.INSUFFICIENT_CREDITS,
      `block ${block.serial} holds ${String(block.quantity)} units`,
      {
        serial: block.serial,
        available: block.quantity,
        requested: quantity,
      },
    );
  }
  if (quantity === block.quantity) return { moved: block };
  const cut = block.end - quantity;
  const kept = withUnits(block, block.start, cut);
  const moved = withUnits(block, cut + 1, block.end);
  return {
    kept: { ...kept, updated: stamp },
    moved: { ...moved, lineage: [...block.lineage, entry(moved, 'split', stamp)], updated: stamp },
  };
}

/** The block after an action: new holder and/or state, with the step in its lineage. */
export function applyToBlock(
  block: CreditBlock,
  action: LineageAction,
  change: {
    holder?: string;
    state: BlockState;
    frozenBecause?: CreditBlock['frozenBecause'];
    pendingReference?: string;
  },
  stamp: Stamp,
  reference?: string,
): CreditBlock {
  const { frozenBecause: _f, pendingReference: _p, ...rest } = block;
  const next: CreditBlock = {
    ...rest,
    holder: change.holder ?? block.holder,
    state: change.state,
    ...(change.frozenBecause ? { frozenBecause: change.frozenBecause } : {}),
    ...(change.pendingReference ? { pendingReference: change.pendingReference } : {}),
    updated: stamp,
  };
  return { ...next, lineage: [...block.lineage, entry(next, action, stamp, reference)] };
}
