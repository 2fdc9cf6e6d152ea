// What a programme developer submits: the UNDP registry's programme fields, validated field by
// field (dates that exist and are in order, shares that add up, integer money and credits).
import { z } from 'zod';
import { companyIdSchema, countrySchema, isoDateSchema, nameSchema, wholeNumberSchema } from './common-schemas';
import { documentInputSchema } from './document';

export const SECTORS = [
  'Energy',
  'Transport',
  'Manufacturing',
  'Waste',
  'Agriculture',
  'Forestry',
  'Buildings',
  'Health',
  'Education',
  'Hospitality',
  'Other',
] as const;

export const MITIGATION_TYPES = [
  'Solar',
  'Wind',
  'Hydro',
  'Geothermal',
  'Biomass',
  'EnergyEfficiency',
  'FuelSwitch',
  'CleanCooking',
  'Transport',
  'Methane',
  'WasteManagement',
  'Agriculture',
  'Afforestation',
  'AvoidedDeforestation',
  'CarbonCapture',
  'Other',
] as const;

export const GREENHOUSE_GASES = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'] as const;

/** Shares are in basis points: 10000 = 100 %, so they add up exactly in integers. */
export const FULL_SHARE_BPS = 10_000;

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
const position = z.tuple([longitude, latitude]);
const ring = z
  .array(position)
  .min(4, 'a closed ring of at least 4 positions')
  .refine((r) => r[0]?.[0] === r[r.length - 1]?.[0] && r[0]?.[1] === r[r.length - 1]?.[1], {
    message: 'a closed ring: its last position repeats its first',
  });

const geometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1).max(50) }),
]);

const proponentSchema = z.strictObject({
  companyId: companyIdSchema,
  shareBps: z.number().int('a whole number of basis points').min(1).max(FULL_SHARE_BPS),
});

export const programmeInputSchema = z
  .strictObject({
    externalId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, '1–64 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-"'),
    title: nameSchema,
    description: z.string().trim().max(10_000).default(''),
    sector: z.enum(SECTORS),
    sectoralScope: z.number().int().min(1, 'a UNFCCC sectoral scope, 1–15').max(15, 'a UNFCCC sectoral scope, 1–15'),
    typeOfMitigation: z.enum(MITIGATION_TYPES),
    methodology: z.string().trim().min(1).max(200),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    creditingPeriod: z.strictObject({ start: isoDateSchema, end: isoDateSchema }),
    location: z.strictObject({
      country: countrySchema,
      regions: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
      geometry: geometrySchema,
    }),
    // Aggregated programmes (cookstoves, solar home systems) can list many proponents.
    proponents: z.array(proponentSchema).min(1).max(100),
    costUsdCents: wholeNumberSchema,
    ghgsCovered: z.array(z.enum(GREENHOUSE_GASES)).min(1).max(GREENHOUSE_GASES.length),
    estimatedAnnualCredits: wholeNumberSchema,
    estimatedTotalCredits: wholeNumberSchema,
    certifierIds: z.array(companyIdSchema).min(1).max(10),
    article6Intent: z.boolean(),
    designDocument: documentInputSchema,
  })
  .superRefine((p, ctx) => {
    const problem = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const dates = [p.startDate, p.endDate, p.creditingPeriod.start, p.creditingPeriod.end];
    // Order only means something between real dates; a bad date is already reported on its own.
    if (dates.every((d) => isoDateSchema.safeParse(d).success)) checkDateOrder(p, problem);
    const total = p.proponents.reduce((sum, x) => sum + x.shareBps, 0);
    if (total !== FULL_SHARE_BPS)
      problem(['proponents'], `shares must add up to exactly 10000 bps (they add up to ${total})`);
    if (new Set(p.proponents.map((x) => x.companyId)).size !== p.proponents.length) {
      problem(['proponents'], 'each company may appear once');
    }
    if (new Set(p.certifierIds).size !== p.certifierIds.length)
      problem(['certifierIds'], 'each certifier may appear once');
    if (new Set(p.ghgsCovered).size !== p.ghgsCovered.length) problem(['ghgsCovered'], 'each gas may appear once');
    if (p.estimatedAnnualCredits > p.estimatedTotalCredits) {
      problem(['estimatedAnnualCredits'], 'cannot exceed estimatedTotalCredits');
    }
  });

export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

interface Dated {
  startDate: string;
  endDate: string;
  creditingPeriod: { start: string; end: string };
}

function checkDateOrder(p: Dated, problem: (path: string[], message: string) => void): void {
  if (p.startDate >= p.endDate) problem(['endDate'], 'must be after startDate');
  if (p.creditingPeriod.start >= p.creditingPeriod.end) problem(['creditingPeriod', 'end'], 'must be after its start');
  if (p.creditingPeriod.start < p.startDate || p.creditingPeriod.end > p.endDate) {
    problem(['creditingPeriod'], 'must lie between startDate and endDate');
  }
}

export const authorisationInputSchema = z.strictObject({
  externalId: z.string().min(1).max(64),
  creditIdentifier: z.string().regex(/^[A-Z0-9]{2,12}$/, '2–12 upper-case letters or digits, such as "CA0004"'),
  firstTransferringParty: countrySchema.or(z.literal('XX')).default('XX'),
  article6Authorised: z.boolean().default(false),
  authorisationLetter: documentInputSchema.optional(),
});

export type AuthorisationInput = z.infer<typeof authorisationInputSchema>;
