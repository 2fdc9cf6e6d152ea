// The signed-in person: their access token lives in memory only; the refresh token is kept in this tab's
// sessionStorage so a reload keeps them signed in while closing the tab signs them out. Refresh tokens are good
// once, so every refresh goes through one promise at a time.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { isAllowed, type Operation } from '../../../../chaincode/src/domain/permissions';
import { api, ApiError, unwrap, useAccessTokens } from '../../api/client';
import type { CompanyRole as LedgerCompanyRole } from '../../../../chaincode/src/domain/organisation';
import type { CompanyRole, Organisation, Profile, Session } from '../../api/types';

export const REFRESH_TOKEN_KEY = 'explorer.refreshToken';
/** Refresh this long before the access token ends, so no request leaves with a token about to expire. */
const REFRESH_MARGIN_MS = 30_000;

interface Held {
  accessToken: string;
  refreshToken: string;
  refreshAt: number;
  user: Profile;
}

const storage = () => globalThis.sessionStorage;

export const useSessionStore = defineStore('session', () => {
  const held = shallowRef<Held>();
  const organisation = shallowRef<Organisation>();
  /** Why the last session ended without the person signing out (e.g. the refresh token was refused). */
  const endedBecause = shallowRef<ApiError>();
  let refreshing: Promise<void> | undefined;
  let restoring: Promise<void> | undefined;

  const user = computed(() => held.value?.user);
  const signedIn = computed(() => held.value !== undefined);
  const companyRole = computed<CompanyRole | undefined>(() => organisation.value?.companyRole);

  function adopt(session: Session): void {
    // Refresh a little before the end, but never so early that a short-lived token is refreshed on every request.
    const lifetimeMs = session.expiresIn * 1000;
    held.value = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      refreshAt: Date.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2),
      user: session.user,
    };
    storage().setItem(REFRESH_TOKEN_KEY, session.refreshToken);
  }

  /** The person's organisation names their role; read after the session is held, as any other request. */
  async function loadOrganisation(): Promise<void> {
    const companyId = held.value?.user.companyId;
    if (companyId === undefined || organisation.value?.companyId === companyId) return;
    organisation.value = await unwrap(api.GET('/organisations/{companyId}', { params: { path: { companyId } } }));
  }

  function forget(): void {
    held.value = undefined;
    organisation.value = undefined;
    storage().removeItem(REFRESH_TOKEN_KEY);
  }

  async function signIn(email: string, password: string): Promise<void> {
    endedBecause.value = undefined;
    adopt(await unwrap(api.POST('/auth/login', { body: { email, password } })));
    await loadOrganisation();
  }

  async function exchange(refreshToken: string): Promise<void> {
    try {
      adopt(await unwrap(api.POST('/auth/refresh', { body: { refreshToken } })));
    } catch (error) {
      // A refused refresh token ends the session; a network failure leaves it to try again later.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        forget();
        endedBecause.value = error;
        return;
      }
      throw error;
    }
  }

  function refresh(): Promise<void> {
    const token = held.value?.refreshToken ?? storage().getItem(REFRESH_TOKEN_KEY);
    if (!token) return Promise.resolve();
    refreshing ??= exchange(token).finally(() => (refreshing = undefined));
    return refreshing;
  }

  /** After a reload: the stored refresh token, if any, becomes a session again. Runs once. */
  function restore(): Promise<void> {
    restoring ??=
      held.value || !storage().getItem(REFRESH_TOKEN_KEY) ? Promise.resolve() : refresh().then(loadOrganisation);
    return restoring;
  }

  async function signOut(): Promise<void> {
    const token = held.value?.refreshToken;
    forget();
    endedBecause.value = undefined;
    // Revoking on the server is best effort: the person is signed out here whatever it answers.
    if (token) await unwrap(api.POST('/auth/logout', { body: { refreshToken: token } })).catch(() => undefined);
  }

  async function accessToken(): Promise<string | undefined> {
    if (refreshing) await refreshing;
    if (held.value && Date.now() >= held.value.refreshAt) await refresh();
    return held.value?.accessToken;
  }

  /** What the chaincode would allow this person; the chaincode still decides on every write. */
  function can(operation: Operation): boolean {
    const role = companyRole.value;
    const person = user.value;
    // The API names the role as a string; a role the chaincode does not know is allowed nothing by isAllowed.
    return role !== undefined && person !== undefined && isAllowed(role as LedgerCompanyRole, person.role, operation);
  }

  return {
    user,
    organisation,
    companyRole,
    signedIn,
    endedBecause,
    signIn,
    signOut,
    restore,
    refresh,
    accessToken,
    can,
  };
});

/** Wires the API client to the session: called once when the app starts. */
export function authoriseApiRequests(session: ReturnType<typeof useSessionStore>): void {
  useAccessTokens(() => session.accessToken());
}
