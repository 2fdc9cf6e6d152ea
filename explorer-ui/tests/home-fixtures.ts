// Answers for the Home page and the maps, shaped like the gateway's.
import { programme, programmeSummary } from './fixtures';

const flow = (count: number, total: number, byYear: Record<string, number>, byVintage: Record<string, number>) => ({
  count,
  total,
  byYear,
  bySector: { Energy: total },
  byVintage,
});

export const statistics = {
  replicatedHeight: 52,
  statistics: {
    credits: {
      issued: flow(3, 26000, { '2025': 5000, '2026': 21000 }, { '2023': 5000, '2024': 12000, '2025': 9000 }),
      transferred: flow(1, 2500, { '2026': 2500 }, { '2024': 2500 }),
      retired: flow(2, 2300, { '2026': 2300 }, { '2024': 2300 }),
      cancelled: flow(0, 0, {}, {}),
    },
    unitsByBlockState: { Active: 23700, Retired: 2300 },
    programmes: {
      total: 7,
      byState: { Authorised: 2, Submitted: 1, Validated: 1, Rejected: 1, Suspended: 1, Closed: 1 },
      bySector: { Energy: 4, Forestry: 1, Waste: 1, Agriculture: 1 },
    },
    organisations: {
      total: 5,
      byRole: { Government: 1, Certifier: 1, ProgrammeDeveloper: 3 },
      byState: { Active: 4, Pending: 1 },
    },
  },
};

export const emptyStatistics = {
  replicatedHeight: 1,
  statistics: {
    credits: {
      issued: flow(0, 0, {}, {}),
      transferred: flow(0, 0, {}, {}),
      retired: flow(0, 0, {}, {}),
      cancelled: flow(0, 0, {}, {}),
    },
    unitsByBlockState: {},
    programmes: { total: 0, byState: {}, bySector: {} },
    organisations: { total: 0, byRole: {}, byState: {} },
  },
};

export const solarProgramme = { ...programmeSummary, position: [35.6, 3.1] };

export const forestProgramme = {
  ...programmeSummary,
  externalId: 'KE-FOREST-004',
  programmeId: null,
  title: 'Mau <forest> restoration',
  state: 'Validated',
  sector: 'Forestry',
  position: [35.75, -0.5],
};

/** Submitted before positions were given: no point, so not on the map. */
export const unplacedProgramme = {
  ...programmeSummary,
  externalId: 'KE-OLD-000',
  title: 'Old programme',
  position: null,
};

const square = (west: number, south: number, size: number) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

/** The programme page's answer for a programme whose location is two areas. */
export const programmeWithAreas = {
  ...programme,
  position: [37.5, -0.5],
  record: {
    ...programme.record,
    location: {
      country: 'KE',
      regions: ['Turkana'],
      geometry: { type: 'MultiPolygon', coordinates: [[square(36, -2, 1)], [square(38, 0, 1)]] },
    },
  },
};
