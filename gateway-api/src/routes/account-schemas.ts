// Schemas shared by the account routes: a new person (the chaincode's name and e-mail rules plus
// the password policy), what is shown about a person, a log-in session, the user record.
import { z } from 'zod';
import { personSchema, USER_ROLES, USER_STATES } from '../../../chaincode/src/domain/user.ts';
import { userDecisionRequest } from '../../../chaincode/src/domain/requests.ts';
import type { Actor } from '../auth/actor.ts';
import type { ApiKeys } from '../auth/api-keys.ts';
import { passwordSchema } from '../auth/passwords.ts';
import type { People } from '../auth/people.ts';
import { ApiError } from '../http/api-error.ts';
import { committed } from '../http/common-schemas.ts';
import type { Services } from '../services.ts';
import { stampRecord } from './record-schemas.ts';

/** Someone to be given an account: name and e-mail as the ledger records them, and a password. */
export const newPersonSchema = personSchema.extend({ password: passwordSchema });

export const userIdSchema = userDecisionRequest.shape.userId;
export const userPath = z.object({ userId: userIdSchema });

export const accountProfileSchema = z.object({
  userId: userIdSchema,
  email: z.string(),
  name: z.string(),
  companyId: z.string(),
  mspId: z.string(),
  role: z.enum(USER_ROLES),
  state: z.enum(USER_STATES),
});

export const sessionSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string().describe('send as "Authorization: Bearer <accessToken>"'),
  refreshToken: z.string().describe('good for one POST /auth/refresh'),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: accountProfileSchema,
});

/** The on-chain user record (chaincode/src/domain/user.ts). */
export const userRecord = z.looseObject({
  docType: z.literal('user'),
  userId: userIdSchema,
  mspId: z.string(),
  subject: z.string(),
  companyId: z.string(),
  role: z.enum(USER_ROLES),
  state: z.enum(USER_STATES),
  name: z.string(),
  email: z.string(),
  updated: stampRecord,
});

/** A write that created a person: the committed transaction and their new account. */
export function createdPerson<T extends z.ZodType>(result: T) {
  return committed(result).extend({ user: accountProfileSchema });
}

export function peopleOf(services: Services): People {
  if (!services.people) throw new ApiError(503, 'ACCOUNTS_UNAVAILABLE', 'this gateway keeps no accounts');
  return services.people;
}

export function apiKeysOf(services: Services): ApiKeys {
  if (!services.apiKeys) throw new ApiError(503, 'ACCOUNTS_UNAVAILABLE', 'this gateway keeps no accounts');
  return services.apiKeys;
}

/**
 * Routes that create people or keys refuse non-Admins before anything is enrolled; the chaincode
 * decides again for every ledger write.
 */
export function requireAdmin(actor: Actor | undefined): Actor {
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
  if (actor.role !== 'Admin') throw new ApiError(403, 'FORBIDDEN', 'only an Admin of the organisation may do this');
  return actor;
}
