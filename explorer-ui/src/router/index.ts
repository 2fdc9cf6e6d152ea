// Every page is its own chunk, so the first visit downloads only the shell and the page it opens.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'programmes' } },
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

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: string;
  }
}
