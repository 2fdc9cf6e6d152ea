// Log-in with e-mail and password, session refresh and log-out, and who the caller is.
import { z } from 'zod';
import { profileOf } from '../auth/accounts.ts';
import { ApiError } from '../http/api-error.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { accountProfileSchema, peopleOf, sessionSchema } from './account-schemas.ts';

const TAG = 'Authentication';
const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const authRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/auth/login',
    tag: TAG,
    summary: 'Log in with e-mail and password',
    description:
      'Answers a short-lived access token and a refresh token. A wrong password and an unknown e-mail get the same 401 INVALID_CREDENTIALS; after LOGIN_MAX_FAILURES wrong passwords in a row the account is locked (423 ACCOUNT_LOCKED, details.until); a suspended account gets 403 ACCOUNT_SUSPENDED.',
    access: 'public',
    body: z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(256) }),
    response: sessionSchema,
    errors: [401, 403, 423],
    handle: async ({ body, services }) => peopleOf(services).login(body.email, body.password),
  }),
  route({
    method: 'post',
    path: '/auth/refresh',
    tag: TAG,
    summary: 'Exchange a refresh token for a new access token and refresh token',
    description: 'Each refresh token is good once; presenting a used one again revokes all of that person’s sessions.',
    access: 'public',
    body: refreshBody,
    response: sessionSchema,
    errors: [401, 403],
    handle: async ({ body, services }) => peopleOf(services).refresh(body.refreshToken),
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    tag: TAG,
    summary: 'Log out: revoke the refresh token',
    access: 'public',
    body: refreshBody,
    response: z.object({ loggedOut: z.literal(true) }),
    handle: async ({ body, services }) => {
      await peopleOf(services).logout(body.refreshToken);
      return { loggedOut: true as const };
    },
  }),
  route({
    method: 'get',
    path: '/auth/me',
    tag: TAG,
    summary: 'The signed-in person (or the person an API key acts for)',
    access: 'userOrApiKey',
    response: accountProfileSchema.extend({
      apiKey: z.object({ keyId: z.string(), programmeId: z.string().optional() }).optional(),
    }),
    handle: async ({ actor, services }) => {
      const account = actor && (await peopleOf(services).account(actor.userId));
      if (!actor || !account) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
      return { ...profileOf(account), ...(actor.apiKey ? { apiKey: actor.apiKey } : {}) };
    },
  }),
];
