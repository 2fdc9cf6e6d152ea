// Who may do what: for each operation, the organisation roles and user roles allowed to call it.
// Rules that depend on the record (own organisation, assigned certifier, proponent) are checked
// by the operation itself after this table allows the caller's roles.
import type { CompanyRole } from './organisation';
import type { UserRole } from './user';

export const OPERATIONS = [
  'organisation.register',
  'organisation.approve',
  'organisation.reject',
  'organisation.suspend',
  'organisation.reactivate',
  'organisation.updateContact',
  'user.register',
  'user.changeRole',
  'user.suspend',
  'user.reactivate',
  'programme.submit',
  'programme.validate',
  'programme.reject',
  'programme.authorise',
  'programme.suspend',
  'programme.reinstate',
  'programme.close',
  'programme.addDocument',
  'monitoring.submit',
  'monitoring.verify',
  'monitoring.reject',
  'credits.issue',
  'credits.send',
  'credits.request',
  'credits.decideRequest',
  'credits.cancelRequest',
  'credits.retire',
  'credits.decideRetirement',
  'credits.cancel',
  'credits.freeze',
] as const;

export type Operation = (typeof OPERATIONS)[number];

type Grant = Partial<Record<CompanyRole, readonly UserRole[]>>;

const ADMIN = ['Admin'] as const;
const WORKERS = ['Admin', 'Manager'] as const;
/** Organisations that hold credits in their own account (partner registries come with Article 6). */
const HOLDERS: Grant = { Government: WORKERS, ProgrammeDeveloper: WORKERS };
const EVERY_ORGANISATION_ADMIN: Grant = {
  Government: ADMIN,
  Certifier: ADMIN,
  ProgrammeDeveloper: ADMIN,
  PartnerRegistry: ADMIN,
  MRV: ADMIN,
};

export const PERMISSIONS: Readonly<Record<Operation, Grant>> = {
  'organisation.register': { Government: ADMIN },
  'organisation.approve': { Government: ADMIN },
  'organisation.reject': { Government: ADMIN },
  'organisation.suspend': { Government: ADMIN },
  'organisation.reactivate': { Government: ADMIN },
  'organisation.updateContact': EVERY_ORGANISATION_ADMIN,
  'user.register': EVERY_ORGANISATION_ADMIN,
  'user.changeRole': EVERY_ORGANISATION_ADMIN,
  'user.suspend': EVERY_ORGANISATION_ADMIN,
  'user.reactivate': EVERY_ORGANISATION_ADMIN,
  'programme.submit': { ProgrammeDeveloper: WORKERS },
  'programme.validate': { Certifier: WORKERS },
  'programme.reject': { Certifier: WORKERS, Government: WORKERS },
  'programme.authorise': { Government: WORKERS },
  'programme.suspend': { Government: WORKERS },
  'programme.reinstate': { Government: WORKERS },
  'programme.close': { Government: WORKERS },
  'programme.addDocument': { ProgrammeDeveloper: WORKERS, Certifier: WORKERS, Government: WORKERS },
  'monitoring.submit': { ProgrammeDeveloper: WORKERS },
  'monitoring.verify': { Certifier: WORKERS },
  'monitoring.reject': { Certifier: WORKERS },
  'credits.issue': { Government: WORKERS },
  'credits.send': HOLDERS,
  'credits.request': HOLDERS,
  'credits.decideRequest': HOLDERS,
  'credits.cancelRequest': HOLDERS,
  'credits.retire': HOLDERS,
  'credits.decideRetirement': { Government: WORKERS },
  'credits.cancel': { Government: WORKERS },
  'credits.freeze': { Government: WORKERS },
};

export const HOLDER_ROLES: readonly CompanyRole[] = ['Government', 'ProgrammeDeveloper'];

export function isAllowed(companyRole: CompanyRole, userRole: UserRole, operation: Operation): boolean {
  return PERMISSIONS[operation][companyRole]?.includes(userRole) ?? false;
}
