// Numbers are typed as text (a number input's value); the request needs numbers. An empty or unreadable field gives
// nothing, so the chaincode's schema reports the field as missing rather than as a wrong number.
export function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A decimal amount in hundredths (percent → basis points, dollars → cents), or nothing. */
export function hundredthsOf(text: string): number | undefined {
  const value = numberOf(text);
  return value === undefined ? undefined : Math.round(value * 100);
}
