// Valid inputs for the registry's transactions, to be varied by tests.
import type { CompanyRole, OrganisationInput } from '../../src/domain/organisation';
import type { ProgrammeInput } from '../../src/domain/programme-schema';

export const COUNTRY = 'KE';

export function organisationInput(companyId: string, companyRole: CompanyRole, hostMspId: string): OrganisationInput {
  return {
    companyId,
    name: `${companyId} Ltd`,
    companyRole,
    hostMspId,
    country: COUNTRY,
    contact: { email: `registry@${companyId.toLowerCase()}.example`, address: '1 Registry Road, Nairobi' },
  };
}

export const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` });

export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function programmeInput(externalId: string, overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    externalId,
    title: `Solar mini-grids ${externalId}`,
    description: 'Solar mini-grids replacing diesel generators',
    sector: 'Energy',
    sectoralScope: 1,
    typeOfMitigation: 'Solar',
    methodology: 'AMS-I.L',
    startDate: '2024-01-01',
    endDate: '2034-12-31',
    creditingPeriod: { start: '2024-01-01', end: '2030-12-31' },
    location: { country: COUNTRY, regions: ['Turkana'], geometry: { type: 'Point', coordinates: [35.6, 3.1] } },
    proponents: [{ companyId: 'DEV', shareBps: 10_000 }],
    costUsdCents: 250_000_000,
    ghgsCovered: ['CO2'],
    estimatedAnnualCredits: 12_000,
    estimatedTotalCredits: 84_000,
    certifierIds: ['CERT'],
    article6Intent: false,
    designDocument: { sha256: sha(1), uri: 'https://docs.example.org/pdd.pdf', version: 1 },
    ...overrides,
  };
}
