// Issuance: the government issues credits against a verified monitoring round, as one
// serial-numbered block per proponent; the transaction needs the government's and a certifier's peers.
import { issuanceRequest } from '../../../chaincode/src/domain/monitoring.ts';
import { committed } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { submitAs } from './acting.ts';
import { programmePath } from './path-params.ts';
import { issuanceResult } from './record-schemas.ts';

export const issuanceRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/programmes/:externalId/issuances',
    tag: 'Issuance',
    summary: 'Issue credits against a verified round',
    description:
      'Admins and Managers of the government. At most the round’s verified reductions not yet issued (422 `EXCEEDS_VERIFIED`); one serial-numbered block per proponent by their shares. Chaincode `issuance:IssueCredits`.',
    access: 'user',
    params: programmePath,
    body: issuanceRequest.omit({ externalId: true }),
    response: committed(issuanceResult),
    status: 201,
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, 'issuance:IssueCredits', { externalId: ctx.params.externalId, ...ctx.body }),
  }),
];
