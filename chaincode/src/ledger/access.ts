// Loads what the ledger knows about the caller and applies the access decision; every write of
// the registry starts here, so a suspension takes effect on the very next transaction.
import type { Context } from 'fabric-contract-api';
import { decideAccess } from '../domain/access';
import { userIdOf, type CallerIdentity } from '../domain/identity';
import type { Organisation } from '../domain/organisation';
import type { Operation } from '../domain/permissions';
import type { Actor, Stamp } from '../domain/stamp';
import type { User } from '../domain/user';
import { ErrorCode, RegistryError } from '../errors';
import { KeyPrefix } from './keys';
import { callerOf, readRecord, stampOf, stateKey } from './transaction';

export const COMPANY_ID_ATTRIBUTE = 'carbon.companyId';
export const ROLE_ATTRIBUTE = 'carbon.role';

export interface AuthorisedCaller {
  readonly identity: CallerIdentity;
  readonly user: User;
  readonly organisation: Organisation;
  readonly actor: Actor;
  readonly stamp: Stamp;
}

export const userKey = (ctx: Context, userId: string): string => stateKey(ctx, KeyPrefix.USER, userId);
export const organisationKey = (ctx: Context, companyId: string): string =>
  stateKey(ctx, KeyPrefix.ORGANISATION, companyId);

export async function authorise(ctx: Context, operation: Operation): Promise<AuthorisedCaller> {
  const identity = callerOf(ctx);
  const user = await readRecord<User>(ctx, userKey(ctx, userIdOf(identity)));
  const organisation = user ? await readRecord<Organisation>(ctx, organisationKey(ctx, user.companyId)) : undefined;
  const decision = decideAccess(
    {
      mspId: identity.mspId,
      attributes: {
        companyId: ctx.clientIdentity.getAttributeValue(COMPANY_ID_ATTRIBUTE),
        role: ctx.clientIdentity.getAttributeValue(ROLE_ATTRIBUTE),
      },
      user,
      organisation,
    },
    operation,
  );
  if (!decision.allowed) throw new RegistryError(ErrorCode.FORBIDDEN, decision.reason, { operation });
  const actor: Actor = { mspId: identity.mspId, subject: identity.subject, companyId: decision.user.companyId };
  return { identity, user: decision.user, organisation: decision.organisation, actor, stamp: stampOf(ctx, actor) };
}

export function forbid(message: string, details: Record<string, unknown> = {}): never {
  throw new RegistryError(ErrorCode.FORBIDDEN, message, details);
}
