// Signed-in reads of credits straight from the ledger (the public lists come from the replica).
import { z } from 'zod';
import { reconcileRequest } from '../../../chaincode/src/domain/requests.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { evaluateAs } from './acting.ts';
import { reconciliationResult } from './record-schemas.ts';

const reconciliationQuery = z.object({
  programmeId: z.coerce.number().int().min(1).optional().describe('one programme; all authorised ones when absent'),
});

export const creditRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/credit-blocks/reconciliation',
    tag: 'Credits',
    summary: 'Reconcile issued credits with the blocks that hold them',
    description:
      'Signed-in people. Per programme: issued units, units by state, and any gap or overlap in unit numbers, read live from the ledger (`credit:Reconcile`).',
    access: 'user',
    query: reconciliationQuery,
    response: reconciliationResult,
    errors: [404, 502],
    handle: async (ctx) => {
      const request = reconcileRequest.parse(ctx.query.programmeId === undefined ? {} : ctx.query);
      return evaluateAs<z.infer<typeof reconciliationResult>>(ctx, 'credit:Reconcile', JSON.stringify(request));
    },
  }),
];
