// Reads and writes user records together with the index of users by company.
import type { Context } from 'fabric-contract-api';
import type { User } from '../domain/user';
import { userKey } from './access';
import { allIdsByIndex, moveIndex, putIndex } from './indexes';
import { KeyPrefix } from './keys';
import { readExisting, readRecord, writeRecord } from './transaction';

export function loadUser(ctx: Context, userId: string): Promise<User> {
  return readExisting<User>(ctx, userKey(ctx, userId), 'user', userId);
}

/** Writes a user; the index [companyId, state, userId] follows its state. */
export async function saveUser(ctx: Context, user: User, before?: User): Promise<void> {
  await writeRecord(ctx, userKey(ctx, user.userId), user);
  const entry = (u: User) => [u.companyId, u.state, u.userId];
  if (before) await moveIndex(ctx, KeyPrefix.USER_BY_COMPANY, entry(before), entry(user));
  else await putIndex(ctx, KeyPrefix.USER_BY_COMPANY, entry(user));
}

/** The Active Admins of a company other than `exceptUserId`: a company must always keep one. */
export async function otherActiveAdmins(ctx: Context, companyId: string, exceptUserId: string): Promise<number> {
  let count = 0;
  for (const id of await allIdsByIndex(ctx, KeyPrefix.USER_BY_COMPANY, [companyId, 'Active'])) {
    if (id === exceptUserId) continue;
    const user = await readRecord<User>(ctx, userKey(ctx, id));
    if (user?.role === 'Admin' && user.state === 'Active') count++;
  }
  return count;
}
