// Splitting an issuance among a programme's proponents: each gets floor(quantity × share / 10000)
// units and the remainder goes to the first proponent, so the parts always add up exactly; each
// proponent's part is one contiguous range of unit numbers, in proponent order.

export interface ProponentShare {
  readonly companyId: string;
  readonly shareBps: number;
}

export interface IssuedRange {
  readonly companyId: string;
  readonly start: number;
  readonly end: number;
}

const FULL_SHARE_BPS = 10_000;

export function splitByShares(
  quantity: number,
  proponents: readonly ProponentShare[],
): { companyId: string; quantity: number }[] {
  const parts = proponents.map((p) => ({
    companyId: p.companyId,
    quantity: Math.floor((quantity * p.shareBps) / FULL_SHARE_BPS),
  }));
  const remainder = quantity - parts.reduce((sum, p) => sum + p.quantity, 0);
  const first = parts[0];
  if (first) first.quantity += remainder;
  return parts;
}

/** Unit ranges for each proponent with at least one unit, numbered from `firstUnit`. */
export function allocateUnits(
  quantity: number,
  proponents: readonly ProponentShare[],
  firstUnit: number,
): IssuedRange[] {
  const ranges: IssuedRange[] = [];
  let next = firstUnit;
  for (const part of splitByShares(quantity, proponents)) {
    if (part.quantity === 0) continue;
    ranges.push({ companyId: part.companyId, start: next, end: next + part.quantity - 1 });
    next += part.quantity;
  }
  return ranges;
}
