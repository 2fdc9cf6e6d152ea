// The government's custody acts, each checked with the chaincode's own schema before anything is sent.
import { cancelRequest, freezeRequest, holdingsFreezeRequest } from '../../../../chaincode/src/domain/credit-movements';
import { checkForm, type Checked } from '../forms/form-problems';
import { quantityOf, selectionOf, withinBlock } from './credit-forms';
import type { CancelBody, CancellationReason } from './credit-types';

export interface CancelInput {
  holder: string | undefined;
  serial: string | undefined;
  quantity: string;
  reason: CancellationReason | undefined;
  note: string;
}

export function checkCancellation(input: CancelInput, block: { quantity: number } | undefined): Checked<CancelBody> {
  const quantity = quantityOf(input.quantity);
  const checked = checkForm(cancelRequest, {
    holder: input.holder ?? '',
    quantity,
    select: selectionOf(input.serial),
    reason: input.reason,
    note: input.note,
  });
  const verdict = withinBlock(checked, quantity, block);
  if (!verdict.ok) return verdict;
  return { ok: true, value: { ...verdict.value, select: selectionOf(verdict.value.select.serial) } };
}

export const checkBlockFreeze = (serial: string | undefined, reason: string) =>
  checkForm(freezeRequest, { serial: serial ?? '', reason });

export const checkHoldingsFreeze = (companyId: string | undefined, reason: string) =>
  checkForm(holdingsFreezeRequest, { companyId: companyId ?? '', reason });
