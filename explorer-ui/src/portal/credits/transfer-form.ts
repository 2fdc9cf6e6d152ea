// A transfer is checked with the chaincode's own SendCredits schema, and against the chosen block: the form sends
// part or all of one block, never more than it holds.
import { sendRequest } from '../../../../chaincode/src/domain/credit-movements';
import { checkForm, type Checked } from '../forms/form-problems';
import { quantityOf, requireBlock, selectionOf, withinBlock } from './credit-forms';
import type { SendBody } from './credit-types';

export interface TransferInput {
  serial: string | undefined;
  to: string | undefined;
  quantity: string;
}

export function checkTransfer(input: TransferInput, block: { quantity: number } | undefined): Checked<SendBody> {
  const quantity = quantityOf(input.quantity);
  const checked = checkForm(sendRequest, { to: input.to ?? '', quantity, select: selectionOf(input.serial) });
  const verdict = withinBlock(requireBlock(checked, input.serial), quantity, block);
  if (!verdict.ok) return verdict;
  const { to, quantity: parsed, select } = verdict.value;
  return { ok: true, value: { to, quantity: parsed, select: selectionOf(select.serial) } };
}
