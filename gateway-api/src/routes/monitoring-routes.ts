// Monitoring rounds of an authorised programme: a proponent reports (a person, or an MRV system
// with an API key limited to that programme), an assigned certifier verifies or rejects.
import { monitoringReportRequest, roundRejectionRequest } from '../../../chaincode/src/domain/monitoring.ts';
import { committed } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { submitAs } from './acting.ts';
import { programmePath, roundPath, verificationBody } from './path-params.ts';
import { monitoringRoundRecord } from './record-schemas.ts';

const TAG = 'Monitoring';

export const monitoringRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/programmes/:externalId/monitoring-rounds',
    tag: TAG,
    summary: 'Report a monitoring period’s reductions (opens the next round)',
    description:
      'Admins and Managers of a proponent, or an API key they created (a key limited to a programme reaches only that programme). Chaincode `monitoring:SubmitMonitoringReport`.',
    access: 'userOrApiKey',
    params: programmePath,
    body: monitoringReportRequest.omit({ externalId: true }),
    response: committed(monitoringRoundRecord),
    status: 201,
    errors: [404, 409, 502],
    programmeOf: ({ params }) => params.externalId,
    handle: async (ctx) =>
      submitAs(ctx, 'monitoring:SubmitMonitoringReport', { externalId: ctx.params.externalId, ...ctx.body }),
  }),
  route({
    method: 'post',
    path: '/programmes/:externalId/monitoring-rounds/:round/verification',
    tag: TAG,
    summary: 'Verify a round’s reductions (at most what was claimed)',
    description: 'Admins and Managers of an assigned certifier. Chaincode `monitoring:VerifyMonitoringReport`.',
    access: 'user',
    params: roundPath,
    body: verificationBody,
    response: committed(monitoringRoundRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, 'monitoring:VerifyMonitoringReport', { ...ctx.params, ...ctx.body }),
  }),
  route({
    method: 'post',
    path: '/programmes/:externalId/monitoring-rounds/:round/rejection',
    tag: TAG,
    summary: 'Reject a round’s report (its period may be reported again)',
    description: 'Admins and Managers of an assigned certifier. Chaincode `monitoring:RejectMonitoringReport`.',
    access: 'user',
    params: roundPath,
    body: roundRejectionRequest.omit({ externalId: true, round: true }),
    response: committed(monitoringRoundRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, 'monitoring:RejectMonitoringReport', { ...ctx.params, ...ctx.body }),
  }),
];
