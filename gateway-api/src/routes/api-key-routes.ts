// API keys for MRV systems and integrations, managed by an organisation's Admins. A key acts as
// the Admin who created it, only on routes open to API keys, optionally only for one programme.
import { z } from 'zod';
import { validateProgrammeRequest } from '../../../chaincode/src/domain/requests.ts';
import { viewOf } from '../auth/api-keys.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { apiKeysOf, requireAdmin } from './account-schemas.ts';
import { evaluateAs } from './acting.ts';

const TAG = 'API keys';

const apiKeyView = z.object({
  keyId: z.string(),
  companyId: z.string(),
  programmeId: z.string().optional().describe('the programme (externalId) the key is limited to'),
  ownerUserId: z.string().describe('the person the key acts as'),
  label: z.string(),
  created: z.string(),
  revokedAt: z.string().optional(),
});

export const apiKeyRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/api-keys',
    tag: TAG,
    summary: 'Create an API key (its secret is shown only in this answer)',
    description: 'Admins only. Send it as the X-API-Key header.',
    access: 'user',
    body: z.strictObject({
      label: z.string().trim().min(1).max(100),
      programmeId: validateProgrammeRequest.shape.externalId
        .optional()
        .describe('limit the key to this programme (externalId)'),
    }),
    response: apiKeyView.extend({ apiKey: z.string().describe('sk_<keyId>_<secret>; not retrievable later') }),
    status: 201,
    errors: [404, 502],
    handle: async (ctx) => {
      const actor = requireAdmin(ctx.actor);
      const { label, programmeId } = ctx.body;
      // A key for a programme that does not exist would be useless: the ledger answers 404.
      if (programmeId !== undefined) await evaluateAs(ctx, 'programme:GetProgramme', programmeId);
      const { apiKey, record } = await apiKeysOf(ctx.services).create({
        companyId: actor.companyId,
        ownerUserId: actor.userId,
        label,
        ...(programmeId === undefined ? {} : { programmeId }),
      });
      return { ...viewOf(record), apiKey };
    },
  }),
  route({
    method: 'get',
    path: '/api-keys',
    tag: TAG,
    summary: 'The organisation’s API keys (without secrets), revoked ones included',
    access: 'user',
    response: z.object({ items: z.array(apiKeyView) }),
    csv: (result) => ({
      filename: 'api-keys',
      columns: ['keyId', 'label', 'programmeId', 'ownerUserId', 'created', 'revokedAt'],
      rows: result.items.map((k) => [k.keyId, k.label, k.programmeId, k.ownerUserId, k.created, k.revokedAt]),
    }),
    handle: async (ctx) => {
      const actor = requireAdmin(ctx.actor);
      return { items: (await apiKeysOf(ctx.services).list(actor.companyId)).map(viewOf) };
    },
  }),
  route({
    method: 'delete',
    path: '/api-keys/:keyId',
    tag: TAG,
    summary: 'Revoke an API key',
    access: 'user',
    params: z.object({ keyId: z.string().regex(/^[a-f0-9]{16}$/, 'a key id (16 hex characters)') }),
    response: apiKeyView,
    errors: [404],
    handle: async (ctx) => {
      const actor = requireAdmin(ctx.actor);
      return viewOf(await apiKeysOf(ctx.services).revoke(ctx.params.keyId, actor.companyId));
    },
  }),
];
