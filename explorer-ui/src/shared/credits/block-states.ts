import type { BlockState } from '../../api/types';

export const BLOCK_STATES: readonly BlockState[] = [
  'Active',
  'Frozen',
  'PendingTransfer',
  'PendingRetirement',
  'Retired',
  'Cancelled',
  'TransferredOut',
];

export const asBlockState = (value: unknown): BlockState | undefined => BLOCK_STATES.find((state) => state === value);
