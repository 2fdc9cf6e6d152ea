// Reconciliation of a programme's credits: issued = Σ units of every block by state, and the
// blocks tile the unit numbers 1…issued exactly — no unit in two blocks, none in no block.
import { BLOCK_STATES, type BlockState } from './credit-block';

export interface UnitRange {
  readonly start: number;
  readonly end: number;
  readonly state: BlockState;
}

export interface ProgrammeReconciliation {
  readonly programmeId: number;
  readonly issued: number;
  readonly unitsByState: Readonly<Record<BlockState, number>>;
  readonly blocks: number;
  /** Unit ranges held by no block. */
  readonly gaps: readonly [number, number][];
  /** Unit ranges held by more than one block. */
  readonly overlaps: readonly [number, number][];
  readonly discrepancies: number;
}

/** `blocks` in unit order, as the block keys sort them. */
export function reconcile(programmeId: number, issued: number, blocks: readonly UnitRange[]): ProgrammeReconciliation {
  const unitsByState = Object.fromEntries(BLOCK_STATES.map((s) => [s, 0])) as Record<BlockState, number>;
  const gaps: [number, number][] = [];
  const overlaps: [number, number][] = [];
  let next = 1;
  for (const block of blocks) {
    unitsByState[block.state] += block.end - block.start + 1;
    if (block.start > next) gaps.push([next, block.start - 1]);
    if (block.start < next) overlaps.push([block.start, Math.min(block.end, next - 1)]);
    next = Math.max(next, block.end + 1);
  }
  if (next <= issued) gaps.push([next, issued]);
  const total = Object.values(unitsByState).reduce((a, b) => a + b, 0);
  const beyondIssued = next - 1 > issued ? 1 : 0;
  const discrepancies = gaps.length + overlaps.length + (total === issued ? 0 : 1) + beyondIssued;
  return { programmeId, issued, unitsByState, blocks: blocks.length, gaps, overlaps, discrepancies };
}
