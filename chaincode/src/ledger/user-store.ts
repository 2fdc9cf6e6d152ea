// Reads and writes user records together with the index of users by company.
import type { Context } from 'fabric-contract-api';
import type { User } from '../domain/user';
import { userKey } from './access';
import { allIdsByIndex, putIndex } from './indexes';
import { KeyPrefix } from './keys';
import { readExisting, readRecord, writeRecord } from './transaction';

export function loadUser(ctx: Context, userId: string): Promise<User> {
  return readExisting<User>(ctx, userKey(ctx, userId), 'user', userId);
}

export async function saveUser(ctx: Context, user: User, isNew: boolean): Promise<void> {
  await writeRecord(ctx, userKey(ctx, user.userId), user);
  if (isNew) await putIndex(ctx, KeyPrefix.USER_BY_COMPANY, [user.companyId, user.userId]);
}

/** The Active Admins of a company other than `exceptUserId`: a company must always keep one. */
export async function otherActiveAdmins(ctx: Context, companyId: string, exceptUserId: string): Promise<number> {
  let count = 0;
  for (const id of await allIdsByIndex(ctx, KeyPrefix.USER_BY_COMPANY, [companyId])) {
    if (id === exceptUserId) continue;
    const user = await readRecord<User>(ctx, userKey(ctx, id));
    if (user?.role === 'Admin' && user.state === 'Active') count++;
  }
  return count;
}
