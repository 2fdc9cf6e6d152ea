// A stubbed gateway for the portal's credits and organisation pages: a signed-in person (restored from the tab's
// refresh token, as after a reload), the registry's organisations, and every request recorded with its body.
import { REFRESH_TOKEN_KEY } from '../src/portal/session/session-store';
import { organisations as referenceOrganisations, stubApi, type Answer } from './support';

const contact = { email: 'registry@example.org', address: '1 Registry Road' };
const organisation = (companyId: string, name: string, companyRole: string, hostMspId: string) => ({
  companyId,
  name,
  companyRole,
  state: 'Active',
  country: 'KE',
  hostMspId,
  contact,
  registeredAt: '2026-11-25T23:16:28.810Z',
  stateHistory: [],
});

export const registryOrganisations = [
  ...referenceOrganisations.items,
  organisation('DEV-GREENLEAF', 'Greenleaf Cooperative', 'ProgrammeDeveloper', 'DeveloperMSP'),
  organisation('VVB-TERRA', 'Terra Verification Bureau', 'Certifier', 'CertifierMSP'),
];

export interface Person {
  userId: string;
  email: string;
  name: string;
  companyId: string;
  mspId: string;
  role: 'Admin' | 'Manager' | 'ViewOnly';
  state: 'Active';
}

const person = (companyId: string, mspId: string, role: Person['role'], name: string): Person => ({
  userId: 'a'.repeat(64),
  email: `${role.toLowerCase()}@${companyId.toLowerCase()}.example`,
  name,
  companyId,
  mspId,
  role,
  state: 'Active',
});

export const people = {
  developerManager: person('DEV-SUNRISE', 'DeveloperMSP', 'Manager', 'Grace Wanjiru'),
  developerAdmin: person('DEV-SUNRISE', 'DeveloperMSP', 'Admin', 'Peter Otieno'),
};

export const transactionId = 'c9ad8f2e2f105386b0ab1d01fe254eec34cb344329466246723b3010b672af3a';

export interface Sent {
  method: string;
  path: string;
  url: URL;
  request: Request;
}

/** The requests the page sent, and the JSON body of one of them. */
export function sentRequests(sent: Sent[]) {
  return {
    to: (method: string, path: string) => sent.filter((s) => s.method === method && s.path === path),
    body: async (s: Sent | undefined): Promise<unknown> => (s ? JSON.parse(await s.request.clone().text()) : undefined),
  };
}

/**
 * Signs `who` in through the refresh token the session guard restores, answers the reads every portal page makes,
 * and passes everything else to `respond` (by method and path under /api/v1).
 */
export function portalGateway(who: Person, respond: (method: string, path: string, url: URL) => Answer | undefined) {
  sessionStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-0');
  const sent: Sent[] = [];
  stubApi((url, request) => {
    const path = url.pathname.replace('/api/v1', '');
    sent.push({ method: request.method, path, url, request });
    if (path === '/auth/refresh') {
      return {
        body: { tokenType: 'Bearer', accessToken: 'access', refreshToken: 'refresh-1', expiresIn: 900, user: who },
      };
    }
    if (path === '/organisations') return { body: { items: registryOrganisations } };
    const own = registryOrganisations.find((o) => path === `/organisations/${o.companyId}`);
    if (own && request.method === 'GET') return { body: { ...own, stateHistory: [] } };
    if (path === '/registry') return { body: { country: 'KE' } };
    // The replica has every transaction at once, so pages do not wait.
    if (path.startsWith('/transactions/')) return { body: { txId: path.split('/').pop() } };
    return respond(request.method, path, url) ?? { body: { items: [] } };
  });
  return sent;
}
