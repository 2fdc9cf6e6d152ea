// npm start's demonstration data set, made through the gateway API as people would make it: the
// government bootstraps the registry, registers a certifier, approves developer companies; each
// organisation's Admin creates people of every role; programmes are taken to every state; credits
// are issued, transferred and retired. The log-ins are written (mode 0600) beside the network and
// printed by npm start. Run again on a seeded registry, it changes nothing.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../../tests/network/src/api-client.ts';
import { contact, sampleProgramme, sha } from '../../tests/network/src/registry-setup.ts';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const networkHome = process.env.CARBON_NETWORK_HOME ?? join(import.meta.dirname, '..', '..', 'network');
const dataDir = join(networkHome, 'gateway');
const loginsFile = join(dataDir, 'demo-logins.txt');
const country = 'KE';
const password = `Demo-${randomBytes(9).toString('base64url')}`;
const say = (text: string) => process.stdout.write(`   ${text}\n`);

const api = new ApiClient(`${gatewayUrl}/api/v1`);
const logins: string[] = [];

type Role = 'Admin' | 'Manager' | 'ViewOnly';

function person(companyId: string, label: string) {
  const email = `${label.toLowerCase()}@${companyId.toLowerCase()}.example`;
  logins.push(`${companyId.padEnd(14)} ${label.padEnd(9)} ${email} / ${password}`);
  return { name: `${label} of ${companyId}`, email, password };
}

const organisation = (companyId: string, name: string, companyRole: string, hostMspId: string) => ({
  companyId,
  name,
  companyRole,
  hostMspId,
  country,
  contact: contact(companyId),
});

async function signIn(email: string): Promise<ApiClient> {
  return (await api.login(email, password)).client;
}

async function people(admin: ApiClient, companyId: string): Promise<Record<Role, ApiClient>> {
  for (const role of ['Manager', 'ViewOnly'] as const) {
    await admin.expect(201, 'POST', '/users', { ...person(companyId, role), role });
  }
  return {
    Admin: admin,
    Manager: await signIn(`manager@${companyId.toLowerCase()}.example`),
    ViewOnly: await signIn(`viewonly@${companyId.toLowerCase()}.example`),
  };
}

async function bootstrap(): Promise<ApiClient> {
  const token = readFileSync(join(dataDir, 'bootstrap.token'), 'utf8').trim();
  const admin = person('GOV-KE', 'Admin');
  await api.expect(
    201,
    'POST',
    '/registry/bootstrap',
    { organisation: organisation('GOV-KE', 'Climate Change Directorate', 'Government', 'GovernmentMSP'), admin },
    { 'x-bootstrap-token': token },
  );
  // Where the API test helpers and benchmarks look for the government's first Admin on this network.
  writeFileSync(join(dataDir, 'government-admin.json'), JSON.stringify({ email: admin.email, password }), {
    mode: 0o600,
  });
  return signIn(admin.email);
}

async function developer(government: ApiClient, companyId: string, name: string, approve: boolean): Promise<ApiClient> {
  const admin = person(companyId, 'Admin');
  await api.expect(201, 'POST', '/organisations/applications', {
    organisation: organisation(companyId, name, 'ProgrammeDeveloper', 'DeveloperMSP'),
    admin,
  });
  if (approve) await government.write('POST', `/organisations/${companyId}/approval`, {});
  return signIn(admin.email);
}

interface Parties {
  government: Record<Role, ApiClient>;
  certifier: Record<Role, ApiClient>;
  sunrise: Record<Role, ApiClient>;
  greenleaf: Record<Role, ApiClient>;
}

const programme = (
  externalId: string,
  title: string,
  sector: string,
  typeOfMitigation: string,
  where: [number, number],
  region: string,
  proponents: { companyId: string; shareBps: number }[],
) => ({
  ...sampleProgramme(externalId, country, proponents, 'VVB-TERRA'),
  title,
  sector,
  typeOfMitigation,
  location: { country, regions: [region], geometry: { type: 'Point', coordinates: where } },
});

async function submitted(p: Parties, input: ReturnType<typeof programme>): Promise<string> {
  await p.sunrise.Manager.write('POST', '/programmes', input, true);
  return input.externalId;
}

async function validated(p: Parties, input: ReturnType<typeof programme>): Promise<string> {
  const externalId = await submitted(p, input);
  await p.certifier.Manager.write('POST', `/programmes/${externalId}/validation`, {
    validationReport: { sha256: sha(0xa11), uri: `https://docs.example.org/${externalId}/validation.pdf` },
  });
  return externalId;
}

async function authorised(p: Parties, input: ReturnType<typeof programme>): Promise<string> {
  const externalId = await validated(p, input);
  await p.government.Manager.write('POST', `/programmes/${externalId}/authorisation`, { creditIdentifier: 'CA0004' });
  return externalId;
}

async function issued(p: Parties, externalId: string, year: number, quantity: number): Promise<void> {
  const round = await p.sunrise.Manager.write<{ round: number }>(
    'POST',
    `/programmes/${externalId}/monitoring-rounds`,
    {
      periodStart: `${String(year)}-01-01`,
      periodEnd: `${String(year)}-12-31`,
      claimedReductions: quantity,
      report: { sha256: sha(year), uri: `https://docs.example.org/${externalId}/monitoring-${String(year)}.pdf` },
    },
    true,
  );
  const path = `/programmes/${externalId}/monitoring-rounds/${String(round.result.round)}`;
  await p.certifier.Manager.write('POST', `${path}/verification`, {
    verifiedReductions: quantity,
    verificationReport: {
      sha256: sha(year + 1),
      uri: `https://docs.example.org/${externalId}/verification-${String(year)}.pdf`,
    },
  });
  await p.government.Manager.write(
    'POST',
    `/programmes/${externalId}/issuances`,
    { round: round.result.round, quantity },
    true,
  );
}

async function programmes(p: Parties): Promise<void> {
  const sunriseOnly = [{ companyId: 'DEV-SUNRISE', shareBps: 10000 }];
  const shared = [
    { companyId: 'DEV-SUNRISE', shareBps: 7000 },
    { companyId: 'DEV-GREENLEAF', shareBps: 3000 },
  ];
  say('programmes in every state');
  const solar = await authorised(
    p,
    programme('KE-SOLAR-001', 'Turkana solar mini-grids', 'Energy', 'Solar', [35.6, 3.1], 'Turkana', sunriseOnly),
  );
  const cookstoves = await authorised(
    p,
    programme('KE-COOK-002', 'Nakuru efficient cookstoves', 'Energy', 'CleanCooking', [36.07, -0.3], 'Nakuru', shared),
  );
  await submitted(
    p,
    programme('KE-WIND-003', 'Marsabit wind farm extension', 'Energy', 'Wind', [37.99, 2.33], 'Marsabit', sunriseOnly),
  );
  await validated(
    p,
    programme(
      'KE-FOREST-004',
      'Mau forest restoration',
      'Forestry',
      'Afforestation',
      [35.75, -0.6],
      'Nakuru',
      sunriseOnly,
    ),
  );
  const rejected = await submitted(
    p,
    programme(
      'KE-WASTE-005',
      'Nairobi landfill gas capture',
      'Waste',
      'Methane',
      [36.82, -1.29],
      'Nairobi',
      sunriseOnly,
    ),
  );
  await p.certifier.Manager.write('POST', `/programmes/${rejected}/rejection`, {
    reason: 'baseline emissions not demonstrated',
  });
  const suspended = await authorised(
    p,
    programme('KE-HYDRO-006', 'Tana small hydro', 'Energy', 'Hydro', [38.3, -0.5], 'Tana River', sunriseOnly),
  );
  await p.government.Manager.write('POST', `/programmes/${suspended}/suspension`, {
    reason: 'monitoring plan under review',
  });
  const closed = await authorised(
    p,
    programme(
      'KE-AGRI-007',
      'Kericho soil carbon',
      'Agriculture',
      'Agriculture',
      [35.28, -0.37],
      'Kericho',
      sunriseOnly,
    ),
  );
  await p.government.Manager.write('POST', `/programmes/${closed}/closure`, { reason: 'crediting period ended' });

  say('issuances, transfers and retirements');
  await issued(p, solar, 2024, 12000);
  await issued(p, solar, 2025, 9000);
  await issued(p, cookstoves, 2024, 5000);
  await p.sunrise.Manager.write('POST', '/transfers', { to: 'DEV-GREENLEAF', quantity: 2500 }, true);
  await p.greenleaf.Admin.write(
    'POST',
    '/retirements',
    {
      quantity: 800,
      beneficiary: 'Greenleaf Coffee Cooperative',
      category: 'VoluntaryCancellation',
      note: '2024 operations offset',
    },
    true,
  );
  await p.sunrise.Manager.write(
    'POST',
    '/retirements',
    {
      quantity: 1500,
      beneficiary: 'Republic of Kenya',
      category: 'NationallyDeterminedContribution',
      note: 'towards the NDC',
    },
    true,
  );
}

async function seed(): Promise<void> {
  say('government bootstrap and people');
  const governmentAdmin = await bootstrap();
  const government = await people(governmentAdmin, 'GOV-KE');
  say('certifier, developers and their people');
  const certifierAdmin = person('VVB-TERRA', 'Admin');
  await governmentAdmin.write(
    'POST',
    '/organisations',
    {
      organisation: organisation('VVB-TERRA', 'Terra Verification Bureau', 'Certifier', 'CertifierMSP'),
      firstAdmin: certifierAdmin,
    },
    true,
  );
  const certifier = await people(await signIn(certifierAdmin.email), 'VVB-TERRA');
  const sunrise = await people(
    await developer(governmentAdmin, 'DEV-SUNRISE', 'Sunrise Energy Ltd', true),
    'DEV-SUNRISE',
  );
  const greenleaf = await people(
    await developer(governmentAdmin, 'DEV-GREENLEAF', 'Greenleaf Cooperative', true),
    'DEV-GREENLEAF',
  );
  await developer(governmentAdmin, 'DEV-APPLICANT', 'Savanna Biogas (application pending)', false);
  await programmes({ government, certifier, sunrise, greenleaf });
}

if (existsSync(loginsFile)) {
  say(`already seeded; log-ins in ${loginsFile}`);
} else if ((await api.request('GET', '/registry')).status === 200) {
  say('the registry is already bootstrapped (not by this seed): nothing seeded');
} else {
  const started = Date.now();
  await seed();
  writeFileSync(loginsFile, `${logins.join('\n')}\n`, { mode: 0o600 });
  say(`seeded in ${String(Math.round((Date.now() - started) / 1000))}s`);
}
