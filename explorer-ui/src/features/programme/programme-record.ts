// The programme's ledger record is served as it is stored (free-form in the API schema): these read the few fields
// the page shows, and tolerate their absence.
export interface ProponentShare {
  companyId: string;
  shareBps: number;
}

export interface ProgrammeFacts {
  methodology?: string;
  description?: string;
  creditingPeriod?: { start: string; end: string };
  estimatedAnnualCredits?: number;
  regions: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function proponentShares(record: Record<string, unknown>): ProponentShare[] {
  const list = Array.isArray(record.proponents) ? (record.proponents as unknown[]) : [];
  return list.flatMap((entry) =>
    isObject(entry) && typeof entry.companyId === 'string' && typeof entry.shareBps === 'number'
      ? [{ companyId: entry.companyId, shareBps: entry.shareBps }]
      : [],
  );
}

export function programmeFacts(record: Record<string, unknown>): ProgrammeFacts {
  const period = isObject(record.creditingPeriod) ? record.creditingPeriod : {};
  const start = text(period.start);
  const end = text(period.end);
  const location = isObject(record.location) ? record.location : {};
  const regions = Array.isArray(location.regions)
    ? location.regions.filter((r): r is string => typeof r === 'string')
    : [];
  const methodology = text(record.methodology);
  const description = text(record.description);
  return {
    ...(methodology ? { methodology } : {}),
    ...(description ? { description } : {}),
    ...(start && end ? { creditingPeriod: { start, end } } : {}),
    ...(typeof record.estimatedAnnualCredits === 'number'
      ? { estimatedAnnualCredits: record.estimatedAnnualCredits }
      : {}),
    regions,
  };
}
