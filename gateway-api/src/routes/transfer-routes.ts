// Moving credits between holders: a holder sends at once; or a receiver (or the government for a
// receiver) requests credits, which locks them until the holder approves or rejects or the
// requester cancels. Lists of requests are read live from the ledger, for the parties only.
import { z } from 'zod';
import {
  creditRequestRequest,
  requestDecisionRequest,
  sendRequest,
} from '../../../chaincode/src/domain/credit-movements.ts';
import { listTransferRequestsRequest } from '../../../chaincode/src/domain/requests.ts';
import { ApiError } from '../http/api-error.ts';
import { committed, page, pageQuery } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { actorOf, evaluateAs, submitAs, type Caller } from './acting.ts';
import { apiPage, ledgerPageRequest, type LedgerPage } from './ledger-pages.ts';
import { transferRequestPath } from './path-params.ts';
import { sendResult, transferRequestRecord } from './record-schemas.ts';
import { mayListRequestsOf, mayReadRequest } from './transfer-parties.ts';

const TAG = 'Transfers';
type TransferRequestRecord = z.infer<typeof transferRequestRecord>;

const decisionBody = requestDecisionRequest.omit({ requestId: true });
const listQuery = pageQuery.extend({
  companyId: listTransferRequestsRequest.shape.companyId.describe('the holder, receiver or requester'),
  state: listTransferRequestsRequest.shape.state,
});

async function governmentCompanyId(caller: Caller): Promise<string> {
  const registry = await evaluateAs<{ governmentCompanyId: string }>(caller, 'organisation:GetRegistry');
  return registry.governmentCompanyId;
}

type Decision = 'approval' | 'rejection' | 'cancellation';

function decision(segment: Decision, transaction: string, summary: string, who: string): RouteSpec {
  return route({
    method: 'post',
    path: `/transfer-requests/:requestId/${segment}`,
    tag: TAG,
    summary,
    description: `${who}. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: transferRequestPath,
    body: decisionBody,
    response: committed(transferRequestRecord),
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { requestId: ctx.params.requestId, ...ctx.body }),
  });
}

export const transferRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/transfers',
    tag: TAG,
    summary: 'Send credits from my organisation’s account',
    description:
      'Admins and Managers of a credit holder (government, programme developer). Oldest vintage and lowest serial first unless `select` names a block, programme or vintage. Chaincode `transfer:SendCredits`.',
    access: 'user',
    body: sendRequest,
    response: committed(sendResult),
    status: 201,
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, 'transfer:SendCredits', ctx.body),
  }),
  route({
    method: 'post',
    path: '/transfer-requests',
    tag: TAG,
    summary: 'Request credits from a holder (locks them until decided)',
    description:
      'Admins and Managers of the receiver, or of the government for another receiver (`to`). Chaincode `transfer:RequestCredits`.',
    access: 'user',
    body: creditRequestRequest,
    response: committed(transferRequestRecord),
    status: 201,
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, 'transfer:RequestCredits', ctx.body),
  }),
  decision(
    'approval',
    'transfer:ApproveTransferRequest',
    'Approve a request: the locked credits go to the receiver',
    'Admins and Managers of the holder',
  ),
  decision(
    'rejection',
    'transfer:RejectTransferRequest',
    'Reject a request: the locked credits are released',
    'Admins and Managers of the holder',
  ),
  decision(
    'cancellation',
    'transfer:CancelTransferRequest',
    'Withdraw a request: the locked credits are released',
    'Admins and Managers of the requester',
  ),
  route({
    method: 'get',
    path: '/transfer-requests',
    tag: TAG,
    summary: 'Transfer requests where an organisation holds, receives or requested',
    description:
      'Signed-in people of that organisation, or of the government. Read live from the ledger (`transfer:ListTransferRequests`).',
    access: 'user',
    query: listQuery,
    response: page(transferRequestRecord),
    errors: [403, 502],
    csv: (result) => ({
      filename: 'transfer-requests',
      columns: ['requestId', 'from', 'to', 'requestedBy', 'quantity', 'state', 'updatedAt'],
      rows: result.items.map((r) => [r.requestId, r.from, r.to, r.requestedBy, r.quantity, r.state, r.updated.at]),
    }),
    handle: async (ctx) => {
      const { companyId, limit, cursor, state } = ctx.query;
      if (!mayListRequestsOf(companyId, actorOf(ctx).companyId, await governmentCompanyId(ctx))) {
        throw new ApiError(403, 'FORBIDDEN', 'only its parties and the government see an organisation’s requests', {
          companyId,
        });
      }
      const request = listTransferRequestsRequest.parse({
        ...ledgerPageRequest({ limit, cursor }),
        companyId,
        ...(state === undefined ? {} : { state }),
      });
      const result = await evaluateAs<LedgerPage<TransferRequestRecord>>(
        ctx,
        'transfer:ListTransferRequests',
        JSON.stringify(request),
      );
      return apiPage(result);
    },
  }),
  route({
    method: 'get',
    path: '/transfer-requests/:requestId',
    tag: TAG,
    summary: 'One transfer request',
    description:
      'Its parties and the government; anyone else gets 404, as if it did not exist. Read live from the ledger.',
    access: 'user',
    params: transferRequestPath,
    response: transferRequestRecord,
    errors: [404, 502],
    handle: async (ctx) => {
      const { requestId } = ctx.params;
      const request = await evaluateAs<TransferRequestRecord>(ctx, 'transfer:GetTransferRequest', requestId);
      if (!mayReadRequest(request, actorOf(ctx).companyId, await governmentCompanyId(ctx))) {
        throw new ApiError(404, 'NOT_FOUND', `transfer request ${requestId} not found`, { requestId });
      }
      return request;
    },
  }),
];
