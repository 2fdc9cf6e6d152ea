// Who may perform each write, written out from the registry's permission matrix rather than
// imported from src, so a success by a caller the matrix does not allow is caught, not mirrored.
import type { CompanyRole, Organisation } from '../../src/domain/organisation';
import type { User, UserRole } from '../../src/domain/user';
import type { PoolMember } from './caller-pool';
import type { World } from './world';

export const OPS = [
  'organisation.apply',
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
] as const;

export type Op = (typeof OPS)[number];

/** Applying is open to anyone not yet registered; every other write needs a registered member. */
export const APPLY = 'organisation.apply' as const;

type Grant = Partial<Record<CompanyRole, readonly UserRole[]>>;

const ADMIN = ['Admin'] as const;
const WORKERS = ['Admin', 'Manager'] as const;
const GOVERNMENT_ADMIN: Grant = { Government: ADMIN };
const GOVERNMENT_WORKERS: Grant = { Government: WORKERS };
const ANY_ADMIN: Grant = {
  Government: ADMIN,
  Certifier: ADMIN,
  ProgrammeDeveloper: ADMIN,
  PartnerRegistry: ADMIN,
  MRV: ADMIN,
};

const GRANTS: Readonly<Record<Exclude<Op, 'organisation.apply'>, Grant>> = {
  'organisation.register': GOVERNMENT_ADMIN,
  'organisation.approve': GOVERNMENT_ADMIN,
  'organisation.reject': GOVERNMENT_ADMIN,
  'organisation.suspend': GOVERNMENT_ADMIN,
  'organisation.reactivate': GOVERNMENT_ADMIN,
  'organisation.updateContact': ANY_ADMIN,
  'user.register': ANY_ADMIN,
  'user.changeRole': ANY_ADMIN,
  'user.suspend': ANY_ADMIN,
  'user.reactivate': ANY_ADMIN,
  'programme.submit': { ProgrammeDeveloper: WORKERS },
  'programme.validate': { Certifier: WORKERS },
  'programme.reject': { Certifier: WORKERS, Government: WORKERS },
  'programme.authorise': GOVERNMENT_WORKERS,
  'programme.suspend': GOVERNMENT_WORKERS,
  'programme.reinstate': GOVERNMENT_WORKERS,
  'programme.close': GOVERNMENT_WORKERS,
  'programme.addDocument': { ProgrammeDeveloper: WORKERS, Certifier: WORKERS, Government: WORKERS },
};

export interface Standing {
  readonly user: User | undefined;
  readonly organisation: Organisation | undefined;
}

export function standingOf(world: World, member: PoolMember): Standing {
  const user = world.users.get(member.userId);
  return { user, organisation: user ? world.organisations.get(user.companyId) : undefined };
}

/** Whether the roles fit the operation, whatever the states of the user and organisation. */
export function rolesFit(op: Op, standing: Standing): boolean {
  const { user, organisation } = standing;
  if (op === APPLY) return user === undefined;
  if (!user || !organisation) return false;
  return GRANTS[op][organisation.companyRole]?.includes(user.role) ?? false;
}

/** The full access rule: an Active user of an Active organisation hosted by the caller's MSP, with fitting roles. */
export function mayAct(world: World, member: PoolMember, op: Op): boolean {
  const standing = standingOf(world, member);
  if (op === APPLY) return standing.user === undefined;
  const { user, organisation } = standing;
  const active = user?.state === 'Active' && organisation?.state === 'Active';
  return active && organisation.hostMspId === member.mspId && rolesFit(op, standing);
}
