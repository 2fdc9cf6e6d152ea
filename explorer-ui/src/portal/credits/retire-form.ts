// A retirement is checked with the chaincode's own RetireCredits schema and against the chosen block. A retirement
// for use abroad names the country; the government then decides on it.
import { retireRequest } from '../../../../chaincode/src/domain/credit-movements';
import { checkForm, type Checked } from '../forms/form-problems';
import { quantityOf, requireBlock, selectionOf, withinBlock } from './credit-forms';
import type { RetireBody } from './credit-types';

export type RetirementCategory = RetireBody['category'];

export interface RetireInput {
  serial: string | undefined;
  quantity: string;
  beneficiary: string;
  category: RetirementCategory | undefined;
  note: string;
  abroad: boolean;
  country: string;
}

export function checkRetirement(input: RetireInput, block: { quantity: number } | undefined): Checked<RetireBody> {
  const quantity = quantityOf(input.quantity);
  const checked = checkForm(retireRequest, {
    quantity,
    select: selectionOf(input.serial),
    beneficiary: input.beneficiary,
    category: input.category,
    note: input.note.trim(),
    ...(input.abroad ? { useAbroad: { country: input.country.trim().toUpperCase() } } : {}),
  });
  const verdict = withinBlock(requireBlock(checked, input.serial), quantity, block);
  if (!verdict.ok) return verdict;
  const { useAbroad, select, ...rest } = verdict.value;
  return { ok: true, value: { ...rest, select: selectionOf(select.serial), ...(useAbroad ? { useAbroad } : {}) } };
}
