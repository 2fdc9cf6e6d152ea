// The government's decisions on organisations, and an organisation's own contact details.
// (Registering, applying and bootstrapping create people too, so they live with the account routes.)
import { z } from 'zod';
import { contactSchema } from '../../../chaincode/src/domain/organisation.ts';
import { organisationApprovalRequest, organisationDecisionRequest } from '../../../chaincode/src/domain/requests.ts';
import { committed } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { submitAs } from './acting.ts';
import { companyPath } from './path-params.ts';
import { organisationRecord } from './record-schemas.ts';

const TAG = 'Organisations';
const decisionBody = organisationDecisionRequest.omit({ companyId: true });

/** approve, reject, suspend, reactivate: the same shape, one chaincode function each. */
function decision(
  segment: string,
  transaction: string,
  summary: string,
  body: z.ZodType<{ reason?: string | undefined }>,
): RouteSpec {
  return route({
    method: 'post',
    path: `/organisations/:companyId/${segment}`,
    tag: TAG,
    summary,
    description: `Government Admins only. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: companyPath,
    body,
    response: committed(organisationRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { companyId: ctx.params.companyId, ...ctx.body }),
  });
}

export const organisationRoutes: readonly RouteSpec[] = [
  decision(
    'approval',
    'organisation:ApproveOrganisation',
    'Approve a pending developer application',
    organisationApprovalRequest.omit({ companyId: true }),
  ),
  decision('rejection', 'organisation:RejectOrganisation', 'Reject a pending application', decisionBody),
  decision(
    'suspension',
    'organisation:SuspendOrganisation',
    'Suspend an organisation (its credits are frozen with it)',
    decisionBody,
  ),
  decision(
    'reactivation',
    'organisation:ReactivateOrganisation',
    'Reactivate a suspended organisation (thaws what its suspension froze)',
    decisionBody,
  ),
  route({
    method: 'put',
    path: '/organisations/:companyId/contact',
    tag: TAG,
    summary: 'Replace an organisation’s contact details',
    description: 'An Admin of that organisation. Chaincode `organisation:UpdateOrganisationContact`.',
    access: 'user',
    params: companyPath,
    body: contactSchema,
    response: committed(organisationRecord),
    errors: [404, 502],
    handle: async (ctx) =>
      submitAs(ctx, 'organisation:UpdateOrganisationContact', { companyId: ctx.params.companyId, contact: ctx.body }),
  }),
];
