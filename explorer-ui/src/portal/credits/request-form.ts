// A request for credits is checked with the chaincode's own RequestCredits schema. Naming one of the holder's
// blocks is optional: without it the holder's oldest vintage and lowest serial go first.
import { creditRequestRequest } from '../../../../chaincode/src/domain/credit-movements';
import { checkForm, type Checked } from '../forms/form-problems';
import { quantityOf, selectionOf, withinBlock } from './credit-forms';
import type { RequestBody } from './credit-types';

export interface RequestInput {
  from: string | undefined;
  /** Only the government asks for another organisation; otherwise the requester receives. */
  to: string | undefined;
  serial: string | undefined;
  quantity: string;
  note: string;
}

export function checkCreditRequest(input: RequestInput, block: { quantity: number } | undefined): Checked<RequestBody> {
  const quantity = quantityOf(input.quantity);
  const checked = checkForm(creditRequestRequest, {
    from: input.from ?? '',
    ...(input.to ? { to: input.to } : {}),
    quantity,
    select: selectionOf(input.serial),
    note: input.note.trim(),
  });
  const verdict = withinBlock(checked, quantity, block);
  if (!verdict.ok) return verdict;
  const { to, select, ...rest } = verdict.value;
  return { ok: true, value: { ...rest, select: selectionOf(select.serial), ...(to ? { to } : {}) } };
}
