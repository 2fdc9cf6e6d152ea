// Public reads of the registry as a whole: organisations (public fields only), the statistics,
// the latest transactions and blocks, a block's verification against the peer's chain, and the
// network view.
import { z } from 'zod';
import { COMPANY_ROLES, ORGANISATION_STATES } from '../../../../chaincode/src/domain/organisation.ts';
import { page } from '../../http/common-schemas.ts';
import { route } from '../../http/route.ts';
import {
  documentId,
  type LedgerBlockDocument,
  type OrganisationDocument,
  type TransactionDocument,
} from '../../replica/documents.ts';
import { ledgerBlockListing, organisationListing, transactionListing } from '../../replica/registry-queries.ts';
import { emptyStatistics } from '../../replica/statistics.ts';
import { companyPath } from '../path-params.ts';
import { blockVerification, networkView, replicatedHeight, verifyBlock, viewNetwork } from './chain-views.ts';
import {
  ledgerBlockItem,
  ledgerBlockItemOf,
  ledgerBlocksCsv,
  organisationDetail,
  organisationDetailOf,
  organisationItem,
  organisationItemOf,
  organisationsCsv,
  statisticsAnswer,
  transactionItem,
  transactionItemOf,
  transactionsCsv,
} from './registry-items.ts';
import { FROM_REPLICA, itemPage, pageOnly, requireDocument } from './replica-access.ts';

const blockPath = z.object({ number: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
const txPath = z.object({ txId: z.string().regex(/^[0-9a-f]{64}$/, 'a transaction id (64 hex characters)') });

export const publicRegistryRoutes = [
  route({
    method: 'get',
    path: '/organisations',
    tag: 'Public: registry',
    summary: 'Organisations of the registry, by name',
    description: `${FROM_REPLICA} Public fields only: no people, no personal e-mails (the contact is the organisation’s).`,
    access: 'public',
    query: pageOnly.extend({
      companyRole: z.enum(COMPANY_ROLES).optional(),
      state: z.enum(ORGANISATION_STATES).optional(),
    }),
    response: page(organisationItem),
    errors: [503],
    csv: organisationsCsv,
    handle: ({ query, services }) => itemPage(services, organisationListing(query), query, organisationItemOf),
  }),
  route({
    method: 'get',
    path: '/organisations/:companyId',
    tag: 'Public: registry',
    summary: 'One organisation and its state history',
    description: FROM_REPLICA,
    access: 'public',
    params: companyPath,
    response: organisationDetail,
    errors: [404, 503],
    handle: async ({ params, services }) => {
      const id = documentId.organisation(params.companyId);
      return organisationDetailOf(
        await requireDocument<OrganisationDocument>(services, id, 'organisation', params.companyId),
      );
    },
  }),
  route({
    method: 'get',
    path: '/statistics',
    tag: 'Public: registry',
    summary:
      'Credits issued, transferred, retired and cancelled (by year, sector, vintage); programmes and organisations',
    description: `${FROM_REPLICA} As of replicatedHeight.`,
    access: 'public',
    response: statisticsAnswer,
    errors: [503],
    handle: async ({ services }) => {
      const { height, checkpoint } = await replicatedHeight(services);
      return { replicatedHeight: height, statistics: checkpoint?.statistics ?? emptyStatistics() };
    },
  }),
  route({
    method: 'get',
    path: '/transactions',
    tag: 'Public: ledger',
    summary: 'The latest transactions, valid or not',
    description: FROM_REPLICA,
    access: 'public',
    query: pageOnly,
    response: page(transactionItem),
    errors: [503],
    csv: transactionsCsv,
    handle: ({ query, services }) => itemPage(services, transactionListing, query, transactionItemOf),
  }),
  route({
    method: 'get',
    path: '/transactions/:txId',
    tag: 'Public: ledger',
    summary: 'One transaction',
    description: FROM_REPLICA,
    access: 'public',
    params: txPath,
    response: transactionItem,
    errors: [404, 503],
    handle: async ({ params, services }) =>
      transactionItemOf(
        await requireDocument<TransactionDocument>(
          services,
          documentId.transaction(params.txId),
          'transaction',
          params.txId,
        ),
      ),
  }),
  route({
    method: 'get',
    path: '/ledger/blocks',
    tag: 'Public: ledger',
    summary: 'The latest ledger blocks',
    description: FROM_REPLICA,
    access: 'public',
    query: pageOnly,
    response: page(ledgerBlockItem),
    errors: [503],
    csv: ledgerBlocksCsv,
    handle: ({ query, services }) => itemPage(services, ledgerBlockListing, query, ledgerBlockItemOf),
  }),
  route({
    method: 'get',
    path: '/ledger/blocks/:number',
    tag: 'Public: ledger',
    summary: 'One ledger block',
    description: FROM_REPLICA,
    access: 'public',
    params: blockPath,
    response: ledgerBlockItem,
    errors: [404, 503],
    handle: async ({ params, services }) => {
      const id = documentId.ledgerBlock(params.number);
      return ledgerBlockItemOf(await requireDocument<LedgerBlockDocument>(services, id, 'block', params.number));
    },
  }),
  route({
    method: 'get',
    path: '/ledger/blocks/:number/verification',
    tag: 'Public: ledger',
    summary: 'Verifies a block against the peer’s chain: its data hash recomputed, its link to block n−1',
    description:
      'Fetches blocks n and n−1 from a peer (qscc GetBlockByNumber), recomputes the data hash (SHA-256 of the transactions’ bytes) and block n−1’s header hash, compares them with what block n stores, and checks the replica’s copy.',
    access: 'public',
    params: blockPath,
    response: blockVerification,
    errors: [404, 502, 503],
    handle: async ({ params, services }) => verifyBlock(services, params.number),
  }),
  route({
    method: 'get',
    path: '/network',
    tag: 'Public: ledger',
    summary: 'The network: organisations, peers and their heights, orderers, channel, chaincode',
    access: 'public',
    response: networkView,
    errors: [503],
    handle: async ({ services }) => viewNetwork(services),
  }),
];
