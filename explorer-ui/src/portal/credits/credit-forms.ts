// What the credit forms share. A quantity is typed as text and becomes a number only when it is a whole number, so
// the chaincode's schema reports anything else; and a chosen block can never give more units than it holds.
import type { Checked } from '../forms/form-problems';

export function quantityOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The schema's verdict, with "more than the block holds" filed under `quantity`. */
export function withinBlock<T>(
  checked: Checked<T>,
  quantity: number | undefined,
  block: { quantity: number } | undefined,
): Checked<T> {
  if (block === undefined || quantity === undefined || !(quantity > block.quantity)) return checked;
  const problems = new Map(checked.ok ? [] : checked.problems);
  if (!problems.has('quantity')) problems.set('quantity', `at most ${block.quantity}`);
  return { ok: false, problems };
}

/** A block named by serial, or the holder's oldest vintage and lowest serial first. */
export const selectionOf = (serial: string | undefined): { serial?: string } => (serial ? { serial } : {});

/** A form that must name a block: the problem is filed under the block's field. */
export function requireBlock<T>(checked: Checked<T>, serial: string | undefined): Checked<T> {
  if (serial) return checked;
  const problems = new Map(checked.ok ? [] : checked.problems);
  problems.set('select.serial', 'choose a block');
  return { ok: false, problems };
}
