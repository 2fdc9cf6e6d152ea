// One valid programme submission (solar mini-grids, one developer, one certifier), as a developer
// sends it to the registry; each test overrides only the fields it looks at.
import type { z } from 'zod';
import { programmeInputSchema } from '../../../chaincode/src/domain/programme-schema.ts';

export type ProgrammeSubmission = z.input<typeof programmeInputSchema>;

export const sha = (n: number): string => n.toString(16).padStart(64, '0');

export function programmeSubmission(
  externalId: string,
  overrides: Partial<ProgrammeSubmission> = {},
): ProgrammeSubmission {
  return {
    externalId,
    title: 'Turkana Solar Mini-grids',
    sector: 'Energy',
    sectoralScope: 1,
    typeOfMitigation: 'Solar',
    methodology: 'AMS-I.L',
    startDate: '2024-01-01',
    endDate: '2034-12-31',
    creditingPeriod: { start: '2024-01-01', end: '2030-12-31' },
    location: { country: 'KE', regions: ['Turkana'], geometry: { type: 'Point', coordinates: [35.6, 3.1] } },
    proponents: [{ companyId: 'DEV-1', shareBps: 10000 }],
    costUsdCents: 250000000,
    ghgsCovered: ['CO2'],
    estimatedAnnualCredits: 12000,
    estimatedTotalCredits: 84000,
    certifierIds: ['CERT-1'],
    article6Intent: false,
    designDocument: { sha256: sha(1), uri: 'https://docs.example.org/pdd.pdf' },
    ...overrides,
  };
}

/** The submission as the chaincode reads it (its defaults applied). */
export const programmeInput = (externalId: string, overrides: Partial<ProgrammeSubmission> = {}) =>
  programmeInputSchema.parse(programmeSubmission(externalId, overrides));
