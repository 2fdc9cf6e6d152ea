// A bootstrapped registry in a FakeLedger, built through the contracts themselves: one Active
// organisation of every role with an Admin, a Manager and a ViewOnly user (plus a user to act on
// and a suspended one), organisations in every state, and programmes in every lifecycle state.
// Tests clone `ledger` so every case starts from the same world state.
import type { Context } from 'fabric-contract-api';
import { CreditContract } from '../../src/contracts/credit-contract';
import { CustodyContract } from '../../src/contracts/custody-contract';
import { IssuanceContract } from '../../src/contracts/issuance-contract';
import { MonitoringContract } from '../../src/contracts/monitoring-contract';
import { OrganisationContract } from '../../src/contracts/organisation-contract';
import { RetirementContract } from '../../src/contracts/retirement-contract';
import { TransferContract } from '../../src/contracts/transfer-contract';
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
  monitoring: new MonitoringContract(),
  issuance: new IssuanceContract(),
  transfer: new TransferContract(),
  retirement: new RetirementContract(),
  custody: new CustodyContract(),
  credit: new CreditContract(),
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
  /** The Admins who applied for DEV-PENDING, DEV-ACTIVE and DEV-SUSPENDED. */
  readonly applicants: Readonly<Record<string, Member>>;
  readonly credits: CreditFixture;
}

/**
 * Credits of P-AUTHORISED (programme 1): round 1 issued 6000 to DEV, which sent 2000 to GOV;
 * round 2 verified (1000) and not issued; round 3 submitted. Pending: GOV's request of 100 from
 * DEV, DEV's request of 100 from GOV, DEV's retirement of 50 for use abroad.
 */
export interface CreditFixture {
  readonly requestFromDev: string;
  readonly requestFromGov: string;
  readonly pendingRetirement: string;
  /** DEV's Active block. */
  readonly devSerial: string;
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

  const applicants = await addOrganisationsInEveryState(ledger, bootstrapAdmin);
  await addProgrammesInEveryState(ledger, bootstrapAdmin, companies);
  const credits = await addCredits(ledger, bootstrapAdmin, companies);
  return { ledger, companies, bootstrapAdmin, applicants, credits };
}

/** DEV-PENDING (applied), DEV-ACTIVE (to suspend), DEV-SUSPENDED (to reactivate). */
async function addOrganisationsInEveryState(ledger: FakeLedger, gov: Member): Promise<Record<string, Member>> {
  const applicants: Record<string, Member> = {};
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
    const me = await invoke<{ userId: string }>(ledger, applicant, (ctx) => contracts.user.WhoAmI(ctx));
    applicants[companyId] = { ...applicant, companyId, role: 'Admin', userId: me.userId };
  }
  const decide = (name: 'ApproveOrganisation' | 'SuspendOrganisation', companyId: string) =>
    invoke(ledger, gov, (ctx) =>
      contracts.organisation[name](ctx, JSON.stringify({ companyId, reason: 'as decided' })),
    );
  await decide('ApproveOrganisation', 'DEV-ACTIVE');
  await decide('ApproveOrganisation', 'DEV-SUSPENDED');
  await decide('SuspendOrganisation', 'DEV-SUSPENDED');
  return applicants;
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

async function addCredits(ledger: FakeLedger, gov: Member, companies: Record<string, Company>): Promise<CreditFixture> {
  const developer = companies.DEV?.users.Manager;
  const certifier = companies.CERT?.users.Manager;
  if (!developer || !certifier) throw new Error('fixture: DEV and CERT must exist');
  const json = JSON.stringify;
  const externalId = 'P-AUTHORISED';
  const periods = [
    ['2024-01-01', '2024-06-30', 10_000],
    ['2024-07-01', '2024-12-31', 1000],
    ['2025-01-01', '2025-06-30', 500],
  ] as const;
  for (const [i, [periodStart, periodEnd, claimed]] of periods.entries()) {
    const report = { sha256: sha(20 + i), uri: 'https://docs.example.org/monitoring.pdf' };
    await invoke(ledger, developer, (ctx) =>
      contracts.monitoring.SubmitMonitoringReport(
        ctx,
        json({ externalId, periodStart, periodEnd, claimedReductions: claimed, report }),
      ),
    );
    if (i === 2) break;
    const verificationReport = { sha256: sha(30 + i), uri: 'https://docs.example.org/verification.pdf' };
    await invoke(ledger, certifier, (ctx) =>
      contracts.monitoring.VerifyMonitoringReport(
        ctx,
        json({ externalId, round: i + 1, verifiedReductions: claimed, verificationReport }),
      ),
    );
  }
  await invoke(ledger, gov, (ctx) =>
    contracts.issuance.IssueCredits(ctx, json({ externalId, round: 1, quantity: 6000 })),
  );
  await invoke(ledger, developer, (ctx) => contracts.transfer.SendCredits(ctx, json({ to: 'GOV', quantity: 2000 })));
  const fromDev = await invoke<{ requestId: string }>(ledger, gov, (ctx) =>
    contracts.transfer.RequestCredits(ctx, json({ from: 'DEV', quantity: 100 })),
  );
  const fromGov = await invoke<{ requestId: string }>(ledger, developer, (ctx) =>
    contracts.transfer.RequestCredits(ctx, json({ from: 'GOV', quantity: 100 })),
  );
  const abroad = await invoke<{ retirementId: string }>(ledger, developer, (ctx) =>
    contracts.retirement.RetireCredits(
      ctx,
      json({
        quantity: 50,
        beneficiary: 'Airline',
        category: 'OtherInternationalMitigationPurposes',
        useAbroad: { country: 'CH' },
      }),
    ),
  );
  const devBlocks = await invoke<{ records: { serial: string }[] }>(ledger, gov, (ctx) =>
    contracts.credit.ListBlocks(ctx, json({ holder: 'DEV', state: 'Active' })),
  );
  return {
    requestFromDev: fromDev.requestId,
    requestFromGov: fromGov.requestId,
    pendingRetirement: abroad.retirementId,
    devSerial: devBlocks.records[0]?.serial ?? '',
  };
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
