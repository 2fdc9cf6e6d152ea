// The decision whether a caller may perform an operation, from what the ledger says about them:
// an Active user of an Active organisation hosted on the caller's MSP, whose certificate
// attributes (if any) agree with the registry, and whose roles the permission table allows.
import type { Organisation } from './organisation';
import { isAllowed, type Operation } from './permissions';
import type { User } from './user';

export interface CallerFacts {
  readonly mspId: string;
  /** carbon.companyId and carbon.role from the certificate, when Fabric CA put them there. */
  readonly attributes: { readonly companyId: string | null; readonly role: string | null };
  readonly user: User | undefined;
  readonly organisation: Organisation | undefined;
}

export type AccessDecision =
  | { readonly allowed: true; readonly user: User; readonly organisation: Organisation }
  | { readonly allowed: false; readonly reason: string };

function deny(reason: string): AccessDecision {
  return { allowed: false, reason };
}

/** Why the caller is not an active member of an organisation they may act for, if they are not. */
function membershipProblem(facts: CallerFacts): string | undefined {
  const { user, organisation } = facts;
  if (!user) return 'the caller is not a registered user of the registry';
  if (user.state !== 'Active') return `user ${user.name} is ${user.state}`;
  if (!organisation) return `organisation ${user.companyId} does not exist`;
  if (organisation.state !== 'Active') return `organisation ${organisation.companyId} is ${organisation.state}`;
  if (organisation.hostMspId !== facts.mspId) {
    return `organisation ${organisation.companyId} is hosted by ${organisation.hostMspId}, not ${facts.mspId}`;
  }
  return undefined;
}

/** Certificate attributes are optional, but when present they must say what the registry says. */
function attributeProblem(facts: CallerFacts, user: User): string | undefined {
  const { companyId, role } = facts.attributes;
  if (companyId !== null && companyId !== user.companyId) {
    return `the certificate names company ${companyId}, the registry ${user.companyId}`;
  }
  if (role !== null && role !== user.role) return `the certificate names role ${role}, the registry ${user.role}`;
  return undefined;
}

export function decideAccess(facts: CallerFacts, operation: Operation): AccessDecision {
  const { user, organisation } = facts;
  const problem = membershipProblem(facts);
  if (problem !== undefined || !user || !organisation) return deny(problem ?? 'unknown caller');
  const attributeMismatch = attributeProblem(facts, user);
  if (attributeMismatch !== undefined) return deny(attributeMismatch);
  if (!isAllowed(organisation.companyRole, user.role, operation)) {
    return deny(`a ${user.role} of a ${organisation.companyRole} organisation may not ${operation}`);
  }
  return { allowed: true, user, organisation };
}
