// Registers a person of an organisation from their enrolled certificate: the identity is read
// the way Fabric will read it when they call, and any carbon.* attributes the CA put in the
// certificate must agree with what is being registered.
import type { Context } from 'fabric-contract-api';
import { identityFromCertificate, userIdOf } from '../domain/identity';
import type { Organisation } from '../domain/organisation';
import type { Stamp } from '../domain/stamp';
import { newUser, type User, type UserRole } from '../domain/user';
import { ErrorCode, RegistryError } from '../errors';
import { COMPANY_ID_ATTRIBUTE, ROLE_ATTRIBUTE, userKey } from './access';
import { readRecord } from './transaction';
import { saveUser } from './user-store';

export interface UserRegistration {
  readonly certificate: string;
  readonly mspId: string;
  readonly role: UserRole;
  readonly name: string;
  readonly email: string;
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw new RegistryError(ErrorCode.INVALID_ARGUMENT, message, details);
}

export async function registerUserOf(
  ctx: Context,
  org: Organisation,
  input: UserRegistration,
  stamp: Stamp,
): Promise<User> {
  if (input.mspId !== org.hostMspId) {
    invalid(`mspId: users of ${org.companyId} are hosted by ${org.hostMspId}`, { mspId: input.mspId });
  }
  let parsed: ReturnType<typeof identityFromCertificate>;
  try {
    parsed = identityFromCertificate(input.certificate);
  } catch {
    invalid('certificate: not a readable X.509 certificate', {});
  }
  const companyAttribute = parsed.attributes[COMPANY_ID_ATTRIBUTE];
  if (companyAttribute !== undefined && companyAttribute !== org.companyId) {
    invalid(`certificate: its ${COMPANY_ID_ATTRIBUTE} is ${companyAttribute}, not ${org.companyId}`, {});
  }
  const roleAttribute = parsed.attributes[ROLE_ATTRIBUTE];
  if (roleAttribute !== undefined && roleAttribute !== input.role) {
    invalid(`certificate: its ${ROLE_ATTRIBUTE} is ${roleAttribute}, not ${input.role}`, {});
  }
  const identity = { mspId: input.mspId, subject: parsed.subject, issuer: parsed.issuer };
  const userId = userIdOf(identity);
  if (await readRecord(ctx, userKey(ctx, userId))) {
    throw new RegistryError(ErrorCode.CONFLICT, 'this identity is already a registered user', { userId });
  }
  const user = newUser(
    { userId, ...identity, companyId: org.companyId, role: input.role, name: input.name, email: input.email },
    stamp,
  );
  await saveUser(ctx, user);
  return user;
}
