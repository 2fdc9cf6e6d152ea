// Builds a registry's parties THROUGH THE API, as people would: the government's first Admin
// (bootstrapped once per network, or logged in again from the credentials kept beside the network),
// certifiers the government registers, developers that apply and are approved, people of every
// role created by their organisation's Admin, and programmes taken through their lifecycle.
// Names carry a run id, so any number of runs share one network.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, type Committed, type SignedInUser } from './api-client.ts';
import { apiBase, sharedGateway } from './api-gateway.ts';
import { networkHome, waitFor } from './network-control.ts';
import { contact, sampleProgramme, sha } from './registry-setup.ts';

export type UserRole = 'Admin' | 'Manager' | 'ViewOnly';
export type CompanyRole = 'Government' | 'Certifier' | 'ProgrammeDeveloper' | 'MRV';

/** A person with an account: their signed-in client and who the API says they are. */
export interface Person {
  readonly email: string;
  readonly password: string;
  readonly client: ApiClient;
  readonly user: SignedInUser;
}

export interface Organisation {
  readonly companyId: string;
  readonly companyRole: CompanyRole;
  readonly hostMspId: string;
  /** Its first Admin. */
  readonly admin: Person;
}

interface Credentials {
  readonly email: string;
  readonly password: string;
}

const HOST_MSP: Readonly<Record<CompanyRole, string>> = {
  Government: 'GovernmentMSP',
  Certifier: 'CertifierMSP',
  ProgrammeDeveloper: 'DeveloperMSP',
  MRV: 'DeveloperMSP',
};

/** Where the government's first Admin's log-in is kept (mode 0600), for every later run on this network. */
export const governmentAdminFile = (): string => join(networkHome(), 'gateway', 'government-admin.json');

export const newRunId = (): string => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();

const password = (): string => `pw-${randomBytes(12).toString('base64url')}`;

const organisationInput = (companyId: string, companyRole: CompanyRole, country: string) => ({
  companyId,
  name: `${companyId} Ltd`,
  companyRole,
  hostMspId: HOST_MSP[companyRole],
  country,
  contact: contact(companyId),
});

async function bootstrapToken(): Promise<string> {
  const { config } = (await sharedGateway()).services;
  return (
    config.GATEWAY_BOOTSTRAP_TOKEN ?? readFileSync(join(config.GATEWAY_DATA_DIR, 'bootstrap.token'), 'utf8').trim()
  );
}

export class ApiScenario {
  readonly #people = new Map<string, Person>();

  private constructor(
    readonly run: string,
    readonly anonymous: ApiClient,
    readonly country: string,
    readonly government: Organisation,
  ) {}

  /** The shared gateway's API with the registry bootstrapped (by this run, or an earlier one). */
  static async open(run: string = newRunId()): Promise<ApiScenario> {
    const anonymous = new ApiClient(await apiBase());
    const government = await governmentOf(anonymous);
    const registry = await anonymous.get<{ country: string }>('/registry');
    return new ApiScenario(run, anonymous, registry.country, government);
  }

  /** Logs a person in (once per scenario and e-mail). */
  async signIn(credentials: Credentials): Promise<Person> {
    const known = this.#people.get(credentials.email);
    if (known) return known;
    const { client, login } = await this.anonymous.login(credentials.email, credentials.password);
    const person = { ...credentials, client, user: login.user };
    this.#people.set(credentials.email, person);
    return person;
  }

  #credentials(companyId: string, label: string): Credentials & { name: string } {
    return {
      name: `${label} of ${companyId}`,
      email: `${label.toLowerCase()}.${this.run.toLowerCase()}@${companyId.toLowerCase()}.example`,
      password: password(),
    };
  }

  /** A company id unique to this run. */
  companyId(prefix: string): string {
    return `${prefix}-${this.run}`;
  }

  /** An organisation the government registers directly (certifier, MRV, …), with its first Admin. */
  async registered(companyRole: Exclude<CompanyRole, 'Government'>, companyId: string): Promise<Organisation> {
    const firstAdmin = this.#credentials(companyId, 'Admin');
    await this.government.admin.client.write(
      'POST',
      '/organisations',
      { organisation: organisationInput(companyId, companyRole, this.country), firstAdmin },
      true,
    );
    return { companyId, companyRole, hostMspId: HOST_MSP[companyRole], admin: await this.signIn(firstAdmin) };
  }

  /** A developer company's application (Pending until the government decides); its applicant is its first Admin. */
  async applicant(companyId: string): Promise<Organisation> {
    const admin = this.#credentials(companyId, 'Admin');
    await this.anonymous.expect(201, 'POST', '/organisations/applications', {
      organisation: organisationInput(companyId, 'ProgrammeDeveloper', this.country),
      admin,
    });
    return {
      companyId,
      companyRole: 'ProgrammeDeveloper',
      hostMspId: HOST_MSP.ProgrammeDeveloper,
      admin: await this.signIn(admin),
    };
  }

  /** A developer company that applied and was approved by the government. */
  async developer(companyId: string): Promise<Organisation> {
    const org = await this.applicant(companyId);
    await this.government.admin.client.write('POST', `/organisations/${companyId}/approval`, {});
    return org;
  }

  /** A person of `role` created by the organisation's Admin (POST /users), logged in. */
  async person(org: Organisation, role: UserRole, label: string = role): Promise<Person> {
    const credentials = this.#credentials(org.companyId, label);
    await org.admin.client.expect(201, 'POST', '/users', { ...credentials, role });
    return this.signIn(credentials);
  }

  /** A complete, valid programme of one proponent, located in the registry's country. */
  programmeInput(externalId: string, developerId: string, certifierId: string) {
    return sampleProgramme(externalId, this.country, [{ companyId: developerId, shareBps: 10000 }], certifierId);
  }

  /** A programme submitted by `developer` (a proponent alone unless `proponents` says otherwise). */
  async submittedProgramme(
    externalId: string,
    developer: Person,
    certifierId: string,
    proponents = [{ companyId: developer.user.companyId, shareBps: 10000 }],
  ): Promise<Committed> {
    return developer.client.write(
      'POST',
      '/programmes',
      sampleProgramme(externalId, this.country, proponents, certifierId),
      true,
    );
  }

  /** Submitted, validated by `certifier`, authorised by `government`; returns its programme id. */
  async authorisedProgramme(
    externalId: string,
    developer: Person,
    certifier: Person,
    government: Person = this.government.admin,
    proponents?: { companyId: string; shareBps: number }[],
  ): Promise<number> {
    await this.submittedProgramme(externalId, developer, certifier.user.companyId, proponents);
    await certifier.client.write('POST', `/programmes/${externalId}/validation`, {
      validationReport: { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf' },
    });
    const authorised = await government.client.write<{ authorisation: { programmeId: number } }>(
      'POST',
      `/programmes/${externalId}/authorisation`,
      { creditIdentifier: 'CA0004' },
    );
    return authorised.result.authorisation.programmeId;
  }

  /** A monitoring round over `year` reported by `developer` and verified in full by `certifier`; its number. */
  async verifiedRound(
    externalId: string,
    developer: Person,
    certifier: Person,
    reductions: number,
    year = 2024,
  ): Promise<number> {
    const reported = await developer.client.write<{ round: number }>(
      'POST',
      `/programmes/${externalId}/monitoring-rounds`,
      monitoringReport(reductions, year),
      true,
    );
    const { round } = reported.result;
    await certifier.client.write('POST', `/programmes/${externalId}/monitoring-rounds/${String(round)}/verification`, {
      verifiedReductions: reductions,
      verificationReport: { sha256: sha(4), uri: 'https://docs.example.org/verification.pdf' },
    });
    return round;
  }
}

export function monitoringReport(claimedReductions: number, year = 2024) {
  return {
    periodStart: `${String(year)}-01-01`,
    periodEnd: `${String(year)}-12-31`,
    claimedReductions,
    report: { sha256: sha(3), uri: 'https://docs.example.org/monitoring.pdf' },
  };
}

/**
 * The government's first Admin. The first run on a network bootstraps the registry through the
 * API and keeps the log-in beside the network; every later run logs in with it. The file is
 * created exclusively BEFORE bootstrapping, so two runs never both bootstrap, and a run that finds
 * it waits until the other's bootstrap has made the log-in work.
 */
async function governmentOf(anonymous: ApiClient): Promise<Organisation> {
  const file = governmentAdminFile();
  const bootstrapped = (await anonymous.request('GET', '/registry')).status === 200;
  let credentials: Credentials | undefined = readCredentials(file);
  if (!credentials && bootstrapped) {
    throw new Error(
      `the registry on this network was bootstrapped, but not through the API tests: no ${file} to log in with`,
    );
  }
  if (!credentials) credentials = await bootstrap(anonymous, file);
  const { email, password: secret } = credentials;
  const { client, login } = await waitFor('the government Admin’s log-in', 60_000, async () => {
    const answer = await anonymous.request('POST', '/auth/login', { email, password: secret });
    return answer.status === 200 ? anonymous.login(email, secret) : undefined;
  });
  return {
    companyId: login.user.companyId,
    companyRole: 'Government',
    hostMspId: HOST_MSP.Government,
    admin: { email, password: secret, client, user: login.user },
  };
}

function readCredentials(file: string): Credentials | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function bootstrap(anonymous: ApiClient, file: string): Promise<Credentials> {
  const country = 'KE';
  const companyId = `GOV-${country}`;
  const credentials = { email: `admin@${companyId.toLowerCase()}.example`, password: password() };
  mkdirSync(join(networkHome(), 'gateway'), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, JSON.stringify(credentials), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    // Another run is bootstrapping right now: use its log-in.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readCredentials(file) as Credentials;
    throw err;
  }
  const answer = await anonymous.request(
    'POST',
    '/registry/bootstrap',
    {
      organisation: organisationInput(companyId, 'Government', country),
      admin: { name: 'Registry Administrator', ...credentials },
    },
    { 'x-bootstrap-token': await bootstrapToken() },
  );
  if (answer.status !== 201 && answer.status !== 200) {
    rmSync(file, { force: true });
    throw new Error(`bootstrap failed: ${String(answer.status)} ${JSON.stringify(answer.body)}`);
  }
  return credentials;
}
