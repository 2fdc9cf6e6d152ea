// The portal's credits pages; each names the operations it needs and its menu entry.
import type { RouteRecordRaw } from 'vue-router';

export const creditsRoutes: RouteRecordRaw[] = [
  {
    path: 'credits',
    name: 'portal-holdings',
    component: () => import('./HoldingsPage.vue'),
    // Holders' Admins and Managers: the people who can act on the blocks listed.
    meta: {
      titleKey: 'portal.credits.holdings.title',
      operations: ['credits.send', 'credits.retire'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.holdings' },
    },
  },
  {
    path: 'credits/transfer',
    name: 'portal-transfer',
    component: () => import('./TransferPage.vue'),
    meta: {
      titleKey: 'portal.credits.transfer.title',
      operations: ['credits.send'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.transfer' },
    },
  },
  {
    path: 'credits/requests',
    name: 'portal-transfer-requests',
    component: () => import('./RequestsPage.vue'),
    meta: {
      titleKey: 'portal.credits.requests.title',
      operations: ['credits.request', 'credits.decideRequest', 'credits.cancelRequest'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.requests' },
    },
  },
  {
    path: 'credits/retire',
    name: 'portal-retire',
    component: () => import('./RetirePage.vue'),
    meta: {
      titleKey: 'portal.credits.retire.title',
      operations: ['credits.retire'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.retire' },
    },
  },
  {
    path: 'credits/retirement-approvals',
    name: 'portal-retirement-approvals',
    component: () => import('./RetirementApprovalsPage.vue'),
    meta: {
      titleKey: 'portal.credits.approvals.title',
      operations: ['credits.decideRetirement'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.approvals' },
    },
  },
  {
    path: 'credits/custody',
    name: 'portal-custody',
    component: () => import('./CustodyPage.vue'),
    meta: {
      titleKey: 'portal.credits.custody.title',
      operations: ['credits.cancel', 'credits.freeze'],
      menu: { section: 'credits', labelKey: 'portal.credits.menu.custody' },
    },
  },
];
