// The portal's organisation pages; each names the operations it needs and its menu entry.
import type { RouteRecordRaw } from 'vue-router';

export const organisationRoutes: RouteRecordRaw[] = [
  {
    path: 'organisations',
    name: 'portal-organisations',
    component: () => import('./OrganisationsPage.vue'),
    meta: {
      titleKey: 'portal.organisation.organisations.title',
      operations: [
        'organisation.register',
        'organisation.approve',
        'organisation.reject',
        'organisation.suspend',
        'organisation.reactivate',
      ],
      menu: { section: 'organisation', labelKey: 'portal.organisation.menu.organisations' },
    },
  },
  {
    path: 'organisation/contact',
    name: 'portal-contact',
    component: () => import('./ContactPage.vue'),
    meta: {
      titleKey: 'portal.organisation.contact.title',
      operations: ['organisation.updateContact'],
      menu: { section: 'organisation', labelKey: 'portal.organisation.menu.contact' },
    },
  },
  {
    path: 'organisation/users',
    name: 'portal-users',
    component: () => import('./UsersPage.vue'),
    meta: {
      titleKey: 'portal.organisation.users.title',
      operations: ['user.register', 'user.changeRole', 'user.suspend', 'user.reactivate'],
      menu: { section: 'organisation', labelKey: 'portal.organisation.menu.users' },
    },
  },
  {
    path: 'organisation/api-keys',
    name: 'portal-api-keys',
    component: () => import('./ApiKeysPage.vue'),
    // API keys are no ledger operation: the gateway lets an organisation's Admins manage them, who are exactly the
    // people the chaincode lets register users.
    meta: {
      titleKey: 'portal.organisation.apiKeys.title',
      operations: ['user.register'],
      menu: { section: 'organisation', labelKey: 'portal.organisation.menu.apiKeys' },
    },
  },
];
