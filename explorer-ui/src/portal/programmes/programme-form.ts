// The programme registration form as the person fills it — texts as typed, shares in percent, the cost in dollars,
// the location as a point or a drawn area — and the programme it becomes: the shape the chaincode's
// programmeInputSchema checks, with shares in basis points (10000 = 100 %) and the cost in cents.
import type { z } from 'zod';
import {
  FULL_SHARE_BPS,
  type GREENHOUSE_GASES,
  type MITIGATION_TYPES,
  type programmeInputSchema,
  type SECTORS,
} from '../../../../chaincode/src/domain/programme-schema';
import type { Checked } from '../forms/form-problems';
import type { DocumentReference } from './document-upload';
import { hundredthsOf, numberOf } from './form-numbers';

export type ProgrammeInput = z.infer<typeof programmeInputSchema>;
export type Sector = (typeof SECTORS)[number];
export type MitigationType = (typeof MITIGATION_TYPES)[number];
export type GreenhouseGas = (typeof GREENHOUSE_GASES)[number];

export interface ProponentEntry {
  companyId: string | undefined;
  /** Percent, as typed: "60", "33.33". */
  sharePercent: string;
}

export interface ProgrammeForm {
  externalId: string;
  title: string;
  description: string;
  sector: Sector | undefined;
  sectoralScope: string;
  typeOfMitigation: MitigationType | undefined;
  methodology: string;
  startDate: string;
  endDate: string;
  creditingStart: string;
  creditingEnd: string;
  country: string;
  /** One region per line. */
  regions: string;
  geometryKind: 'point' | 'area';
  longitude: string;
  latitude: string;
  /** A GeoJSON Polygon or MultiPolygon (or a Feature holding one), as pasted. */
  area: string;
  proponents: ProponentEntry[];
  costUsd: string;
  ghgsCovered: GreenhouseGas[];
  estimatedAnnualCredits: string;
  estimatedTotalCredits: string;
  certifierIds: string[];
  article6Intent: boolean;
  designDocument: DocumentReference | undefined;
}

/** A new form: the person's own company is the first proponent, with the whole share. */
export function blankProgrammeForm(companyId: string, country: string): ProgrammeForm {
  return {
    externalId: '',
    title: '',
    description: '',
    sector: undefined,
    sectoralScope: '',
    typeOfMitigation: undefined,
    methodology: '',
    startDate: '',
    endDate: '',
    creditingStart: '',
    creditingEnd: '',
    country,
    regions: '',
    geometryKind: 'point',
    longitude: '',
    latitude: '',
    area: '',
    proponents: [{ companyId, sharePercent: '100' }],
    costUsd: '',
    ghgsCovered: ['CO2'],
    estimatedAnnualCredits: '',
    estimatedTotalCredits: '',
    certifierIds: [],
    article6Intent: false,
    designDocument: undefined,
  };
}

/** The area pasted, as a geometry; nothing when it is not JSON, so the schema reports the location's geometry. */
function areaOf(text: string): unknown {
  try {
    const parsed = JSON.parse(text) as unknown;
    // A Feature, as drawing tools export, carries its geometry inside.
    if (typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'Feature') {
      return (parsed as { geometry?: unknown }).geometry;
    }
    return parsed;
  } catch {
    return undefined;
  }
}

/** The sum of the shares typed, in basis points (10000 when they make 100 %). */
export const sharesTotalBps = (proponents: readonly ProponentEntry[]): number =>
  proponents.reduce((sum, p) => sum + (hundredthsOf(p.sharePercent) ?? 0), 0);

/** The request the form makes, for programmeInputSchema to check (and to give the programme to send). */
export function programmeRequestOf(form: ProgrammeForm): unknown {
  const description = form.description.trim();
  return {
    externalId: form.externalId.trim(),
    title: form.title,
    ...(description ? { description } : {}),
    sector: form.sector,
    sectoralScope: numberOf(form.sectoralScope),
    typeOfMitigation: form.typeOfMitigation,
    methodology: form.methodology,
    startDate: form.startDate,
    endDate: form.endDate,
    creditingPeriod: { start: form.creditingStart, end: form.creditingEnd },
    location: {
      country: form.country.trim().toUpperCase(),
      regions: form.regions
        .split('\n')
        .map((region) => region.trim())
        .filter((region) => region !== ''),
      geometry:
        form.geometryKind === 'point'
          ? { type: 'Point', coordinates: [numberOf(form.longitude), numberOf(form.latitude)] }
          : areaOf(form.area),
    },
    proponents: form.proponents.map((p) => ({ companyId: p.companyId, shareBps: hundredthsOf(p.sharePercent) })),
    costUsdCents: hundredthsOf(form.costUsd),
    ghgsCovered: form.ghgsCovered,
    estimatedAnnualCredits: numberOf(form.estimatedAnnualCredits),
    estimatedTotalCredits: numberOf(form.estimatedTotalCredits),
    certifierIds: form.certifierIds,
    article6Intent: form.article6Intent,
    designDocument: form.designDocument,
  };
}

/**
 * The check with the shares' total too: the schema adds them up only once every field is valid, and the person
 * should not fix everything else before learning that the shares do not make 100 %.
 */
export function withSharesTotal<T>(checked: Checked<T>, proponents: readonly ProponentEntry[]): Checked<T> {
  const total = sharesTotalBps(proponents);
  if (total === FULL_SHARE_BPS || (!checked.ok && checked.problems.has('proponents'))) return checked;
  const problems = new Map(checked.ok ? [] : checked.problems);
  problems.set(
    'proponents',
    `shares must add up to exactly ${String(FULL_SHARE_BPS)} bps (they add up to ${String(total)})`,
  );
  return { ok: false, problems };
}
