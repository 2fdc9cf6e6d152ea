// The people of an organisation: its Admin adds them (each enrolled at the organisation's CA with
// their company and role in the certificate, then registered on the ledger by the Admin), changes
// their role, suspends and reactivates them. The ledger decides; the account follows it.
import { z } from 'zod';
import { USER_ROLES, USER_STATES } from '../../../chaincode/src/domain/user.ts';
import { changeRoleRequest, listUsersRequest, userDecisionRequest } from '../../../chaincode/src/domain/requests.ts';
import type { AccountState } from '../auth/accounts.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { committed, page, pageQuery } from '../http/common-schemas.ts';
import { route, type RouteContext, type RouteSpec } from '../http/route.ts';
import { createdPerson, newPersonSchema, peopleOf, requireAdmin, userPath, userRecord } from './account-schemas.ts';
import { actorOf, evaluateAs, submitAs } from './acting.ts';
import { apiPage, ledgerPageRequest, type LedgerPage } from './ledger-pages.ts';

const TAG = 'Users';
type UserRecord = z.infer<typeof userRecord>;

/** People's e-mails and roles are not public: an organisation sees its own people, the government everyone. */
async function assertMaySee(
  ctx: RouteContext<unknown, unknown, unknown>,
  actor: Actor,
  companyId: string,
): Promise<void> {
  if (companyId === actor.companyId || (await peopleOf(ctx.services).isGovernment(actor))) return;
  throw new ApiError(403, 'FORBIDDEN', 'only the organisation itself and the government see its people', { companyId });
}

/** Suspension and reactivation: the ledger decides on the person, then their account follows. */
function userStateChange(
  path: string,
  summary: string,
  description: string,
  transaction: 'user:SuspendUser' | 'user:ReactivateUser',
  state: AccountState,
): RouteSpec {
  return route({
    method: 'post',
    path: `/users/:userId/${path}`,
    tag: TAG,
    summary,
    description,
    access: 'user',
    params: userPath,
    body: userDecisionRequest.omit({ userId: true }),
    response: committed(userRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => {
      const done = await submitAs<UserRecord>(ctx, transaction, { userId: ctx.params.userId, ...ctx.body });
      await peopleOf(ctx.services).stateChanged(ctx.params.userId, state);
      return done;
    },
  });
}

export const userRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/users',
    tag: TAG,
    summary: 'Add a person to the caller’s organisation',
    description:
      'Admins only. The person is enrolled at the organisation’s CA (attributes carbon.companyId and carbon.role) and registered with `user:RegisterUser`, signed by the Admin; the account is stored once the ledger has committed.',
    access: 'user',
    body: newPersonSchema.extend({ role: z.enum(USER_ROLES) }),
    response: createdPerson(userRecord),
    status: 201,
    errors: [409, 502],
    handle: async (ctx) => {
      const actor = requireAdmin(ctx.actor);
      const { role, ...person } = ctx.body;
      const membership = { mspId: actor.mspId, companyId: actor.companyId, role };
      const { committed: done, user } = await peopleOf(ctx.services).onboard(
        person,
        membership,
        'client',
        (enrolled, email) =>
          submitAs<UserRecord>(ctx, 'user:RegisterUser', {
            certificate: enrolled.certificate,
            ...membership,
            name: person.name,
            email,
          }),
      );
      return { ...done, user };
    },
  }),
  route({
    method: 'get',
    path: '/users',
    tag: TAG,
    summary: 'The people of an organisation (the caller’s own unless companyId is given)',
    access: 'user',
    query: pageQuery.extend({
      companyId: listUsersRequest.shape.companyId.optional(),
      state: z.enum(USER_STATES).optional(),
    }),
    response: page(userRecord),
    errors: [404, 502],
    csv: (result) => ({
      filename: 'users',
      columns: ['userId', 'name', 'email', 'companyId', 'mspId', 'role', 'state'],
      rows: result.items.map((u) => [u.userId, u.name, u.email, u.companyId, u.mspId, u.role, u.state]),
    }),
    handle: async (ctx) => {
      const actor = actorOf(ctx);
      const companyId = ctx.query.companyId ?? actor.companyId;
      await assertMaySee(ctx, actor, companyId);
      const request = {
        companyId,
        ...ledgerPageRequest(ctx.query),
        ...(ctx.query.state ? { state: ctx.query.state } : {}),
      };
      const result = await evaluateAs<LedgerPage<UserRecord>>(ctx, 'user:ListUsers', JSON.stringify(request));
      return apiPage(result);
    },
  }),
  route({
    method: 'get',
    path: '/users/:userId',
    tag: TAG,
    summary: 'One person’s user record',
    access: 'user',
    params: userPath,
    response: userRecord,
    errors: [404, 502],
    handle: async (ctx) => {
      const user = await evaluateAs<UserRecord>(ctx, 'user:GetUser', ctx.params.userId);
      await assertMaySee(ctx, actorOf(ctx), user.companyId);
      return user;
    },
  }),
  route({
    method: 'put',
    path: '/users/:userId/role',
    tag: TAG,
    summary: 'Change a person’s role',
    description:
      'Admins of the person’s organisation. Chaincode `user:ChangeUserRole`; the person then gets a certificate carrying the new role.',
    access: 'user',
    params: userPath,
    body: changeRoleRequest.omit({ userId: true }),
    response: committed(userRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => {
      const done = await submitAs<UserRecord>(ctx, 'user:ChangeUserRole', { userId: ctx.params.userId, ...ctx.body });
      await peopleOf(ctx.services).roleChanged(ctx.params.userId, ctx.body.role);
      return done;
    },
  }),
  userStateChange(
    'suspension',
    'Suspend a person (effective on their next request and transaction)',
    'Admins of the person’s organisation, or of the government. Chaincode `user:SuspendUser`; the person’s sessions end.',
    'user:SuspendUser',
    'Suspended',
  ),
  userStateChange(
    'reactivation',
    'Reactivate a suspended person',
    'Admins of the person’s organisation, or of the government. Chaincode `user:ReactivateUser`.',
    'user:ReactivateUser',
    'Active',
  ),
];
