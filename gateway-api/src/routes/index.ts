// Every route of the API, grouped by resource; the OpenAPI document lists them in this order.
import type { RouteSpec } from '../http/route.ts';
import { creditRoutes } from './credit-routes.ts';
import { custodyRoutes } from './custody-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { issuanceRoutes } from './issuance-routes.ts';
import { monitoringRoutes } from './monitoring-routes.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { programmeRoutes } from './programme-routes.ts';
import { retirementRoutes } from './retirement-routes.ts';
import { transferRoutes } from './transfer-routes.ts';
import { systemRoutes } from './system-routes.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { onboardingRoutes } from './onboarding-routes.ts';
import { userRoutes } from './user-routes.ts';
import { publicRoutes } from './public/index.ts';

export const allRoutes: readonly RouteSpec[] = [
  ...systemRoutes,
  ...authRoutes,
  ...onboardingRoutes,
  ...userRoutes,
  ...apiKeyRoutes,
  // Before any /credit-blocks/:param route, so the fixed path wins.
  ...creditRoutes,
  ...organisationRoutes,
  ...programmeRoutes,
  ...documentRoutes,
  ...monitoringRoutes,
  ...issuanceRoutes,
  ...transferRoutes,
  ...retirementRoutes,
  ...custodyRoutes,
  ...publicRoutes,
];
