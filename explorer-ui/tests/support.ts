// Mounts a page as the app runs it (router, Pinia, i18n, PrimeVue) with the API answered by a stub of fetch.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../src/i18n';
import { authoriseApiRequests, useSessionStore } from '../src/portal/session/session-store';
import { routes, sessionGuard } from '../src/router';
import { registryTheme } from '../src/theme';

export type Answer = { status?: number; body: unknown } | 'network-error' | 'pending';
/** Answers a request; most answer by URL alone, the portal's also by method, headers and body. */
export type Responder = (url: URL, request: Request) => Answer;

/** Answers each request by its path and query; returns the requested URLs. */
export function stubApi(respond: Responder): URL[] {
  const requested: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((request: Request) => {
      const url = new URL(request.url);
      requested.push(url);
      const answer = respond(url, request);
      if (answer === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
      if (answer === 'pending') return new Promise<Response>(() => undefined);
      return Promise.resolve(
        new Response(JSON.stringify(answer.body), {
          status: answer.status ?? 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }),
  );
  return requested;
}

export const organisations = {
  items: [
    {
      companyId: 'DEV-SUNRISE',
      name: 'Sunrise Energy',
      companyRole: 'ProgrammeDeveloper',
      state: 'Active',
      country: 'KE',
      hostMspId: 'DeveloperMSP',
      contact: { email: 'a@example.org', address: 'x' },
      registeredAt: '2026-01-01T00:00:00Z',
    },
    {
      companyId: 'GOV-KE',
      name: 'Climate Change Directorate',
      companyRole: 'Government',
      state: 'Active',
      country: 'KE',
      hostMspId: 'GovernmentMSP',
      contact: { email: 'b@example.org', address: 'y' },
      registeredAt: '2026-01-01T00:00:00Z',
    },
  ],
};

/** Answers the reference reads every page makes (organisations, registry) and delegates the rest. */
export function withReferenceData(respond: Responder): Responder {
  return (url, request) => {
    if (url.pathname === '/api/v1/organisations') return { body: organisations };
    if (url.pathname === '/api/v1/registry') return { body: { country: 'KE' } };
    return respond(url, request);
  };
}

export async function mountPage(component: Component, path: string, props: Record<string, unknown> = {}) {
  setLocale('en');
  const pinia = createPinia();
  setActivePinia(pinia);
  authoriseApiRequests(useSessionStore(pinia));
  const router = createRouter({ history: createMemoryHistory(), routes });
  router.beforeEach(sessionGuard);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    props,
    global: { plugins: [pinia, router, i18n, [PrimeVue, { theme: { preset: registryTheme } }]] },
  });
  return { wrapper, router };
}

export { flushPromises };
