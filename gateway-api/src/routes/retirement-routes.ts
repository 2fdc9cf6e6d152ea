// Retirements: a holder retires credits for a named beneficiary; a retirement for use abroad waits
// for the government, which approves (the units are retired) or rejects (they return).
import { reasonSchema } from '../../../chaincode/src/domain/common-schemas.ts';
import { retireRequest, retirementDecisionRequest } from '../../../chaincode/src/domain/credit-movements.ts';
import { committed } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { submitAs } from './acting.ts';
import { retirementPath } from './path-params.ts';
import { retirementRecord } from './record-schemas.ts';

const TAG = 'Retirements';
const approvalBody = retirementDecisionRequest.omit({ retirementId: true });
// The chaincode refuses a rejection without a reason; saying so in the schema documents it.
const rejectionBody = approvalBody.extend({ reason: reasonSchema });

/** The government's decision on a retirement for use abroad. */
function decision(
  segment: 'approval' | 'rejection',
  transaction: string,
  summary: string,
  body: typeof approvalBody | typeof rejectionBody,
): RouteSpec {
  return route({
    method: 'post',
    path: `/retirements/:retirementId/${segment}`,
    tag: TAG,
    summary,
    description: `Admins and Managers of the government. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: retirementPath,
    body,
    response: committed(retirementRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { retirementId: ctx.params.retirementId, ...ctx.body }),
  });
}

export const retirementRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/retirements',
    tag: TAG,
    summary: 'Retire credits from my organisation’s account',
    description:
      'Admins and Managers of a credit holder. Final unless `useAbroad` is given: then the units are locked (state Pending) until the government decides. Chaincode `retirement:RetireCredits`.',
    access: 'user',
    body: retireRequest,
    response: committed(retirementRecord),
    status: 201,
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, 'retirement:RetireCredits', ctx.body),
  }),
  decision(
    'approval',
    'retirement:ApproveRetirement',
    'Allow a retirement for use abroad: its units are retired',
    approvalBody,
  ),
  decision(
    'rejection',
    'retirement:RejectRetirement',
    'Refuse a retirement for use abroad: its units return to the holder',
    rejectionBody,
  ),
];
