// The government's acts on credits it does not hold: cancellation (legal action, buffer,
// reversal), and freezing one block or all of an organisation's holdings.
import { cancelRequest, freezeRequest, holdingsFreezeRequest } from '../../../chaincode/src/domain/credit-movements.ts';
import { committed } from '../http/common-schemas.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { submitAs } from './acting.ts';
import { companyPath, serialPath } from './path-params.ts';
import { cancellationRecord, creditBlockRecord, holdingsFreezeResult } from './record-schemas.ts';

const TAG = 'Custody';
const GOVERNMENT = 'Admins and Managers of the government';
const blockBody = freezeRequest.omit({ serial: true });
const holdingsBody = holdingsFreezeRequest.omit({ companyId: true });

function blockFreeze(action: 'freeze' | 'unfreeze', transaction: string, summary: string): RouteSpec {
  return route({
    method: 'post',
    path: `/credit-blocks/:serial/${action}`,
    tag: TAG,
    summary,
    description: `${GOVERNMENT}. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: serialPath,
    body: blockBody,
    response: committed(creditBlockRecord),
    errors: [404, 409, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { serial: ctx.params.serial, ...ctx.body }),
  });
}

function holdingsFreeze(action: 'freeze' | 'unfreeze', transaction: string, summary: string): RouteSpec {
  return route({
    method: 'post',
    path: `/organisations/:companyId/holdings/${action}`,
    tag: TAG,
    summary,
    description: `${GOVERNMENT}. Chaincode \`${transaction}\`.`,
    access: 'user',
    params: companyPath,
    body: holdingsBody,
    response: committed(holdingsFreezeResult),
    errors: [404, 502],
    handle: async (ctx) => submitAs(ctx, transaction, { companyId: ctx.params.companyId, ...ctx.body }),
  });
}

export const custodyRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/cancellations',
    tag: TAG,
    summary: 'Cancel a holder’s credits (legal action, buffer, reversal)',
    description: `${GOVERNMENT}. Active units, or a Frozen block named by serial. Chaincode \`custody:CancelCredits\`.`,
    access: 'user',
    body: cancelRequest,
    response: committed(cancellationRecord),
    status: 201,
    errors: [404, 409, 422, 502],
    handle: async (ctx) => submitAs(ctx, 'custody:CancelCredits', ctx.body),
  }),
  blockFreeze('freeze', 'custody:FreezeCredits', 'Freeze one Active credit block'),
  blockFreeze('unfreeze', 'custody:UnfreezeCredits', 'Unfreeze a block a government order froze'),
  holdingsFreeze('freeze', 'custody:FreezeHoldings', 'Freeze every Active block an organisation holds'),
  holdingsFreeze(
    'unfreeze',
    'custody:UnfreezeHoldings',
    'Unfreeze what a government order froze (not what a suspension froze)',
  ),
];
