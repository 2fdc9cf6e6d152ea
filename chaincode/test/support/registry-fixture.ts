// A bootstrapped registry in a FakeLedger, built through the contracts themselves: one Active
// organisation of every role with an Admin, a Manager and a ViewOnly user (plus a user to act on
// and a suspended one), organisations in every state, and programmes in every lifecycle state.
// Tests clone `ledger` so every case starts from the same world state.
import type { Context } from 'fabric-contract-api';
import { OrganisationContract } from '../../src/contracts/organisation-contract';
import { ProgrammeContract } from '../../src/contracts/programme-contract';
import { SystemContract } from '../../src/contracts/system-contract';
import { UserContract } from '../../src/contracts/user-contract';
import type { CompanyRole } from '../../src/domain/organisation';
import type { UserRole } from '../../src/domain/user';
import { issueCertificate } from './certificates';
import { FakeLedger, type FakeCaller } from './fake-ledger';
import { organisationInput, person, programmeInput, sha } from './inputs';

export const contracts = {
  organisation: new OrganisationContract(),
  user: new UserContract(),
  programme: new ProgrammeContract(),
  system: new SystemContract(),
};

export interface Member extends FakeCaller {
  readonly companyId: string;
  readonly role: UserRole;
  readonly userId: string;
}

export interface Company {
  readonly companyId: string;
  readonly companyRole: CompanyRole;
  readonly mspId: string;
  readonly users: Readonly<Record<UserRole, Member>>;
  /** An Active ViewOnly user others act on (role changes, suspension). */
  readonly target: Member;
  readonly suspended: Member;
}

export const COMPANIES: readonly { companyId: string; companyRole: CompanyRole; mspId: string; org: string }[] = [
  { companyId: 'GOV', companyRole: 'Government', mspId: 'GovernmentMSP', org: 'Government' },
  { companyId: 'CERT', companyRole: 'Certifier', mspId: 'CertifierMSP', org: 'Certifier' },
  { companyId: 'DEV', companyRole: 'ProgrammeDeveloper', mspId: 'DeveloperMSP', org: 'Developer' },
  { companyId: 'PARTNER', companyRole: 'PartnerRegistry', mspId: 'PartnerMSP', org: 'Partner' },
  { companyId: 'MRV', companyRole: 'MRV', mspId: 'DeveloperMSP', org: 'Developer' },
];

let identityCounter = 0;

/** A new identity of an MSP with a real certificate; `ou` is its Node OU. */
export async function newIdentity(
  mspId: string,
  ou = 'client',
  attributes?: Record<string, string>,
): Promise<FakeCaller> {
  identityCounter += 1;
  const org = mspId.replace(/MSP$/, '');
  const certificate = await issueCertificate({
    organisation: org,
    ou,
    cn: `person${String(identityCounter)}`,
    attributes,
  });
  return { mspId, certificate };
}

export function invoke<T>(ledger: FakeLedger, caller: FakeCaller, call: (ctx: Context) => Promise<string>): Promise<T> {
  return ledger.invoke(caller, async (ctx) => JSON.parse(await call(ctx)) as T);
}

export interface RegistryFixture {
  readonly ledger: FakeLedger;
  readonly companies: Readonly<Record<string, Company>>;
  /** The GovernmentMSP admin identity that bootstrapped the registry (an Admin of GOV). */
  readonly bootstrapAdmin: Member;
}

async function registerMember(
  ledger: FakeLedger,
  admin: FakeCaller,
  companyId: string,
  mspId: string,
  role: UserRole,
): Promise<Member> {
  const identity = await newIdentity(mspId);
  const user = await invoke<{ userId: string }>(ledger, admin, (ctx) =>
    contracts.user.RegisterUser(
      ctx,
      JSON.stringify({ certificate: identity.certificate, mspId, companyId, role, ...person(`${companyId} ${role}`) }),
    ),
  );
  return { ...identity, companyId, role, userId: user.userId };
}

async function populateCompany(
  ledger: FakeLedger,
  admin: Member,
  companyId: string,
  companyRole: CompanyRole,
  mspId: string,
): Promise<Company> {
  const manager = await registerMember(ledger, admin, companyId, mspId, 'Manager');
  const viewer = await registerMember(ledger, admin, companyId, mspId, 'ViewOnly');
  const target = await registerMember(ledger, admin, companyId, mspId, 'ViewOnly');
  const suspended = await registerMember(ledger, admin, companyId, mspId, 'ViewOnly');
  await invoke(ledger, admin, (ctx) =>
    contracts.user.SuspendUser(ctx, JSON.stringify({ userId: suspended.userId, reason: 'left the company' })),
  );
  return {
    companyId,
    companyRole,
    mspId,
    users: { Admin: admin, Manager: manager, ViewOnly: viewer },
    target,
    suspended,
  };
}

async function buildFixture(): Promise<RegistryFixture> {
  const ledger = new FakeLedger();
  const bootstrapIdentity = await newIdentity('GovernmentMSP', 'admin');
  const bootstrap = await invoke<{ companyId: string }>(ledger, bootstrapIdentity, (ctx) =>
    contracts.organisation.BootstrapGovernment(
      ctx,
      JSON.stringify({
        organisation: organisationInput('GOV', 'Government', 'GovernmentMSP'),
        admin: person('Amina Root'),
      }),
    ),
  );
  const whoAmI = await invoke<{ userId: string }>(ledger, bootstrapIdentity, (ctx) => contracts.user.WhoAmI(ctx));
  const bootstrapAdmin: Member = {
    ...bootstrapIdentity,
    companyId: bootstrap.companyId,
    role: 'Admin',
    userId: whoAmI.userId,
  };

  const companies: Record<string, Company> = {};
  companies.GOV = await populateCompany(ledger, bootstrapAdmin, 'GOV', 'Government', 'GovernmentMSP');
  for (const c of COMPANIES.filter((x) => x.companyId !== 'GOV')) {
    const adminIdentity = await newIdentity(c.mspId);
    const org = await invoke<{ companyId: string }>(ledger, bootstrapAdmin, (ctx) =>
      contracts.organisation.RegisterOrganisation(
        ctx,
        JSON.stringify({
          organisation: organisationInput(c.companyId, c.companyRole, c.mspId),
          firstAdmin: { certificate: adminIdentity.certificate, ...person(`${c.companyId} Admin`) },
        }),
      ),
    );
    const admin = await invoke<{ userId: string }>(ledger, adminIdentity, (ctx) => contracts.user.WhoAmI(ctx));
    const adminMember: Member = { ...adminIdentity, companyId: org.companyId, role: 'Admin', userId: admin.userId };
    companies[c.companyId] = await populateCompany(ledger, adminMember, c.companyId, c.companyRole, c.mspId);
  }

  await addOrganisationsInEveryState(ledger, bootstrapAdmin);
  await addProgrammesInEveryState(ledger, bootstrapAdmin, companies);
  return { ledger, companies, bootstrapAdmin };
}

/** DEV-PENDING (applied), DEV-ACTIVE (to suspend), DEV-SUSPENDED (to reactivate). */
async function addOrganisationsInEveryState(ledger: FakeLedger, gov: Member): Promise<void> {
  for (const companyId of ['DEV-PENDING', 'DEV-ACTIVE', 'DEV-SUSPENDED']) {
    const applicant = await newIdentity('DeveloperMSP');
    await invoke(ledger, applicant, (ctx) =>
      contracts.organisation.ApplyForRegistration(
        ctx,
        JSON.stringify({
          organisation: organisationInput(companyId, 'ProgrammeDeveloper', 'DeveloperMSP'),
          admin: person(`${companyId} Admin`),
        }),
      ),
    );
  }
  const decide = (name: 'ApproveOrganisation' | 'SuspendOrganisation', companyId: string) =>
    invoke(ledger, gov, (ctx) =>
      contracts.organisation[name](ctx, JSON.stringify({ companyId, reason: 'as decided' })),
    );
  await decide('ApproveOrganisation', 'DEV-ACTIVE');
  await decide('ApproveOrganisation', 'DEV-SUSPENDED');
  await decide('SuspendOrganisation', 'DEV-SUSPENDED');
}

/** P-SUBMITTED, P-VALIDATED, P-AUTHORISED, P-SUSPENDED, proposed by DEV and assigned to CERT. */
async function addProgrammesInEveryState(
  ledger: FakeLedger,
  gov: Member,
  companies: Record<string, Company>,
): Promise<void> {
  const developer = companies.DEV?.users.Manager;
  const certifier = companies.CERT?.users.Manager;
  if (!developer || !certifier) throw new Error('fixture: DEV and CERT must exist');
  const ids = ['P-SUBMITTED', 'P-VALIDATED', 'P-AUTHORISED', 'P-SUSPENDED'];
  for (const id of ids) {
    await invoke(ledger, developer, (ctx) =>
      contracts.programme.SubmitProgramme(ctx, JSON.stringify(programmeInput(id))),
    );
  }
  for (const id of ids.slice(1)) {
    const report = { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf', version: 1 };
    await invoke(ledger, certifier, (ctx) =>
      contracts.programme.ValidateProgramme(ctx, JSON.stringify({ externalId: id, validationReport: report })),
    );
  }
  for (const id of ids.slice(2)) {
    await invoke(ledger, gov, (ctx) =>
      contracts.programme.AuthoriseProgramme(ctx, JSON.stringify({ externalId: id, creditIdentifier: 'CA0004' })),
    );
  }
  await invoke(ledger, gov, (ctx) =>
    contracts.programme.SuspendProgramme(ctx, JSON.stringify({ externalId: 'P-SUSPENDED', reason: 'under review' })),
  );
}

let shared: Promise<RegistryFixture> | undefined;

/** Built once per test run (certificates take a moment); clone `ledger` before changing it. */
export function registryFixture(): Promise<RegistryFixture> {
  shared ??= buildFixture();
  return shared;
}

export function company(fixture: RegistryFixture, companyId: string): Company {
  const c = fixture.companies[companyId];
  if (!c) throw new Error(`fixture has no company ${companyId}`);
  return c;
}
