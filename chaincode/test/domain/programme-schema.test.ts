// Programme and authorisation input schemas: each field and cross-field rule, with problems named by field.
import { expect } from 'chai';
import { authorisationInputSchema, programmeInputSchema, type ProgrammeInput } from '../../src/domain/programme-schema';
import { validate } from '../../src/domain/validation';
import { programmeInput, sha } from '../support/inputs';

const valid = programmeInput('P-1');

function check(input: unknown) {
  return validate(programmeInputSchema, input);
}

function problemsOf(input: unknown): string[] {
  const result = check(input);
  if (result.ok) expect.fail(`expected problems, the input was accepted: ${JSON.stringify(input)}`);
  return result.problems;
}

/** The problems of the valid input changed by `overrides`. */
function problemsWith(overrides: Record<string, unknown>): string[] {
  return problemsOf({ ...valid, ...overrides });
}

function accepts(overrides: Record<string, unknown>): void {
  const input = { ...valid, ...overrides };
  expect(check(input), JSON.stringify(input)).to.have.property('ok', true);
}

function locationWith(geometry: unknown) {
  return { location: { ...valid.location, geometry } };
}

describe('programme input', () => {
  it('accepts the valid input unchanged', () => {
    expect(check(valid)).to.deep.equal({ ok: true, value: valid });
  });

  it('defaults the description to empty and the design document version to 1', () => {
    const input: Record<string, unknown> = {
      ...valid,
      designDocument: { sha256: sha(1), uri: 'https://x.example/pdd' },
    };
    delete input.description;
    const result = check(input);
    if (!result.ok) expect.fail(result.problems.join('; '));
    const value: ProgrammeInput = result.value;
    expect(value.description).to.equal('');
    expect(value.designDocument).to.deep.equal({ sha256: sha(1), uri: 'https://x.example/pdd', version: 1 });
  });

  it('reports problems instead of throwing on malformed input', () => {
    for (const bad of [null, 'programme', 7, [], {}]) expect(check(bad).ok).to.equal(false);
    expect(problemsWith({ proponents: [null] })).to.deep.equal([
      'proponents.0: Invalid input: expected object, received null',
    ]);
  });

  describe('unknown fields', () => {
    it('are refused at the top level', () => {
      expect(problemsWith({ owner: 'DEV' })).to.deep.equal(['Unrecognized key: "owner"']);
    });

    it('are refused in nested objects', () => {
      expect(problemsWith({ creditingPeriod: { ...valid.creditingPeriod, extra: 1 } })).to.deep.equal([
        'creditingPeriod: Unrecognized key: "extra"',
      ]);
      expect(problemsWith({ location: { ...valid.location, altitude: 3 } })).to.deep.equal([
        'location: Unrecognized key: "altitude"',
      ]);
      expect(problemsWith({ proponents: [{ companyId: 'DEV', shareBps: 10_000, role: 'lead' }] })).to.deep.equal([
        'proponents.0: Unrecognized key: "role"',
      ]);
      expect(problemsWith({ designDocument: { ...valid.designDocument, signed: true } })).to.deep.equal([
        'designDocument: Unrecognized key: "signed"',
      ]);
      expect(problemsWith(locationWith({ type: 'Point', coordinates: [0, 0], crs: 'WGS84' }))).to.deep.equal([
        'location.geometry: Unrecognized key: "crs"',
      ]);
    });
  });

  describe('dates', () => {
    it('must exist on the calendar', () => {
      expect(problemsWith({ startDate: '2026-02-30' })).to.include('startDate: a date as YYYY-MM-DD');
      expect(problemsWith({ endDate: '2025-02-29' })).to.include('endDate: a date as YYYY-MM-DD');
      expect(problemsWith({ endDate: '2034-13-01' })).to.include('endDate: a date as YYYY-MM-DD');
      expect(problemsWith({ creditingPeriod: { start: '2024-04-31', end: '2030-12-31' } })).to.include(
        'creditingPeriod.start: a date as YYYY-MM-DD',
      );
      accepts({ endDate: '2036-02-29' });
    });

    it('must be written YYYY-MM-DD', () => {
      expect(problemsWith({ startDate: '2024-1-01' })).to.include('startDate: a date as YYYY-MM-DD');
      expect(problemsWith({ startDate: '2024-01-01T00:00:00Z' })).to.include('startDate: a date as YYYY-MM-DD');
    });

    it('must end after they start', () => {
      expect(problemsWith({ endDate: '2024-01-01' })).to.include('endDate: must be after startDate');
      expect(problemsWith({ startDate: '2035-01-01' })).to.include('endDate: must be after startDate');
    });

    it('must give a crediting period that ends after it starts', () => {
      const same = { start: '2026-01-01', end: '2026-01-01' };
      expect(problemsWith({ creditingPeriod: same })).to.deep.equal(['creditingPeriod.end: must be after its start']);
      const reversed = { start: '2027-01-01', end: '2026-01-01' };
      expect(problemsWith({ creditingPeriod: reversed })).to.deep.equal([
        'creditingPeriod.end: must be after its start',
      ]);
    });

    it('must keep the crediting period inside the programme dates', () => {
      const tooEarly = { start: '2023-12-31', end: '2030-12-31' };
      const tooLate = { start: '2024-01-01', end: '2035-01-01' };
      for (const creditingPeriod of [tooEarly, tooLate]) {
        expect(problemsWith({ creditingPeriod })).to.deep.equal([
          'creditingPeriod: must lie between startDate and endDate',
        ]);
      }
      accepts({ creditingPeriod: { start: valid.startDate, end: valid.endDate } });
    });
  });

  describe('proponents', () => {
    it('must hold shares adding up to exactly 10000 basis points', () => {
      expect(problemsWith({ proponents: [{ companyId: 'DEV', shareBps: 9999 }] })).to.deep.equal([
        'proponents: shares must add up to exactly 10000 bps (they add up to 9999)',
      ]);
      const over = [
        { companyId: 'DEV', shareBps: 6000 },
        { companyId: 'DEV2', shareBps: 4001 },
      ];
      expect(problemsWith({ proponents: over })).to.deep.equal([
        'proponents: shares must add up to exactly 10000 bps (they add up to 10001)',
      ]);
      expect(problemsWith({ proponents: [{ companyId: 'DEV', shareBps: 10_001 }] })).to.include(
        'proponents.0.shareBps: Too big: expected number to be <=10000',
      );
      accepts({
        proponents: [
          { companyId: 'DEV', shareBps: 6000 },
          { companyId: 'DEV2', shareBps: 4000 },
        ],
      });
    });

    it('must each hold a whole, positive share', () => {
      const fractional = [
        { companyId: 'DEV', shareBps: 5000.5 },
        { companyId: 'DEV2', shareBps: 4999.5 },
      ];
      expect(problemsWith({ proponents: fractional })).to.deep.equal([
        'proponents.0.shareBps: a whole number of basis points',
        'proponents.1.shareBps: a whole number of basis points',
      ]);
      const zero = [
        { companyId: 'DEV', shareBps: 10_000 },
        { companyId: 'DEV2', shareBps: 0 },
      ];
      expect(problemsWith({ proponents: zero })[0]).to.match(/^proponents\.1\.shareBps: /);
    });

    it('must name each company once', () => {
      const twice = [
        { companyId: 'DEV', shareBps: 5000 },
        { companyId: 'DEV', shareBps: 5000 },
      ];
      expect(problemsWith({ proponents: twice })).to.deep.equal(['proponents: each company may appear once']);
    });

    it('must not be empty', () => {
      expect(problemsWith({ proponents: [] })[0]).to.match(/^proponents: /);
    });
  });

  it('refuses a certifier named twice', () => {
    expect(problemsWith({ certifierIds: ['CERT', 'CERT'] })).to.deep.equal([
      'certifierIds: each certifier may appear once',
    ]);
    accepts({ certifierIds: ['CERT', 'CERT2'] });
  });

  it('refuses a gas named twice', () => {
    expect(problemsWith({ ghgsCovered: ['CO2', 'CH4', 'CO2'] })).to.deep.equal([
      'ghgsCovered: each gas may appear once',
    ]);
    accepts({ ghgsCovered: ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'] });
    expect(problemsWith({ ghgsCovered: ['H2O'] })[0]).to.match(/^ghgsCovered\.0: /);
  });

  it('takes a sectoral scope that is a whole number from 1 to 15', () => {
    accepts({ sectoralScope: 1 });
    accepts({ sectoralScope: 15 });
    for (const sectoralScope of [0, 16]) {
      expect(problemsWith({ sectoralScope })).to.deep.equal(['sectoralScope: a UNFCCC sectoral scope, 1–15']);
    }
    expect(problemsWith({ sectoralScope: 1.5 })).to.deep.equal([
      'sectoralScope: Invalid input: expected int, received number',
    ]);
  });

  describe('location', () => {
    it('takes longitudes within ±180 and latitudes within ±90', () => {
      for (const coordinates of [
        [180, 90],
        [-180, -90],
      ]) {
        accepts(locationWith({ type: 'Point', coordinates }));
      }
      for (const longitude of [180.01, -180.01]) {
        expect(problemsWith(locationWith({ type: 'Point', coordinates: [longitude, 0] }))[0]).to.match(
          /^location\.geometry\.coordinates\.0: /,
        );
      }
      for (const latitude of [90.01, -90.01]) {
        expect(problemsWith(locationWith({ type: 'Point', coordinates: [0, latitude] }))[0]).to.match(
          /^location\.geometry\.coordinates\.1: /,
        );
      }
    });

    it('takes Polygon rings of at least 4 positions', () => {
      const triangle = [
        [36, -1],
        [37, -1],
        [36, -1],
      ];
      const square = [
        [36, -1],
        [37, -1],
        [37, -2],
        [36, -1],
      ];
      expect(problemsWith(locationWith({ type: 'Polygon', coordinates: [triangle] }))).to.deep.equal([
        'location.geometry.coordinates.0: a closed ring of at least 4 positions',
      ]);
      expect(problemsWith(locationWith({ type: 'MultiPolygon', coordinates: [[square], [triangle]] }))).to.deep.equal([
        'location.geometry.coordinates.1.0: a closed ring of at least 4 positions',
      ]);
      accepts(locationWith({ type: 'Polygon', coordinates: [square] }));
      accepts(locationWith({ type: 'MultiPolygon', coordinates: [[square], [square, square]] }));
    });

    it('refuses an unknown geometry type and an empty region list', () => {
      expect(problemsWith(locationWith({ type: 'Line', coordinates: [0, 0] }))[0]).to.match(
        /^location\.geometry\.type: /,
      );
      expect(problemsWith({ location: { ...valid.location, regions: [] } })[0]).to.match(/^location\.regions: /);
    });
  });

  describe('money and credits', () => {
    for (const field of ['costUsdCents', 'estimatedAnnualCredits', 'estimatedTotalCredits'] as const) {
      it(`takes ${field} as a whole, non-negative, exactly representable number`, () => {
        expect(problemsWith({ [field]: 1.5 })).to.include(`${field}: a whole number`);
        expect(problemsWith({ [field]: -1 })).to.include(`${field}: not negative`);
        expect(problemsWith({ [field]: Number.MAX_SAFE_INTEGER + 1 }).some((p) => p.startsWith(`${field}: `))).to.equal(
          true,
        );
        expect(problemsWith({ [field]: '100' })).to.include(
          `${field}: Invalid input: expected number, received string`,
        );
      });
    }

    it('accepts zero and the largest exactly representable number', () => {
      accepts({ costUsdCents: 0, estimatedAnnualCredits: 0, estimatedTotalCredits: 0 });
      accepts({ costUsdCents: Number.MAX_SAFE_INTEGER, estimatedTotalCredits: Number.MAX_SAFE_INTEGER });
    });

    it('refuses more credits a year than in total, but accepts as many', () => {
      expect(problemsWith({ estimatedAnnualCredits: 84_001 })).to.deep.equal([
        'estimatedAnnualCredits: cannot exceed estimatedTotalCredits',
      ]);
      accepts({ estimatedAnnualCredits: 84_000 });
    });
  });
});

describe('authorisation input', () => {
  const check = (input: unknown) => validate(authorisationInputSchema, input);
  const base = { externalId: 'P-1', creditIdentifier: 'CA0004' };

  it('defaults the first transferring party to XX and Article 6 authorisation to false', () => {
    expect(check(base)).to.deep.equal({
      ok: true,
      value: { ...base, firstTransferringParty: 'XX', article6Authorised: false },
    });
  });

  it('defaults the authorisation letter version to 1', () => {
    const result = check({ ...base, authorisationLetter: { sha256: sha(3), uri: 'https://x.example/letter' } });
    if (!result.ok) expect.fail(result.problems.join('; '));
    expect(result.value.authorisationLetter).to.deep.equal({
      sha256: sha(3),
      uri: 'https://x.example/letter',
      version: 1,
    });
  });

  it('takes a credit identifier of 2 to 12 upper-case letters or digits', () => {
    for (const creditIdentifier of ['CA', 'CA0004', 'ABCDEFGHIJ12']) {
      expect(check({ ...base, creditIdentifier }).ok, creditIdentifier).to.equal(true);
    }
    for (const creditIdentifier of ['C', 'ca0004', 'CA-0004', 'ABCDEFGHIJ123', '']) {
      expect(check({ ...base, creditIdentifier })).to.deep.equal({
        ok: false,
        problems: ['creditIdentifier: 2–12 upper-case letters or digits, such as "CA0004"'],
      });
    }
  });

  it('takes an ISO 3166-1 alpha-2 code or XX as first transferring party', () => {
    for (const firstTransferringParty of ['CH', 'XX', 'KE']) {
      const result = check({ ...base, firstTransferringParty });
      expect(result.ok && result.value.firstTransferringParty).to.equal(firstTransferringParty);
    }
    for (const firstTransferringParty of ['ch', 'CHE', 'X', 'xx', '']) {
      const result = check({ ...base, firstTransferringParty });
      if (result.ok) expect.fail(`${firstTransferringParty} was accepted`);
      expect(result.problems).to.have.length.greaterThan(0);
      for (const problem of result.problems) expect(problem).to.match(/^firstTransferringParty: /);
    }
  });

  it('refuses unknown fields', () => {
    expect(check({ ...base, programmeId: 3 })).to.deep.equal({
      ok: false,
      problems: ['Unrecognized key: "programmeId"'],
    });
  });
});
