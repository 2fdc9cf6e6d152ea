// Public reads of credits, from the query replica: credit blocks by programme, holder or state;
// the block holding a unit now, with its provenance; the public register of retirements.
import { z } from 'zod';
import { BLOCK_STATES, type CreditBlock } from '../../../../chaincode/src/domain/credit-block.ts';
import { RETIREMENT_CATEGORIES, RETIREMENT_STATES } from '../../../../chaincode/src/domain/credit-movements.ts';
import { companyIdSchema } from '../../../../chaincode/src/domain/common-schemas.ts';
import { page } from '../../http/common-schemas.ts';
import { route } from '../../http/route.ts';
import { creditBlockListing, retirementListing, unitLookupQuery as unitQuery } from '../../replica/credit-queries.ts';
import { documentId, type CreditBlockDocument, type RetirementDocument } from '../../replica/documents.ts';
import { retirementPath } from '../path-params.ts';
import {
  creditBlockItem,
  creditBlockItemOf,
  creditBlocksCsv,
  retirementItem,
  retirementItemOf,
  retirementsCsv,
  unitLookupAnswer,
  unitLookupAnswerOf,
} from './credit-items.ts';
import { FROM_REPLICA, itemPage, notFound, pageOnly, replicaOf, requireDocument } from './replica-access.ts';
import { answersLookup, unitLookupQuery, unitTarget } from './unit-lookup.ts';

const programmeNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const publicCreditRoutes = [
  route({
    method: 'get',
    path: '/credit-blocks',
    tag: 'Public: credits',
    summary: 'Credit blocks by programme, holder and state, in unit order',
    description: `${FROM_REPLICA} Served by a Mango index on the filters given (a programme first, then a holder).`,
    access: 'public',
    query: pageOnly.extend({
      programmeId: programmeNumber.optional(),
      holder: companyIdSchema.optional().describe('the holder’s company id'),
      state: z.enum(BLOCK_STATES).optional(),
    }),
    response: page(creditBlockItem),
    errors: [503],
    csv: creditBlocksCsv,
    handle: ({ query, services }) => itemPage(services, creditBlockListing(query), query, creditBlockItemOf),
  }),
  route({
    method: 'get',
    path: '/credit-blocks/lookup',
    tag: 'Public: credits',
    summary: 'The block that holds a unit now — by serial, or by programme and unit — with its provenance',
    description: `${FROM_REPLICA} A serial of a block that was split since answers with the block holding its first unit (exact: false).`,
    access: 'public',
    query: unitLookupQuery,
    response: unitLookupAnswer,
    errors: [404, 503],
    handle: async ({ query, services }) => {
      const target = unitTarget(query);
      const block = await replicaOf(services).first<CreditBlockDocument>(unitQuery(target.programmeId, target.unit));
      if (block === undefined || !answersLookup(block.record as unknown as CreditBlock, target)) {
        throw notFound('unit', target.serial?.text ?? `${String(target.programmeId)}/${String(target.unit)}`);
      }
      return unitLookupAnswerOf(block, target.unit, target.serial?.text);
    },
  }),
  route({
    method: 'get',
    path: '/retirements',
    tag: 'Public: credits',
    summary: 'The public register of retirements, latest first',
    description: `${FROM_REPLICA} Every retirement, pending and rejected ones too unless a state is given (Retired for the register of completed retirements).`,
    access: 'public',
    query: pageOnly.extend({
      holder: companyIdSchema.optional().describe('the retiring organisation’s company id'),
      state: z.enum(RETIREMENT_STATES).optional(),
      category: z.enum(RETIREMENT_CATEGORIES).optional(),
    }),
    response: page(retirementItem),
    errors: [503],
    csv: retirementsCsv,
    handle: ({ query, services }) => itemPage(services, retirementListing(query), query, retirementItemOf),
  }),
  route({
    method: 'get',
    path: '/retirements/:retirementId',
    tag: 'Public: credits',
    summary: 'One retirement',
    description: FROM_REPLICA,
    access: 'public',
    params: retirementPath,
    response: retirementItem,
    errors: [404, 503],
    handle: async ({ params, services }) => {
      const id = documentId.retirement(params.retirementId);
      return retirementItemOf(
        await requireDocument<RetirementDocument>(services, id, 'retirement', params.retirementId),
      );
    },
  }),
];
