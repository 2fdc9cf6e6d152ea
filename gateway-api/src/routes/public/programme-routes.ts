// Public reads of programmes, from the query replica: the list (filter, text search, sort, pages),
// one programme with its documents, its monitoring rounds, issuances, credit blocks and history.
import { z } from 'zod';
import { PROGRAMME_STATES } from '../../../../chaincode/src/domain/programme.ts';
import { SECTORS } from '../../../../chaincode/src/domain/programme-schema.ts';
import { BLOCK_STATES } from '../../../../chaincode/src/domain/credit-block.ts';
import { companyIdSchema } from '../../../../chaincode/src/domain/common-schemas.ts';
import { page } from '../../http/common-schemas.ts';
import { route } from '../../http/route.ts';
import { creditBlockListing } from '../../replica/credit-queries.ts';
import { documentId, type ProgrammeDocument, type TransactionDocument } from '../../replica/documents.ts';
import { mapPage } from '../../replica/keyset.ts';
import { issuanceListing, monitoringRoundListing, programmeListing } from '../../replica/programme-queries.ts';
import { PROGRAMME_SORT_FIELDS } from '../../replica/public-indexes.ts';
import type { Services } from '../../services.ts';
import { programmePath } from '../path-params.ts';
import { creditBlockItem, creditBlockItemOf, creditBlocksCsv } from './credit-items.ts';
import {
  historyCsv,
  historyItem,
  historyItemOf,
  issuanceItem,
  issuanceItemOf,
  issuancesCsv,
  monitoringRoundItem,
  monitoringRoundItemOf,
  monitoringRoundsCsv,
  programmeDetail,
  programmeDetailOf,
  programmeItem,
  programmeItemOf,
  programmesCsv,
} from './programme-items.ts';
import { FROM_REPLICA, itemPage, pageOnly, replicaOf, requireDocument } from './replica-access.ts';

const TAG = 'Public: programmes';

const programmeListQuery = pageOnly.extend({
  state: z.enum(PROGRAMME_STATES).optional(),
  sector: z.enum(SECTORS).optional(),
  organisation: companyIdSchema.optional().describe('a proponent’s company id'),
  q: z.string().trim().min(1).max(100).optional().describe('text in the title or external id, any case'),
  sort: z.enum(Object.keys(PROGRAMME_SORT_FIELDS) as [keyof typeof PROGRAMME_SORT_FIELDS]).default('submitted'),
  order: z.enum(['asc', 'desc']).optional().describe('desc by default for submitted (newest first), else asc'),
});

const programmeOf = (services: Services, externalId: string): Promise<ProgrammeDocument> =>
  requireDocument<ProgrammeDocument>(services, documentId.programme(externalId), 'programme', externalId);

export const publicProgrammeRoutes = [
  route({
    method: 'get',
    path: '/programmes',
    tag: TAG,
    summary: 'Programmes: filter by state, sector, proponent or text; sort; page',
    description: `${FROM_REPLICA} Each query is served by a Mango index on (type, state or sector when given, sort field, _id); the other filters — a proponent, and q, a case-insensitive $regex over the title and the external id — are checked on that index's rows, never by a full scan.`,
    access: 'public',
    query: programmeListQuery,
    response: page(programmeItem),
    errors: [503],
    csv: programmesCsv,
    handle: async ({ query, services }) => {
      const order = query.order ?? (query.sort === 'submitted' ? 'desc' : 'asc');
      const listing = programmeListing({ ...query, order });
      return itemPage(services, listing, query, programmeItemOf);
    },
  }),
  route({
    method: 'get',
    path: '/programmes/:externalId',
    tag: TAG,
    summary: 'One programme, with its documents and their SHA-256 hashes',
    description: FROM_REPLICA,
    access: 'public',
    params: programmePath,
    response: programmeDetail,
    errors: [404, 503],
    handle: async ({ params, services }) => programmeDetailOf(await programmeOf(services, params.externalId)),
  }),
  route({
    method: 'get',
    path: '/programmes/:externalId/monitoring-rounds',
    tag: TAG,
    summary: 'A programme’s monitoring rounds, in order',
    description: FROM_REPLICA,
    access: 'public',
    params: programmePath,
    query: pageOnly,
    response: page(monitoringRoundItem),
    errors: [404, 503],
    csv: monitoringRoundsCsv,
    handle: async ({ params, query, services }) => {
      await programmeOf(services, params.externalId);
      return itemPage(services, monitoringRoundListing(params.externalId), query, monitoringRoundItemOf);
    },
  }),
  route({
    method: 'get',
    path: '/programmes/:externalId/issuances',
    tag: TAG,
    summary: 'Credits issued to a programme, oldest first',
    description: FROM_REPLICA,
    access: 'public',
    params: programmePath,
    query: pageOnly,
    response: page(issuanceItem),
    errors: [404, 503],
    csv: issuancesCsv,
    handle: async ({ params, query, services }) => {
      await programmeOf(services, params.externalId);
      return itemPage(services, issuanceListing(params.externalId), query, issuanceItemOf);
    },
  }),
  route({
    method: 'get',
    path: '/programmes/:externalId/history',
    tag: TAG,
    summary: 'The transactions that wrote a programme: who, when, which function, latest first',
    description: `${FROM_REPLICA} Served by a CouchDB view over the transactions' written records.`,
    access: 'public',
    params: programmePath,
    query: pageOnly,
    response: page(historyItem),
    errors: [404, 503],
    csv: historyCsv,
    handle: async ({ params, query, services }) => {
      await programmeOf(services, params.externalId);
      const recordId = documentId.programme(params.externalId);
      const found = await replicaOf(services).history<TransactionDocument>(recordId, query.limit, query.cursor);
      return mapPage(found, historyItemOf);
    },
  }),
  route({
    method: 'get',
    path: '/programmes/:externalId/blocks',
    tag: TAG,
    summary: 'A programme’s credit blocks, in unit order',
    description: FROM_REPLICA,
    access: 'public',
    params: programmePath,
    query: pageOnly.extend({ state: z.enum(BLOCK_STATES).optional() }),
    response: page(creditBlockItem),
    errors: [404, 503],
    csv: creditBlocksCsv,
    handle: async ({ params, query, services }) => {
      const programme = await programmeOf(services, params.externalId);
      // Only an authorised programme has a number, and only then credits.
      if (programme.programmeId === null) return { items: [] };
      const listing = creditBlockListing({ programmeId: programme.programmeId, state: query.state });
      return itemPage(services, listing, query, creditBlockItemOf);
    },
  }),
];
