// Every public read of the API: no sign-in, served from the query replica (the block verification
// and the network view ask the peers).
import type { RouteSpec } from '../../http/route.ts';
import { publicCreditRoutes } from './credit-routes.ts';
import { publicProgrammeRoutes } from './programme-routes.ts';
import { publicRegistryRoutes } from './registry-routes.ts';

export const publicRoutes: readonly RouteSpec[] = [
  ...publicProgrammeRoutes,
  ...publicCreditRoutes,
  ...publicRegistryRoutes,
];
