// The registry's own facts: chaincode metadata read live from the ledger.
import { z } from 'zod';
import { route } from '../http/route.ts';
import { ledgerRecord } from '../http/common-schemas.ts';

export const systemRoutes = [
  route({
    method: 'get',
    path: '/registry',
    tag: 'Registry',
    summary: 'The registry: its country and government organisation',
    access: 'public',
    response: ledgerRecord,
    errors: [404, 502],
    handle: async ({ services }) =>
      services.ledger.evaluate(services.ledger.serviceIdentity(), 'organisation:GetRegistry'),
  }),
  route({
    method: 'get',
    path: '/registry/chaincode',
    tag: 'Registry',
    summary: 'Chaincode version and metadata',
    access: 'public',
    response: z.record(z.string(), z.unknown()),
    errors: [502],
    handle: async ({ services }) => services.ledger.evaluate(services.ledger.serviceIdentity(), 'system:GetInfo'),
  }),
];
