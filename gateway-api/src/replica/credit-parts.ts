// The units an act moved, by programme and vintage, with the programme's sector: read from the
// serial numbers the act names, so statistics can count by sector and vintage without a join.
import { parseSerial } from '../../../chaincode/src/domain/serial-number.ts';
import type { CreditPart } from './documents.ts';

/** A programme's sector by its programme id; undefined when not known (yet). */
export type SectorLookup = (programmeId: number) => string | undefined;

export const UNKNOWN_SECTOR = 'Unknown';

function serialRange(serial: string): { programmeId: number; vintage: number; quantity: number } | undefined {
  try {
    const s = parseSerial(serial);
    return { programmeId: s.programmeId, vintage: s.vintage, quantity: s.blockEnd - s.blockStart + 1 };
  } catch {
    return undefined;
  }
}

/** Parts ordered by programme id, then vintage; units of one programme and vintage are added up. */
export function creditParts(serials: readonly string[], sectorOf: SectorLookup): CreditPart[] {
  const parts = new Map<string, CreditPart>();
  for (const serial of serials) {
    const range = serialRange(serial);
    if (!range) continue;
    const key = `${String(range.programmeId)}/${String(range.vintage)}`;
    const quantity = (parts.get(key)?.quantity ?? 0) + range.quantity;
    const sector = sectorOf(range.programmeId) ?? UNKNOWN_SECTOR;
    parts.set(key, { programmeId: range.programmeId, vintage: range.vintage, quantity, sector });
  }
  return [...parts.values()].sort((a, b) => a.programmeId - b.programmeId || a.vintage - b.vintage);
}
