// Who sends the random credit operations, and who may. The permission table is written out from
// the registry's permission matrix rather than imported from src, so a success by a caller the
// matrix does not allow is caught, not mirrored. Callers include users without the right role,
// a suspended user, members of organisations that hold no credits, and the Admins of DEV-ACTIVE
// (whose organisation the sequences suspend and reactivate) and of the suspended DEV-SUSPENDED.
import type { CompanyRole } from '../../src/domain/organisation';
import type { UserRole } from '../../src/domain/user';
import type { FakeCaller } from '../support/fake-ledger';
import type { Member, RegistryFixture } from '../support/registry-fixture';
import type { CreditModel } from './credits-model';

export interface CreditCaller extends FakeCaller {
  readonly label: string;
  readonly companyId: string;
  readonly role: UserRole;
  readonly userActive: boolean;
}

export const PERMISSIONS = [
  'credits.issue',
  'credits.send',
  'credits.request',
  'credits.decideRequest',
  'credits.cancelRequest',
  'credits.retire',
  'credits.decideRetirement',
  'credits.cancel',
  'credits.freeze',
  'organisation.suspend',
  'organisation.reactivate',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

type Grant = Partial<Record<CompanyRole, readonly UserRole[]>>;

const WORKERS = ['Admin', 'Manager'] as const;
const HOLDERS: Grant = { Government: WORKERS, ProgrammeDeveloper: WORKERS };
const GOVERNMENT_WORKERS: Grant = { Government: WORKERS };
const GOVERNMENT_ADMIN: Grant = { Government: ['Admin'] };

const GRANTS: Readonly<Record<Permission, Grant>> = {
  'credits.issue': GOVERNMENT_WORKERS,
  'credits.send': HOLDERS,
  'credits.request': HOLDERS,
  'credits.decideRequest': HOLDERS,
  'credits.cancelRequest': HOLDERS,
  'credits.retire': HOLDERS,
  'credits.decideRetirement': GOVERNMENT_WORKERS,
  'credits.cancel': GOVERNMENT_WORKERS,
  'credits.freeze': GOVERNMENT_WORKERS,
  'organisation.suspend': GOVERNMENT_ADMIN,
  'organisation.reactivate': GOVERNMENT_ADMIN,
};

/** Organisations that may hold credits, and so receive them. */
export const HOLDER_ROLES: readonly CompanyRole[] = ['Government', 'ProgrammeDeveloper'];

function caller(member: Member, label: string, userActive = true): CreditCaller {
  return {
    mspId: member.mspId,
    certificate: member.certificate,
    label,
    companyId: member.companyId,
    role: member.role,
    userActive,
  };
}

export function creditCallers(fixture: RegistryFixture): CreditCaller[] {
  const callers: CreditCaller[] = [];
  const company = (id: string) => {
    const c = fixture.companies[id];
    if (!c) throw new Error(`fixture has no company ${id}`);
    return c;
  };
  for (const id of ['GOV', 'DEV']) {
    for (const [role, member] of Object.entries(company(id).users)) callers.push(caller(member, `${id} ${role}`));
  }
  const dev = company('DEV');
  callers.push(caller(dev.suspended, 'DEV suspended user', false));
  for (const id of ['CERT', 'PARTNER', 'MRV']) callers.push(caller(company(id).users.Admin, `${id} Admin`));
  for (const id of ['DEV-ACTIVE', 'DEV-SUSPENDED']) {
    const applicant = fixture.applicants[id];
    if (!applicant) throw new Error(`fixture has no applicant of ${id}`);
    callers.push(caller(applicant, `${id} Admin`));
  }
  return callers;
}

export function rolesFit(model: CreditModel, c: CreditCaller, permission: Permission): boolean {
  const role = model.organisations.get(c.companyId)?.companyRole;
  return role !== undefined && (GRANTS[permission][role]?.includes(c.role) ?? false);
}

/** An Active user of an Active organisation whose roles the matrix allows (every caller's MSP hosts its organisation). */
export function mayAct(model: CreditModel, c: CreditCaller, permission: Permission): boolean {
  return c.userActive && model.isActive(c.companyId) && rolesFit(model, c, permission);
}
