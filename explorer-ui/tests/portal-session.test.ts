import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { menuFor } from '../src/portal/portal-menu';
import SignInPage from '../src/portal/session/SignInPage.vue';
import { REFRESH_TOKEN_KEY, useSessionStore } from '../src/portal/session/session-store';
import { mountPage, organisations, stubApi, withReferenceData, type Answer } from './support';

const profile = {
  userId: 'a'.repeat(64),
  email: 'manager@dev-sunrise.example',
  name: 'Grace Wanjiru',
  companyId: 'DEV-SUNRISE',
  mspId: 'DeveloperMSP',
  role: 'Manager',
  state: 'Active',
};

const session = (n: number, expiresIn = 900) => ({
  tokenType: 'Bearer',
  accessToken: `access-${String(n)}`,
  refreshToken: `refresh-${String(n)}`,
  expiresIn,
  user: profile,
});

/** The gateway's session routes and one signed-in read, recording every request. */
function gateway(options: { password?: string; refreshRefused?: boolean; expiresIn?: number } = {}) {
  const sent: Request[] = [];
  let issued = 0;
  const respond = withReferenceData((url, request): Answer => {
    sent.push(request);
    if (url.pathname === '/api/v1/auth/login') {
      return options.password === undefined
        ? { body: session(++issued, options.expiresIn) }
        : { status: 401, body: { code: 'INVALID_CREDENTIALS', message: 'wrong', details: {} } };
    }
    if (url.pathname === '/api/v1/auth/refresh') {
      return options.refreshRefused
        ? { status: 401, body: { code: 'INVALID_REFRESH_TOKEN', message: 'used', details: {} } }
        : { body: session(++issued, options.expiresIn) };
    }
    if (url.pathname === '/api/v1/auth/logout') return { body: { loggedOut: true } };
    if (url.pathname === '/api/v1/organisations/DEV-SUNRISE') return { body: organisations.items[0] };
    if (url.pathname === '/api/v1/auth/me') return { body: profile };
    return { status: 404, body: { code: 'NOT_FOUND', message: 'no', details: {} } };
  });
  stubApi(respond);
  const to = (path: string) => sent.filter((r) => new URL(r.url).pathname === `/api/v1${path}`);
  return { sent, to };
}

afterEach(() => {
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('portal session', () => {
  it('signs in, keeps the refresh token for this tab only, and sends the access token with later requests', async () => {
    const api = gateway();
    await mountPage(SignInPage, '/sign-in');
    const store = useSessionStore();
    await store.signIn('manager@dev-sunrise.example', 'correct horse');

    expect(store.signedIn).toBe(true);
    expect(store.companyRole).toBe('ProgrammeDeveloper');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    const { api: client } = await import('../src/api/client');
    await client.GET('/auth/me');
    expect(api.to('/auth/me')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
    // The log-in itself carries no bearer token.
    expect(api.to('/auth/login')[0]?.headers.get('Authorization')).toBeNull();
  });

  it('after a reload, restores the session from the stored refresh token with one refresh, however many ask', async () => {
    const api = gateway();
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-0');
    await mountPage(SignInPage, '/portal');
    const store = useSessionStore();
    await Promise.all([store.restore(), store.restore(), store.accessToken()]);

    expect(store.user?.name).toBe('Grace Wanjiru');
    expect(api.to('/auth/refresh')).toHaveLength(1);
    expect(await api.to('/auth/refresh')[0]?.json()).toEqual({ refreshToken: 'refresh-0' });
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('refreshes an access token about to expire before using it', async () => {
    const api = gateway({ expiresIn: 10 });
    await mountPage(SignInPage, '/sign-in');
    const store = useSessionStore();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await store.signIn('manager@dev-sunrise.example', 'pw');
      expect(await store.accessToken()).toBe('access-1');
      // Half of a 10 s token's life later it is refreshed before use, once.
      vi.setSystemTime(Date.now() + 6_000);
      expect(await store.accessToken()).toBe('access-2');
      expect(await store.accessToken()).toBe('access-2');
      expect(api.to('/auth/refresh')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the session when the gateway refuses the refresh token, and says why on the sign-in page', async () => {
    gateway({ refreshRefused: true });
    sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-stolen');
    const { wrapper, router } = await mountPage(SignInPage, '/portal');
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/portal');
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(wrapper.text()).toContain('Your session has ended. Please sign in again.');
  });

  it('signs out: forgets the tokens and revokes the refresh token at the gateway', async () => {
    const api = gateway();
    await mountPage(SignInPage, '/sign-in');
    const store = useSessionStore();
    await store.signIn('manager@dev-sunrise.example', 'pw');
    await store.signOut();
    expect(store.signedIn).toBe(false);
    expect(sessionStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(await api.to('/auth/logout')[0]?.json()).toEqual({ refreshToken: 'refresh-1' });
  });
});

describe('sign-in page', () => {
  async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper']) {
    await wrapper.find('#sign-in-email').setValue('manager@dev-sunrise.example');
    await wrapper.find('#sign-in-password').setValue('pw');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
  }

  it('shows a wrong password in the reader’s language and stays on the page', async () => {
    gateway({ password: 'wrong' });
    const { wrapper, router } = await mountPage(SignInPage, '/sign-in');
    await fillAndSubmit(wrapper);
    expect(wrapper.text()).toContain('The email address or password is wrong.');
    expect(wrapper.text()).toContain('INVALID_CREDENTIALS');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('goes where the visitor was headed, but never to another site', async () => {
    gateway();
    const inside = await mountPage(SignInPage, '/sign-in?redirect=/portal');
    await fillAndSubmit(inside.wrapper);
    await vi.waitFor(() => {
      expect(inside.router.currentRoute.value.fullPath).toBe('/portal');
    });

    sessionStorage.clear();
    gateway();
    const outside = await mountPage(SignInPage, '/sign-in?redirect=//evil.example/phish');
    await fillAndSubmit(outside.wrapper);
    await vi.waitFor(() => {
      expect(outside.router.currentRoute.value.fullPath).toBe('/portal');
    });
  });
});

describe('portal menu', () => {
  const routes: RouteRecordRaw[] = [
    {
      path: 'a',
      name: 'register',
      component: {},
      meta: { operations: ['programme.submit'], menu: { section: 'programmes', labelKey: 'x' } },
    },
    {
      path: 'b',
      name: 'validate',
      component: {},
      meta: { operations: ['programme.validate'], menu: { section: 'programmes', labelKey: 'y' } },
    },
    {
      path: 'c',
      name: 'transfer',
      component: {},
      meta: { operations: ['credits.send'], menu: { section: 'credits', labelKey: 'z' } },
    },
    { path: 'd', name: 'hidden', component: {}, meta: { operations: ['credits.send'] } },
  ];

  it('offers each person only the pages whose operations the chaincode allows them', () => {
    const developerManager = (op: string) => ['programme.submit', 'credits.send'].includes(op);
    expect(menuFor(routes, developerManager)).toEqual([
      { section: 'programmes', entries: [{ name: 'register', labelKey: 'x' }] },
      { section: 'credits', entries: [{ name: 'transfer', labelKey: 'z' }] },
    ]);
    expect(menuFor(routes, () => false)).toEqual([]);
  });
});
