// What the reader asked to look up, as it appears in the URL (?serial=… or ?programmeId=…&unit=…).
import type { LocationQuery } from 'vue-router';

export type LookupQuery = { by: 'serial'; serial: string } | { by: 'unit'; programmeId: number; unit: number };

// {creditIdentifier}-{originatingParty}-{firstTransferringParty}-{programmeId}-{blockStart}-{blockEnd}-{vintage}
const SERIAL = /^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9]+-\d+-\d+-\d+-\d{4}$/;

export const isSerial = (value: string): boolean => SERIAL.test(value.trim());

const positive = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && Number.isSafeInteger(number) ? number : undefined;
};

export function lookupFromQuery(query: LocationQuery): LookupQuery | undefined {
  const serial = typeof query.serial === 'string' ? query.serial.trim() : '';
  if (serial) return { by: 'serial', serial };
  const programmeId = positive(query.programmeId);
  const unit = positive(query.unit);
  return programmeId !== undefined && unit !== undefined ? { by: 'unit', programmeId, unit } : undefined;
}

export function lookupToQuery(lookup: LookupQuery): Record<string, string> {
  return lookup.by === 'serial'
    ? { serial: lookup.serial }
    : { programmeId: String(lookup.programmeId), unit: String(lookup.unit) };
}
