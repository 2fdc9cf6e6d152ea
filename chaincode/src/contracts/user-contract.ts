// Contract "user": the on-chain user registry. An organisation's Admin adds its people, changes
// their roles and suspends them; the government's Admin may suspend anyone. A company always
// keeps at least one Active Admin.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { userIdOf } from '../domain/identity';
import { changeRoleRequest, listUsersRequest, registerUserRequest, userDecisionRequest } from '../domain/requests';
import { changeUserRole, changeUserState, type User, type UserAction } from '../domain/user';
import { ErrorCode, RegistryError } from '../errors';
import { authorise, forbid, userKey, type AuthorisedCaller } from '../ledger/access';
import { recordHistory } from '../ledger/history';
import { pageByIndex } from '../ledger/indexes';
import { KeyPrefix } from '../ledger/keys';
import { loadOrganisation } from '../ledger/organisation-store';
import { callerOf, emitEvent, parseInput, readExisting } from '../ledger/transaction';
import { registerUserOf } from '../ledger/user-registration';
import { loadUser, otherActiveAdmins, saveUser } from '../ledger/user-store';

@Info({ title: 'Users', description: 'The on-chain registry of people, their organisation and role' })
export class UserContract extends Contract {
  constructor() {
    super('user');
  }

  /** {certificate (PEM), mspId, companyId, role, name, email}: by an Admin of that company. */
  @Transaction()
  @Returns('string')
  async RegisterUser(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'user.register');
    const request = parseInput(registerUserRequest, requestJson, 'request');
    if (request.companyId !== caller.organisation.companyId) {
      forbid('an Admin may only register users of their own organisation', { companyId: request.companyId });
    }
    const user = await registerUserOf(ctx, caller.organisation, request, caller.stamp);
    emitEvent(ctx, 'UserRegistered', { companyId: user.companyId, userId: user.userId });
    return JSON.stringify(user);
  }

  @Transaction()
  @Returns('string')
  async ChangeUserRole(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'user.changeRole');
    const { userId, role } = parseInput(changeRoleRequest, requestJson, 'request');
    const before = await loadUser(ctx, userId);
    if (before.companyId !== caller.organisation.companyId) {
      forbid('an Admin may only change roles in their own organisation', { userId });
    }
    if (before.role === 'Admin' && role !== 'Admin') await this.#keepAnAdmin(ctx, before);
    const after = changeUserRole(before, role, caller.stamp);
    await saveUser(ctx, after, before);
    emitEvent(ctx, 'UserChanged', { companyId: after.companyId, userId, role });
    return JSON.stringify(after);
  }

  @Transaction()
  @Returns('string')
  async SuspendUser(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'suspend', requestJson);
  }

  @Transaction()
  @Returns('string')
  async ReactivateUser(ctx: Context, requestJson: string): Promise<string> {
    return this.#decide(ctx, 'reactivate', requestJson);
  }

  @Transaction(false)
  @Returns('string')
  async GetUser(ctx: Context, userId: string): Promise<string> {
    return JSON.stringify(await loadUser(ctx, userId));
  }

  /** The caller's own user record: how a client learns its user id, company and role. */
  @Transaction(false)
  @Returns('string')
  async WhoAmI(ctx: Context): Promise<string> {
    const userId = userIdOf(callerOf(ctx));
    return JSON.stringify(await readExisting<User>(ctx, userKey(ctx, userId), 'user', userId));
  }

  /** {companyId, state?, pageSize?, bookmark?} */
  @Transaction(false)
  @Returns('string')
  async ListUsers(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listUsersRequest, requestJson, 'request');
    await loadOrganisation(ctx, r.companyId);
    const partial = r.state === undefined ? [r.companyId] : [r.companyId, r.state];
    const page = await pageByIndex<User>(ctx, KeyPrefix.USER_BY_COMPANY, partial, r.pageSize, r.bookmark, (id) =>
      userKey(ctx, id),
    );
    return JSON.stringify(page);
  }

  @Transaction(false)
  @Returns('string')
  async GetUserHistory(ctx: Context, userId: string): Promise<string> {
    await loadUser(ctx, userId);
    return JSON.stringify(await recordHistory<User>(ctx, userKey(ctx, userId)));
  }

  async #decide(ctx: Context, action: UserAction, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, `user.${action}`);
    const { userId, reason } = parseInput(userDecisionRequest, requestJson, 'request');
    const before = await loadUser(ctx, userId);
    this.#assertMayDecide(caller, before);
    if (action === 'suspend' && before.role === 'Admin') await this.#keepAnAdmin(ctx, before);
    const after = changeUserState(before, action, caller.stamp, reason);
    await saveUser(ctx, after, before);
    emitEvent(ctx, 'UserStateChanged', { action, companyId: after.companyId, userId, state: after.state });
    return JSON.stringify(after);
  }

  /** Own organisation's Admin, or the government's Admin for anyone. */
  #assertMayDecide(caller: AuthorisedCaller, target: User): void {
    const ownCompany = target.companyId === caller.organisation.companyId;
    if (!ownCompany && caller.organisation.companyRole !== 'Government') {
      forbid('an Admin may only suspend or reactivate users of their own organisation', { userId: target.userId });
    }
  }

  async #keepAnAdmin(ctx: Context, admin: User): Promise<void> {
    if ((await otherActiveAdmins(ctx, admin.companyId, admin.userId)) === 0) {
      throw new RegistryError(ErrorCode.INVALID_STATE, `${admin.companyId} must keep at least one Active Admin`, {
        companyId: admin.companyId,
        userId: admin.userId,
      });
    }
  }
}
