// The signed-in part of the explorer. Every page under /portal needs a session; each area adds its own pages.
import type { RouteRecordRaw } from 'vue-router';
import { creditsRoutes } from './credits/routes';
import { organisationRoutes } from './organisation/routes';
import { programmesRoutes } from './programmes/routes';

export const portalPages: RouteRecordRaw[] = [
  {
    path: '',
    name: 'portal',
    component: () => import('./PortalHome.vue'),
    meta: { titleKey: 'portal.home.title' },
  },
  ...programmesRoutes,
  ...creditsRoutes,
  ...organisationRoutes,
];

export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./session/SignInPage.vue'),
    meta: { titleKey: 'portal.signIn.title' },
  },
  {
    path: '/portal',
    component: () => import('./PortalLayout.vue'),
    meta: { requiresSession: true },
    children: portalPages,
  },
];
