// Every page is its own chunk, so the first visit downloads only the shell and the page it opens.
import { createRouter, createWebHistory, type NavigationGuard, type RouteRecordRaw } from 'vue-router';
import type { Operation } from '../../../chaincode/src/domain/permissions';
import type { MenuSection } from '../portal/portal-menu';
import { portalRoutes } from '../portal/routes';
import { useSessionStore } from '../portal/session/session-store';

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('../features/home/HomePage.vue'),
  },
  {
    path: '/programmes',
    name: 'programmes',
    component: () => import('../features/programmes/ProgrammeListPage.vue'),
    meta: { titleKey: 'nav.programmes' },
  },
  {
    path: '/programmes/:externalId',
    name: 'programme',
    component: () => import('../features/programme/ProgrammePage.vue'),
    props: true,
    meta: { titleKey: 'programme.title' },
  },
  {
    path: '/credits',
    name: 'credits',
    component: () => import('../features/credits/CreditsPage.vue'),
    meta: { titleKey: 'nav.credits' },
  },
  {
    path: '/retirements',
    name: 'retirements',
    component: () => import('../features/retirements/RetirementsPage.vue'),
    meta: { titleKey: 'nav.retirements' },
  },
  {
    path: '/ledger',
    name: 'ledger',
    component: () => import('../features/ledger/LedgerPage.vue'),
    meta: { titleKey: 'nav.ledger' },
  },
  {
    path: '/ledger/blocks/:number(\\d+)',
    name: 'block',
    component: () => import('../features/ledger/BlockPage.vue'),
    props: true,
    meta: { titleKey: 'ledger.block' },
  },
  {
    path: '/ledger/transactions/:txId',
    name: 'transaction',
    component: () => import('../features/ledger/TransactionPage.vue'),
    props: true,
    meta: { titleKey: 'ledger.transaction' },
  },
  {
    path: '/network',
    name: 'network',
    component: () => import('../features/network/NetworkPage.vue'),
    meta: { titleKey: 'nav.network' },
  },
  ...portalRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../layout/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/** Portal pages need a session; after a reload it is restored from the tab's refresh token before a page opens. */
export const sessionGuard: NavigationGuard = async (to) => {
  const session = useSessionStore();
  // A gateway that cannot be reached leaves the person signed out; the sign-in page then says why.
  await session.restore().catch(() => undefined);
  if (to.matched.some((record) => record.meta.requiresSession) && !session.signedIn)
    return { name: 'sign-in', query: { redirect: to.fullPath } };
  return true;
};

router.beforeEach(sessionGuard);

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string;
    requiresSession?: boolean;
    /** The chaincode operations a portal page performs; the page opens for whoever may do at least one. */
    operations?: readonly Operation[];
    menu?: { section: MenuSection; labelKey: string };
  }
}
