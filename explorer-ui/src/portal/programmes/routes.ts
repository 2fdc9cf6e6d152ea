// The portal's programmes pages; each names the operations it needs and its menu entry. Route names are stable:
// links, tests and the browser journeys use them.
import type { RouteRecordRaw } from 'vue-router';

export const programmesRoutes: RouteRecordRaw[] = [
  {
    path: 'programmes',
    name: 'portal-my-programmes',
    component: () => import('./MyProgrammesPage.vue'),
    // Every signed-in person sees their organisation's programmes; what they may do with each follows their roles.
    meta: {
      titleKey: 'portal.programmes.menu.mine',
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.mine' },
    },
  },
  {
    path: 'programmes/register',
    name: 'portal-register-programme',
    component: () => import('./RegisterProgrammePage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.register',
      operations: ['programme.submit'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.register' },
    },
  },
  {
    path: 'programmes/documents',
    name: 'portal-add-programme-document',
    component: () => import('./AddDocumentPage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.addDocument',
      operations: ['programme.addDocument'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.addDocument' },
    },
  },
  {
    path: 'programmes/monitoring',
    name: 'portal-submit-monitoring',
    component: () => import('./SubmitMonitoringPage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.monitoring',
      operations: ['monitoring.submit'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.monitoring' },
    },
  },
  {
    path: 'programmes/validation',
    name: 'portal-validation-queue',
    component: () => import('./ValidationQueuePage.vue'),
    // Not programme.reject: the government may reject too, and decides on its own page.
    meta: {
      titleKey: 'portal.programmes.menu.validation',
      operations: ['programme.validate'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.validation' },
    },
  },
  {
    path: 'programmes/verification',
    name: 'portal-verification-queue',
    component: () => import('./VerificationQueuePage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.verification',
      operations: ['monitoring.verify', 'monitoring.reject'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.verification' },
    },
  },
  {
    path: 'programmes/decisions',
    name: 'portal-programme-decisions',
    component: () => import('./ProgrammeDecisionsPage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.decisions',
      operations: ['programme.authorise', 'programme.suspend', 'programme.reinstate', 'programme.close'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.decisions' },
    },
  },
  {
    path: 'programmes/issuance',
    name: 'portal-issue-credits',
    component: () => import('./IssueCreditsPage.vue'),
    meta: {
      titleKey: 'portal.programmes.menu.issuance',
      operations: ['credits.issue'],
      menu: { section: 'programmes', labelKey: 'portal.programmes.menu.issuance' },
    },
  },
];
